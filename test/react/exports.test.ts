import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as react from "../../react/index.js";
import { repoRoot } from "../helpers/imports.js";

test("mizan/react's public exports are pinned", () => {
  expect(Object.keys(react).sort()).toEqual([
    "FieldError",
    "MizanCheckboxInput",
    "MizanCheckboxSelectMultiple",
    "MizanCsrfField",
    "MizanFileInput",
    "MizanForm",
    "MizanHiddenInput",
    "MizanMultiWidget",
    "MizanProvider",
    "MizanRadioSelect",
    "MizanSelect",
    "MizanSelectMultiple",
    "MizanTextInput",
    "MizanTextarea",
    "choicesOf",
    "createLocalContext",
    "defaultComponents",
    "defaultWidgets",
    "errorMessages",
    "fieldLevelResolver",
    "formDefaults",
    "initialStateOptions",
    "languageDirection",
    "loadMessageCatalog",
    "localizedMessages",
    "useChannel",
    "useFieldError",
    "useMizanClient",
    "useMizanContext",
    "useMizanContextStore",
    "useMizanForm",
    "useMizanFormBase",
    "useMizanLanguage",
    "useNativeFormProps",
    "useServerFunction",
  ]);
});

/** Every entry package.json publishes, as its source file (`./dist/src/index.js` → `src/index.ts`). */
function publishedEntries(): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    exports: Record<string, string | { default?: string }>;
  };
  return Object.values(pkg.exports)
    .map((target) => (typeof target === "string" ? target : target.default))
    .filter((target): target is string => target?.startsWith("./dist/") === true)
    .map((target) => target.slice("./dist/".length).replace(/\.js$/, ".ts"));
}

test("no name is exported by two entries with different values", async () => {
  const entries = publishedEntries();
  expect(entries).toEqual(expect.arrayContaining(["src/index.ts", "react/index.ts"]));
  const owners = new Map<string, { entry: string; value: unknown }>();
  const clashes: string[] = [];
  for (const entry of entries) {
    const exports = (await import(join(repoRoot, entry))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const first = owners.get(name);
      if (!first) owners.set(name, { entry, value });
      else if (first.value !== value) clashes.push(`${name}: ${first.entry} and ${entry}`);
    }
  }
  expect(clashes).toEqual([]);
  // The same value under one name in several entries is fine (`dispatch` from core and server).
  expect(owners.size).toBeGreaterThan(100);
});
