/**
 * What a bundler keeps of mizan for a plain form page: `<MizanProvider baseUrl>`,
 * `useMizanForm` and the runtime rules of a text/email/choice form, bundled by esbuild with
 * package.json's `sideEffects` (as bench/download.ts measures). Parts such a page does not use
 * must not be reachable from what it keeps: the context store (made by the first context hook),
 * GET retries (a plugin), the manifest reader, the channel client, the in-process registry and
 * the server's message tables.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { expect, test } from "vitest";
import { mizanAliases } from "../../aliases.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** mizan's specifiers resolved to its sources, every own module side-effect free. */
const sources: Plugin = {
  name: "mizan-sources",
  setup(b) {
    b.onResolve({ filter: /^mizan(\/.*)?$/ }, (args) => {
      const alias = mizanAliases.find((a) => a.find.test(args.path));
      return alias ? { path: alias.replacement, sideEffects: false } : undefined;
    });
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const base = join(args.resolveDir, args.path);
      const ts = base.replace(/\.js$/, ".ts");
      const tsx = base.replace(/\.js$/, ".tsx");
      const path = existsSync(ts) ? ts : existsSync(tsx) ? tsx : base;
      return { path, sideEffects: false };
    });
  },
};

async function kept(entry: string): Promise<{ modules: string[]; code: string }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: "tsx" },
    bundle: true,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    write: false,
    metafile: true,
    packages: "external",
    plugins: [sources],
    logLevel: "silent",
  });
  const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs));
  return {
    modules: inputs
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([path]) => relative(ROOT, join(ROOT, path))),
    code: result.outputFiles[0]?.text ?? "",
  };
}

test("a form page keeps none of what it does not use", async () => {
  const { modules, code } = await kept(
    [
      'export { MizanProvider, useMizanForm } from "mizan/react";',
      'export { choice, coerceStr, emailRule, field, maxLength, minLength, nullCharacters } from "mizan/runtime";',
    ].join("\n"),
  );
  // The check itself reaches what it should (so an empty bundle cannot pass).
  expect(modules).toEqual(
    expect.arrayContaining([
      "react/provider.tsx",
      "react/use-mizan-form.ts",
      "src/client/create-client.ts",
      "src/forms/rules/email.ts",
    ]),
  );
  const unwanted = modules.filter((path) =>
    /^src\/forms\/(locales\/|messages\.ts|validation-error\.ts)|^src\/client\/(retry|channel-client|in-process)\.ts|^src\/core\/(registry|hash)\.ts/.test(
      path,
    ),
  );
  expect(unwanted).toEqual([]);
  expect(code).not.toContain("function createContextStore");
  // Nor the code that makes the store and the channel client (the context hooks and useChannel bring it).
  expect(code).not.toMatch(/function (contextStoreOf|channelClientOf)\b/);
  // Nor the page's rendered contexts reader (the first context hook reads the script tag).
  expect(modules).not.toContain("src/client/context-store.ts");
  expect(code).not.toContain("mizan-contexts");
  // Nor the multipart encoder: generated hooks of forms with file fields bring it.
  expect(modules).not.toContain("src/client/files.ts");
  expect(code).not.toMatch(/\/manifest\//);
});

test("a form without server-only rules keeps no live validation", async () => {
  // What the generated hook of such a form (the demo's contact form) imports.
  const hook = /\breturn (useMizanForm\w*)\(/.exec(
    readFileSync(join(ROOT, "examples/demo/client/src/mizan/forms/contact.ts"), "utf8"),
  )?.[1];
  expect(hook).toBe("useMizanFormBase");
  const without = await kept(`export { MizanProvider, ${hook} } from "mizan/react";`);
  expect(without.modules).toContain("react/use-mizan-form-base.ts");
  expect(without.modules).toContain("react/server-error-tracker.ts");
  expect(without.modules).not.toContain("react/live-validation.ts");
  expect(without.code).not.toMatch(/\bLiveValidation = class\b/);
  // A hand-written useMizanForm keeps it (so the check above can fail).
  const withLive = await kept('export { MizanProvider, useMizanForm } from "mizan/react";');
  expect(withLive.modules).toContain("react/live-validation.ts");
  expect(withLive.code).toMatch(/\bLiveValidation = class\b/);
});

test("a form without message catalogs keeps neither the catalog loader, the field-level resolver nor the live checks' wiring", async () => {
  const plain = await kept('export { MizanProvider, useMizanFormBase } from "mizan/react";');
  expect(plain.modules).toContain("react/form-resolvers.ts");
  expect(plain.modules).not.toContain("react/direction.ts");
  // A few-field form parses whole: the field-level resolver comes with fieldLevelResolver.
  expect(plain.modules).not.toContain("react/field-resolver.ts");
  const fieldLevel = await kept(
    'export { MizanProvider, useMizanFormBase, fieldLevelResolver } from "mizan/react";',
  );
  expect(fieldLevel.modules).toContain("react/field-resolver.ts");
  expect(plain.code).not.toMatch(/function useCatalogResolver\b/);
  // Nested forms and formsets come with useMizanForm: their defaults and file paths.
  expect(plain.code).not.toMatch(/function (formDefaults|multipleFilesAt)\b/);
  expect(plain.code).not.toContain("min_num");
  // Nor Django's names for nested inputs (useMizanForm's register hands their events on).
  expect(plain.code).not.toMatch(/function (namedTarget|nestedRegister)\b/);
  expect(plain.code).not.toMatch(/function catalogLoader\b/);
  // Nor the catalog lookup of generated messages (withCatalog brings it).
  expect(plain.code).not.toMatch(/function catalogText\b/);
  // The live checks' host (the `<name>.validate` call, the stale-form warning) comes with useMizanForm.
  expect(plain.code).not.toContain(".validate`");
  expect(plain.code).not.toContain("regenerate the client");
  // Nor plural selection: generated English messages are strings (catalogs bring it).
  const runtime =
    'export { choice, coerceStr, emailRule, field, maxLength, minLength, nullCharacters } from "mizan/runtime";';
  const english = await kept(
    `export { MizanProvider, useMizanFormBase } from "mizan/react";\n${runtime}`,
  );
  expect(english.modules).toContain("src/codegen/runtime/field.ts");
  expect(english.code).not.toContain("PluralRules");
  const withCatalogs = await kept(
    `export { MizanProvider, useMizanFormBase, localizedMessages } from "mizan/react";\n${runtime}`,
  );
  expect(withCatalogs.code).toContain("PluralRules");
  // Passing localizedMessages brings the loader (so the checks above can fail).
  const localized = await kept(
    'export { MizanProvider, useMizanFormBase, localizedMessages } from "mizan/react";',
  );
  expect(localized.modules).toContain("react/direction.ts");
  expect(localized.code).toMatch(/function useCatalogResolver\b/);
  expect(localized.code).toMatch(/function catalogText\b/);
  const live = await kept('export { MizanProvider, useMizanForm } from "mizan/react";');
  expect(live.code).toContain(".validate`");
  expect(live.code).toMatch(/function formDefaults\b/);
  expect(live.code).toContain("min_num");
  expect(live.code).toMatch(/function nestedRegister\b/);
});

test("browser code has no regex lookbehind (Safari before 16.4 refuses the whole module)", async () => {
  const all = await kept(
    'export * from "mizan/react";\nexport * from "mizan/runtime";\nexport * from "mizan/client";',
  );
  expect(all.modules).toContain("src/forms/rules/email.ts");
  expect(all.modules).toContain("src/forms/rules/ip.ts");
  const lookbehind = [...all.code.matchAll(/\(\?<[=!]/g)].map((m) =>
    all.code.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 20),
  );
  expect(lookbehind).toEqual([]);
});
