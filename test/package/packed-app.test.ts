/**
 * The package as an app gets it: `npm pack` (which builds dist/ first), publint and
 * arethetypeswrong on the tarball, then a fresh app in the OS temp folder, outside this
 * repository (no tsconfig paths, no hoisted devDependencies), installs the tarball with its
 * peers from the npm cache and uses it: the README's server, `npx mizan generate` on a .ts
 * entry, the app's own tsc in its strictest settings, and the generated hook rendered on the
 * server. Slow (a build and an npm install): every step runs once, in order.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APP_FILES, readmeServer } from "./app-files.js";
import { ROOT, run } from "./run.js";

const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** What the app installs next to the tarball, at the versions this repository tests. */
const APP_DEPENDENCIES = [
  "react",
  "react-dom",
  "react-hook-form",
  "@hookform/resolvers",
  "zod",
  "typescript",
  "tsx",
  "@types/react",
  "@types/react-dom",
  "@types/node",
].map((name) => `${name}@${pkg.devDependencies[name]}`);

let work = "";
let app = "";
let tarball = "";
let server: ChildProcess | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "mizan-packed-"));
  app = join(work, "app");
  // `prepack` builds dist/ (CI's clean clone has none); --json names the tarball.
  const packed = await run("npm", ["pack", "--json", "--pack-destination", work], ROOT);
  const json = packed.stdout.slice(packed.stdout.search(/^\[$/m));
  const [info] = JSON.parse(json) as Array<{
    filename: string;
  }>;
  tarball = join(work, info?.filename ?? "");
  await mkdir(join(app, "src"), { recursive: true });
  await writeFile(
    join(app, "package.json"),
    `${JSON.stringify({ name: "packed-app", private: true, type: "module" }, null, 2)}\n`,
  );
  for (const [path, contents] of Object.entries(APP_FILES)) {
    await writeFile(join(app, path), contents);
  }
  await writeFile(join(app, "src/server.ts"), await readmeServer());
  await run(
    "npm",
    ["install", tarball, ...APP_DEPENDENCIES, "--prefer-offline", "--no-audit", "--no-fund"],
    app,
  );
}, 600_000);

afterAll(async () => {
  if (server?.pid) process.kill(server.pid);
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  test("publint finds nothing to fix", async () => {
    const { stdout } = await run(join(ROOT, "node_modules/.bin/publint"), [tarball, "--strict"]);
    expect(stdout).toContain("All good!");
  }, 60_000);

  test("arethetypeswrong: every entry point resolves to ESM with types (ESM-only profile)", async () => {
    // The stylesheet export has neither JavaScript nor types to check. attw exits 1 on any
    // problem not ignored by the profile (node10 and require() from CommonJS).
    const { stdout } = await run(join(ROOT, "node_modules/.bin/attw"), [
      tarball,
      "--profile",
      "esm-only",
      "--exclude-entrypoints",
      "./react/mizan.css",
      "--format",
      "table-flipped",
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
    const table = stdout.replace(/\u001b\[[0-9;]*m/g, "");
    for (const entry of [
      "",
      "/server",
      "/node",
      "/fastify",
      "/redis",
      "/client",
      "/react",
      "/runtime",
      "/codegen",
    ]) {
      expect(table).toMatch(new RegExp(`"mizan${entry}"[^\\n]*🟢 \\(ESM\\)`));
    }
  }, 120_000);
});

describe("a fresh app outside the repository", () => {
  test("one zod: the app's copy is mizan's (a peer), not a second one", () => {
    expect(existsSync(join(app, "node_modules/zod/package.json"))).toBe(true);
    expect(existsSync(join(app, "node_modules/mizan/node_modules"))).toBe(false);
  });

  test("shipped code imports only its dependencies, its peers and Node's modules", async () => {
    const installed = join(app, "node_modules/mizan");
    const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const allowed = new Set([
      ...Object.keys(manifest.dependencies),
      ...Object.keys(manifest.peerDependencies),
    ]);
    const imported = new Set<string>();
    const statement =
      /^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|\b(?:import|require)\("([^"]+)"\)/gm;
    for (const file of readdirSync(join(installed, "dist"), {
      recursive: true,
      encoding: "utf8",
    })) {
      if (!file.endsWith(".js")) continue;
      const code = await readFile(join(installed, "dist", file), "utf8");
      for (const match of code.matchAll(statement)) {
        const specifier = match[1] ?? match[2] ?? "";
        if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
        const parts = specifier.split("/");
        imported.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? ""));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((name) => !allowed.has(name))).toEqual([]);
  });

  test("a server-only app needs no React (nor Fastify for mizan/fastify): the server entry points load without it", async () => {
    const away = ["react", "react-dom", "react-hook-form", "@hookform/resolvers"];
    for (const name of away) {
      await rename(join(app, "node_modules", name), join(app, "node_modules", `${name}-away`));
    }
    try {
      const script = `for (const m of ["mizan", "mizan/server", "mizan/node", "mizan/fastify", "mizan/client", "mizan/runtime", "mizan/codegen"]) await import(m); console.log("loaded");`;
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], app);
      expect(stdout.trim()).toBe("loaded");
    } finally {
      for (const name of away) {
        await rename(join(app, "node_modules", `${name}-away`), join(app, "node_modules", name));
      }
    }
  }, 60_000);

  test("the README's server answers echo over HTTP", async () => {
    const child = spawn(join(app, "node_modules/.bin/tsx"), ["src/server.ts"], {
      cwd: app,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = /listening on (\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      child.once("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/mizan/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "echo", args: { text: "hi" } }),
    });
    expect(await response.json()).toEqual({
      result: { message: "hi" },
      invalidate: [],
      merge: [],
    });
    child.kill();
    server = undefined;
  }, 60_000);

  test("npx mizan generate writes the client from the .ts entry", async () => {
    const { stdout } = await run(
      "npx",
      ["--no", "mizan", "generate", "--entry", "src/server.ts", "--out", "src/mizan"],
      app,
    );
    // The entry is the README's server itself: it starts listening, and the CLI still exits.
    expect(stdout).toMatch(/^mizan generate: 1 form, \d+ functions? → src\/mizan: \d+ written/m);
    expect(readdirSync(join(app, "src/mizan"))).toEqual(
      expect.arrayContaining(["forms", "functions.ts", "index.ts"]),
    );
    expect(await readFile(join(app, "src/mizan/functions.ts"), "utf8")).toContain(
      "export function createEchoCaller(",
    );
  }, 120_000);

  test("the app's tsc accepts the generated code and its use (strict, exact optional types)", async () => {
    const result = await run(join(app, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], app);
    expect(result.stdout + result.stderr).toBe("");
  }, 120_000);

  test("useContactForm() renders inside MizanProvider with react-dom/server", async () => {
    const { stdout } = await run(join(app, "node_modules/.bin/tsx"), ["src/render.tsx"], app);
    expect(stdout).toMatch(/<form[^>]*>/);
    for (const name of ["name", "email"]) expect(stdout).toMatch(new RegExp(`name="${name}"`));
    expect(stdout).toMatch(/<textarea[^>]*name="message"/);
    expect(stdout).toContain("Send");
  }, 60_000);

  test("without tsx: a .ts entry names what to install or where to point --entry; built JS needs none", async () => {
    const tsx = join(app, "node_modules/tsx");
    await rename(tsx, `${tsx}-away`);
    try {
      const failed = await run(
        join(app, "node_modules/.bin/mizan"),
        ["generate", "--entry", "src/server.ts", "--out", "src/mizan", "--check"],
        app,
      ).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /--entry src\/server\.ts: a TypeScript entry needs tsx, which could not be loaded \(.*\)\. Install it \(npm install --save-dev tsx\) or point --entry at the server's built JavaScript/,
        ),
      });
      const { stdout } = await run(
        join(app, "node_modules/.bin/mizan"),
        ["generate", "--entry", "src/registry.mjs", "--out", "js-client", "--no-hooks"],
        app,
      );
      expect(stdout).toMatch(/^mizan generate: 0 forms, \d+ functions? → js-client: \d+ written/);
      expect(readdirSync(join(app, "js-client"))).toContain("functions.ts");
    } finally {
      await rename(`${tsx}-away`, tsx);
    }
  }, 60_000);
});
