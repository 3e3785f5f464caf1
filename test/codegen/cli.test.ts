import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CommandIO, parseCommand, runCli, watchCommand } from "../../src/codegen/command.js";
import { generate, plainFunctions } from "../../src/codegen/generate.js";
import { fixtureRegistry } from "./fixtures/forms.js";
import { ROOT, TMP } from "./helpers.js";

const FIXTURES = join(ROOT, "test/codegen/fixtures");
const OUT = join(TMP, "cli");

function io(fetchImpl?: typeof fetch): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
}

const manifest = fixtureRegistry().manifest();
// What the fixture entry generates, counted from its manifest as the CLI counts it.
const FORMS = Object.keys(manifest.forms).length;
const FUNCTIONS = plainFunctions(manifest).length;
const COUNTS = `${FORMS} form${FORMS === 1 ? "" : "s"}, ${FUNCTIONS} function${FUNCTIONS === 1 ? "" : "s"}`;
const FILES = generate(manifest).length;
let served: unknown = manifest;
let server: Server;
let base: string;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  server = createServer((req, res) => {
    if (req.url === "/api/mizan/manifest/") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(served));
    } else {
      res.writeHead(404).end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mizan`;
});
afterAll(() => {
  server.close();
});

describe("mizan generate", () => {
  test("--entry (a .ts module exporting `registry`): writes, then a second run changes nothing", async () => {
    const dir = join(OUT, "entry");
    const first = io();
    expect(
      await runCli(["generate", "--entry", join(FIXTURES, "entry.ts"), "--out", dir], first),
    ).toBe(0);
    expect(first.out).toEqual([
      expect.stringMatching(
        new RegExp(`^mizan generate: ${COUNTS} → .*: ${FILES} written, 0 unchanged in \\d+ ms$`),
      ),
    ]);
    expect(readFileSync(join(dir, "forms/contact.ts"), "utf8")).toContain(
      "export function useContactForm",
    );
    const second = io();
    expect(
      await runCli(["generate", "--entry", join(FIXTURES, "entry.ts"), "--out", dir], second),
    ).toBe(0);
    expect(second.out[0]).toContain(`0 written, ${FILES} unchanged`);
  }, 60_000);

  test("--check: exit 0 when up to date, 1 naming the stale and leftover files; writes nothing", async () => {
    const dir = join(OUT, "check");
    const args = ["generate", "--entry", join(FIXTURES, "entry.ts"), "--out", dir];
    await runCli(args, io());
    const ok = io();
    expect(await runCli([...args, "--check"], ok)).toBe(0);
    expect(ok.out[0]).toMatch(/up to date/);
    writeFileSync(join(dir, "forms/order.ts"), "// edited by hand\n");
    const leftover = readFileSync(join(dir, "forms/contact.ts"), "utf8");
    writeFileSync(join(dir, "forms/old-form.ts"), leftover);
    const stale = io();
    expect(await runCli([...args, "--check"], stale)).toBe(1);
    expect(stale.err[0]).toMatch(/2 files in .* out of date: forms\/order.ts, forms\/old-form.ts/);
    expect(readFileSync(join(dir, "forms/order.ts"), "utf8")).toBe("// edited by hand\n");
    const fix = io();
    await runCli(args, fix);
    expect(fix.out[0]).toContain(`1 written, ${FILES - 1} unchanged, 1 removed`);
    expect(existsSync(join(dir, "forms/old-form.ts"))).toBe(false);
  }, 60_000);

  test.each([
    [
      ["--entry", "test/codegen/fixtures/nope.ts"],
      /--entry test\/codegen\/fixtures\/nope.ts: no such file/,
    ],
    [["--entry", join(FIXTURES, "entry-throws.ts")], /loading it failed: database URL missing/],
    [
      ["--entry", join(FIXTURES, "entry.ts"), "--export", "api"],
      /no export named "api" \(it exports registry\)/,
    ],
    [
      ["--entry", join(FIXTURES, "entry-empty.ts")],
      /found no forms or functions\. Export the registry/,
    ],
    [
      ["--url", "http://127.0.0.1:9/api/mizan"],
      /cannot reach http:\/\/127.0.0.1:9\/api\/mizan\/manifest\/ .*Is the server running\?/,
    ],
  ])(
    "clear error: %j",
    async (args, message) => {
      const out = io();
      expect(await runCli(["generate", ...args, "--out", join(OUT, "errors")], out)).toBe(1);
      expect(out.err).toEqual([expect.stringMatching(message)]);
      expect(existsSync(join(OUT, "errors"))).toBe(false);
    },
    60_000,
  );

  // One process, one default registry: an entry imported here stays imported (as in the CLI,
  // which imports the entry into its own process), so this runs after the empty-entry case.
  test("the default registry, when the entry exports none", async () => {
    const out = io();
    const dir = join(OUT, "default");
    expect(
      await runCli(["generate", "--entry", join(FIXTURES, "entry-default.ts"), "--out", dir], out),
    ).toBe(0);
    expect(out.out[0]).toMatch(/1 form, 1 function/);
  }, 60_000);

  test("without tsx, a .ts entry fails with what to install or where to point --entry", async () => {
    // The real import of a package that is not installed, in place of `tsx/esm/api`.
    // `native: false`: a plain Node process, as when the built CLI runs (Vitest itself
    // imports .ts, so without it no tsx would be asked for).
    const tsx = {
      native: false,
      importApi: () => import(["tsx-not-installed", "esm", "api"].join("/")),
    };
    for (const watch of [false, true]) {
      const out = { ...io(), tsx };
      const entry = join(FIXTURES, "entry.ts");
      const command = {
        entry,
        out: join(OUT, "no-tsx"),
        check: false,
        watch,
        hooks: true,
      };
      let code: number;
      if (watch) {
        (await watchCommand(command, out)).close();
        code = out.err.length ? 1 : 0;
      } else {
        code = await runCli(["generate", "--entry", entry, "--out", command.out], out);
      }
      expect(code).toBe(1);
      expect(out.err).toEqual([
        expect.stringMatching(
          /needs tsx, which could not be loaded \(.*tsx-not-installed.*\)\. Install it \(npm install --save-dev tsx\) or point --entry at the server's built JavaScript/,
        ),
      ]);
    }
    expect(existsSync(join(OUT, "no-tsx"))).toBe(false);
  });

  test("--url reads GET {base}/manifest/ from a running server; a wrong base is named", async () => {
    const dir = join(OUT, "url");
    const out = io();
    expect(await runCli(["generate", "--url", base, "--out", dir], out)).toBe(0);
    expect(out.out[0]).toMatch(new RegExp(`${COUNTS} .* ${FILES} written`));
    const wrong = io();
    expect(await runCli(["generate", "--url", `${base}/v2`, "--out", dir], wrong)).toBe(1);
    expect(wrong.err[0]).toMatch(/answered 404 .*Is --url the API base path/);
  });

  test("usage errors exit 2", async () => {
    for (const args of [["generate", "--out", "x"], ["generate", "--entry", "a.ts"], ["build"]]) {
      const out = io();
      expect(await runCli(args, out)).toBe(2);
      expect(out.err[0]).toMatch(/^mizan: /);
    }
    expect(parseCommand(["generate", "--entry", "a.ts", "--out", "o", "--no-hooks"])).toEqual({
      entry: "a.ts",
      out: "o",
      check: false,
      watch: false,
      hooks: false,
    });
  });

  test("--languages: English first, primary subtag lower-cased, de-duplicated; a bad tag is a usage error", () => {
    const argv = ["generate", "--entry", "a.ts", "--out", "o", "--languages"];
    expect(parseCommand([...argv, "fr,AR,fr"])).toMatchObject({ languages: ["en", "fr", "ar"] });
    expect(parseCommand([...argv, "en,pt_BR,PT-br"])).toMatchObject({ languages: ["en", "pt-BR"] });
    expect(() => parseCommand([...argv, "en,français"])).toThrow(/not a language tag/);
  });

  test("--zod: mini by default, classic on request (then --check wants classic too); a bad flavor is a usage error", async () => {
    const dir = join(OUT, "zod");
    const argv = ["generate", "--entry", join(FIXTURES, "entry.ts"), "--out", dir];
    expect(parseCommand([...argv, "--zod", "classic"])).toMatchObject({ zod: "classic" });
    expect(parseCommand(argv)).not.toHaveProperty("zod");
    expect(await runCli(argv, io())).toBe(0);
    const contact = () => readFileSync(join(dir, "forms/contact.ts"), "utf8");
    expect(contact()).toContain('import * as z from "zod/mini";');
    expect(await runCli([...argv, "--zod", "classic", "--check"], io())).toBe(1);
    expect(await runCli([...argv, "--zod", "classic"], io())).toBe(0);
    expect(contact()).toContain('import { z } from "zod";');
    expect(await runCli([...argv, "--zod", "classic", "--check"], io())).toBe(0);
    const bad = io();
    expect(await runCli([...argv, "--zod", "nano"], bad)).toBe(2);
    expect(bad.err.join("\n")).toContain(
      'Unknown Zod flavor "nano": expected "mini" or "classic".',
    );
  });

  test("--watch regenerates when the entry changes", async () => {
    const dir = join(OUT, "watch");
    const src = join(TMP, "watch-src");
    mkdirSync(src, { recursive: true });
    const entry = join(src, "entry.ts");
    const write = (maxLength: number) =>
      writeFileSync(
        entry,
        `import { CharField, Form, formMeta, Registry } from "../../../../src/index.js";
class NoteForm extends Form { static override meta = formMeta({ name: "note" }); text = new CharField({ maxLength: ${maxLength} }); }
export const registry = new Registry();
registry.register(NoteForm);
`,
      );
    write(10);
    const out = io();
    const watcher = await watchCommand(
      { entry, out: dir, check: false, watch: true, hooks: true },
      out,
    );
    try {
      expect(readFileSync(join(dir, "forms/note.ts"), "utf8")).toContain("limit_value: 10");
      write(20);
      await expect
        .poll(() => readFileSync(join(dir, "forms/note.ts"), "utf8"), {
          timeout: 20_000,
          interval: 200,
        })
        .toContain("limit_value: 20");
      expect(out.out.filter((l) => l.includes("written"))).toHaveLength(2);
    } finally {
      watcher.close();
    }
  }, 60_000);

  test("--watch --url regenerates when the server's manifest version moves", async () => {
    const dir = join(OUT, "watch-url");
    const out = io();
    const watcher = await watchCommand(
      { url: base, out: dir, check: false, watch: true, hooks: true },
      out,
      50,
    );
    try {
      expect(out.out[0]).toContain(`${FILES} written`);
      const { echo: _echo, ...functions } = manifest.functions;
      served = { ...manifest, version: "moved", functions };
      await expect
        .poll(() => readFileSync(join(dir, "functions.ts"), "utf8"), { timeout: 20_000 })
        .not.toContain("createEchoCaller");
      expect(out.out.at(-1)).toContain(`2 written, ${FILES - 2} unchanged`);
    } finally {
      watcher.close();
      served = manifest;
    }
  }, 30_000);

  test("the bin runs as a .ts entry point through tsx (shebang + argv)", async () => {
    const cli = join(ROOT, "src/codegen/cli.ts");
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const run = promisify(execFile);
    const dir = join(OUT, "bin");
    const { stdout } = await run(
      join(ROOT, "node_modules/.bin/tsx"),
      [cli, "generate", "--entry", join(FIXTURES, "entry.ts"), "--out", dir],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(new RegExp(`^mizan generate: ${COUNTS}`));
    const failed = await run(join(ROOT, "node_modules/.bin/tsx"), [cli, "generate", "--out", dir], {
      cwd: ROOT,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--entry <file> or --url/),
    });
  }, 60_000);
});
