/** `mizan generate --check` compares layout-blind first, so an up-to-date folder needs no formatter. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { generate } from "../../src/codegen/index.js";
import { sameCodeIgnoringLayout, withoutLayout } from "../../src/codegen/printer.js";
import { upToDateIgnoringLayout } from "../../src/codegen/write-files.js";
import { fixtureRegistry } from "./fixtures/forms.js";
import { TMP } from "./helpers.js";

const manifest = fixtureRegistry().manifest();
const formatted = generate(manifest);
const draft = withoutLayout(() => generate(manifest));
const OUT = join(TMP, "check-layout");

function writeAll(files: { path: string; contents: string }[]): void {
  rmSync(OUT, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(OUT, file.path)), { recursive: true });
    writeFileSync(join(OUT, file.path), file.contents);
  }
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("layout-blind comparison", () => {
  test("the unformatted draft differs from the real output only in layout, file by file", () => {
    expect(draft.map((f) => f.path)).toEqual(formatted.map((f) => f.path));
    // Layout really differs (so the comparison is doing work), the code does not.
    expect(draft.some((f, i) => f.contents !== formatted[i]?.contents)).toBe(true);
    draft.forEach((file, i) => {
      expect(sameCodeIgnoringLayout(file.contents, formatted[i]?.contents ?? "")).toBe(true);
    });
  });

  test.each([
    ['f({ "a": 1, })', "f({\n  a: 1\n})", true],
    ['f({ "a-b": 1 })', 'f({ "a-b": 1 })', true],
    ['f({ "a-b": 1 })', "f({ a-b: 1 })", false],
    ['f("a b")', 'f("ab")', false],
    ['x ? "a" : "b"', "x ? a : b", false],
    ['f({ a: "x" })', 'f({ a: "y" })', false],
    ["f(a, b)", "f(a,\n  b,\n)", true],
  ])("%j ~ %j → %s", (a, b, same) => {
    expect(sameCodeIgnoringLayout(a, b)).toBe(same);
  });

  test("a folder holding the formatted output is up to date; a changed message or a missing or extra file is not", () => {
    writeAll(formatted);
    expect(upToDateIgnoringLayout(OUT, draft)).toBe(true);

    const message = "This field is required.";
    const victim = formatted.find((f) => f.contents.includes(message));
    if (!victim) throw new Error(`no generated file holds "${message}"`);
    writeFileSync(
      join(OUT, victim.path),
      victim.contents.replace(message, "This field is needed."),
    );
    expect(upToDateIgnoringLayout(OUT, draft)).toBe(false);

    writeAll(formatted.slice(1));
    expect(upToDateIgnoringLayout(OUT, draft)).toBe(false);

    writeAll(formatted);
    const [first] = formatted;
    if (!first) throw new Error("no generated files");
    writeFileSync(join(OUT, "forms", "stale.ts"), first.contents);
    expect(upToDateIgnoringLayout(OUT, draft)).toBe(false);
  });
});
