import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { describe, expect, test } from "vitest";
import { unnamedRuntimeFunctions } from "../../src/codegen/runtime-names.js";
import { fixtureRegistry } from "./fixtures/forms.js";
import { emit, ROOT, TMP } from "./helpers.js";

// The package declares no side effects in its modules (what `"sideEffects": false` in
// package.json tells bundlers), so unused shared rules are dropped from the bundle.
const pure: Plugin = {
  name: "mizan-side-effect-free",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.resolveDir.startsWith(join(ROOT, "src"))) return undefined;
      return { path: join(args.resolveDir, args.path.replace(/\.js$/, ".ts")), sideEffects: false };
    });
  },
};

/** Gzipped bytes of mizan's own code that `file` pulls in through `mizan/runtime`. */
async function runtimeShare(file: string): Promise<number> {
  const source = readFileSync(file, "utf8");
  const names = /import \{([^}]*)\} from "[^"]*runtime\/index\.js";/.exec(source)?.[1] ?? "";
  const used = names
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n && !n.startsWith("type "));
  const result = await build({
    stdin: {
      contents: `export { ${used.join(", ")} } from "./src/codegen/runtime/index.js";`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    external: ["zod", "zod/mini", "zod/v4/core"],
    plugins: [pure],
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

describe("mizan/runtime", () => {
  test("pulls zod/mini, never classic zod (a mini page stays small)", async () => {
    const result = await build({
      stdin: {
        contents: 'export * from "./src/codegen/runtime/index.js";',
        resolveDir: ROOT,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      plugins: [pure],
      logLevel: "silent",
    });
    const zodInputs = Object.keys(result.metafile.inputs).filter((p) =>
      p.includes("node_modules/zod/"),
    );
    expect(zodInputs.some((p) => p.includes("/v4/mini/"))).toBe(true);
    expect(zodInputs.filter((p) => p.includes("/v4/classic/"))).toEqual([]);
  }, 60_000);

  test("every shared coercer and rule is exported by name (tree-shakable imports)", () => {
    expect(unnamedRuntimeFunctions()).toEqual([]);
  });

  test("what a generated form imports from mizan stays small (bench target: whole client ≤ 5 KB gz)", async () => {
    const dir = join(TMP, "size");
    emit(fixtureRegistry().manifest(), dir, { hooks: false });
    // contact: strings, email, choice; user-signup: numbers, decimals, booleans, lists.
    expect(await runtimeShare(join(dir, "forms/contact.ts"))).toBeLessThan(3_300);
    expect(await runtimeShare(join(dir, "forms/user-signup.ts"))).toBeLessThan(4_500);
  }, 60_000);
});
