import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { registry } from "../../examples/demo/server/registry.js";
import { generate } from "../../src/codegen/index.js";

const OUT = new URL("../../examples/demo/client/src/mizan/", import.meta.url);

// The languages `npm run demo:build` generates with (its --languages flag).
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
};
const LANGUAGES = /--languages (\S+)/.exec(pkg.scripts["demo:build"] ?? "")?.[1] ?? "en";

describe("the demo's generated client", () => {
  test("is what `mizan generate` writes for the demo's registry today", async () => {
    expect(LANGUAGES).toBe("en,fr,de,es,ar");
    const files = generate(registry.manifest(), { languages: LANGUAGES });
    expect(files.map((f) => f.path).sort()).toEqual([
      "channels.ts",
      "contexts.ts",
      "forms/contact.ts",
      "forms/login.ts",
      "forms/order.ts",
      "forms/profile.ts",
      "forms/signup.ts",
      "functions.ts",
      "index.ts",
      "messages/ar.ts",
      "messages/de.ts",
      "messages/es.ts",
      "messages/fr.ts",
      "messages/index.ts",
    ]);
    for (const file of files) {
      const onDisk = await readFile(new URL(file.path, OUT), "utf8");
      expect(onDisk, `${file.path} is stale: run npm run demo:build`).toBe(file.contents);
    }
  }, 60_000);
});
