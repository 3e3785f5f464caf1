import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  formatCachePath,
  loadFormatCache,
  saveFormatCache,
} from "../../src/codegen/format-cache.js";
import { formatStatement, jsonSchemaToType, literal } from "../../src/codegen/index.js";
import { compareNames, compareSources, formatterId } from "../../src/codegen/printer.js";
import { ROOT, TMP } from "./helpers.js";

describe("the printer (Biome's formatter)", () => {
  test("keeps what fits on one line, unquotes identifier keys", () => {
    expect(
      formatStatement(
        'export const s = z.object({ "a": z.string(), "b-c": f<string, number>(1) });',
      ),
    ).toBe('export const s = z.object({ a: z.string(), "b-c": f<string, number>(1) });');
  });

  test("breaks a group that does not fit, item per line with trailing commas; hugs a lone call argument", () => {
    const out = formatStatement(
      `export const s = z.object({ ${"abcdefghij"
        .split("")
        .map((k) => `${k}: "${k.repeat(12)}"`)
        .join(", ")} });`,
    );
    expect(out.split("\n")[0]).toBe("export const s = z.object({");
    expect(out.split("\n")[1]).toBe('  a: "aaaaaaaaaaaa",');
    expect(out.endsWith("\n});")).toBe(true);
    expect(formatStatement(out.replace(/\n\s*/g, " "))).toBe(out);
  });

  test("a statement at an indent is laid out for it: 100 columns counted from the margin", () => {
    const call = `return useMizanForm({ name: "contact", schema: contactSchema, meta: contactFormMeta, ...options });`;
    expect(formatStatement(call, "  ")).toBe(
      [
        "  return useMizanForm({",
        '    name: "contact",',
        "    schema: contactSchema,",
        "    meta: contactFormMeta,",
        "    ...options,",
        "  });",
      ].join("\n"),
    );
    const short = 'return client.call<EchoOutput>("echo", args, options);';
    expect(formatStatement(short, "  ")).toBe(`  ${short}`);
  });

  test("strings keep their text; quotes are Biome's (double unless that needs escapes)", () => {
    const text = 'export const s = f("a, (b) [c] {d}", "it\'s");';
    expect(formatStatement(text)).toBe(text);
    expect(formatStatement('export const q = "\\"q\\"";')).toBe("export const q = '\"q\"';");
  });

  test("arrays of several multi-item arrays break (the matrix rule)", () => {
    expect(formatStatement("const m = [[1, 2], [3, 4]];")).toBe(
      "const m = [\n  [1, 2],\n  [3, 4],\n];",
    );
    expect(formatStatement("const m = [[1, 2]];")).toBe("const m = [[1, 2]];");
  });

  test("type literals use semicolons", () => {
    expect(formatStatement("type T = { a: string, b?: number };", "", { types: true })).toBe(
      "type T = { a: string; b?: number };",
    );
  });

  test("code Biome cannot parse is a generator bug, reported with the source", () => {
    expect(() => formatStatement("export const = ;")).toThrow(
      /Biome cannot parse[\s\S]*export const = ;/,
    );
  });

  test("literal() and Biome's name and source order", () => {
    expect(literal({ a: 1, "x-y": [null, "s"], u: undefined })).toBe(
      '{ a: 1, "x-y": [null, "s"] }',
    );
    expect(["useA", "UseA", "type B", "a", "Ab"].sort(compareNames)).toEqual([
      "Ab",
      "a",
      "type B",
      "UseA",
      "useA",
    ]);
    expect(["./a", "zod", "../../b", "mizan/react", "../c"].sort(compareSources)).toEqual([
      "mizan/react",
      "zod",
      "../../b",
      "../c",
      "./a",
    ]);
  });
});

describe("laid-out statements kept between runs", () => {
  const path = join(TMP, "format-cache", "formatted.json");
  const cached = (formatter: string, entries: Record<string, string>) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ formatter, entries }));
  };

  test("kept in the project's node_modules/.cache/mizan, one file per output folder", () => {
    expect(formatCachePath("src/mizan", ROOT)).toMatch(
      /node_modules\/\.cache\/mizan\/formatted-[0-9a-f]+\.json$/,
    );
    expect(formatCachePath("a", ROOT)).not.toBe(formatCachePath("b", ROOT));
    expect(formatCachePath("src/mizan", TMP)).toBeUndefined();
  });

  test("a run takes the statements an earlier run of the same formatter laid out", () => {
    cached(formatterId(), { "0:const probe = 1;": "const probe = 1; // from the cache" });
    loadFormatCache(path);
    expect(formatStatement("const probe = 1;")).toBe("const probe = 1; // from the cache");
  });

  test("another Biome version or other settings: the cache is not used", () => {
    cached(formatterId().replace(/@[\d.]+/, "@0.0.0"), {
      "0:const other = 1;": "const other = 1; // stale",
    });
    loadFormatCache(path);
    expect(formatStatement("const other = 1;")).toBe("const other = 1;");
    writeFileSync(path, "not json");
    loadFormatCache(path);
    expect(formatStatement("const other = 2;")).toBe("const other = 2;");
  });

  test("saved: exactly the statements this run used; not rewritten when nothing changed", () => {
    rmSync(path, { force: true });
    loadFormatCache(path);
    formatStatement("const kept = { a: 1 };");
    saveFormatCache(path);
    const saved = JSON.parse(readFileSync(path, "utf8"));
    expect(saved).toEqual({
      formatter: formatterId(),
      entries: { "0:const kept = { a: 1 };": "const kept = { a: 1 };" },
    });
    loadFormatCache(path);
    formatStatement("const kept = { a: 1 };");
    writeFileSync(path, JSON.stringify({ ...saved, marker: true }));
    saveFormatCache(path);
    expect(JSON.parse(readFileSync(path, "utf8")).marker).toBe(true);
  });
});

describe("JSON Schema → TypeScript (plain function callers)", () => {
  test.each([
    [{ type: "string" }, "string"],
    [{ type: ["string", "null"] }, "string | null"],
    [{ enum: ["a", 1] }, '"a" | 1'],
    [{ const: true }, "true"],
    [{ type: "array", items: { type: "integer" } }, "Array<number>"],
    [{ type: "array", prefixItems: [{ type: "string" }, { type: "number" }] }, "[string, number]"],
    [
      { type: "object", properties: { a: { type: "string" }, "b c": {} }, required: ["a"] },
      '{ a: string; "b c"?: unknown }',
    ],
    [{ type: "object", additionalProperties: { type: "number" } }, "{ [key: string]: number }"],
    [{ type: "object" }, "Record<string, unknown>"],
    [{ anyOf: [{ type: "string" }, { type: "number" }] }, "string | number"],
    [
      {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
          { type: "object", properties: { b: { type: "number" } }, required: ["b"] },
        ],
      },
      "{ a: string } & { b: number }",
    ],
    [
      {
        $ref: "#/$defs/N",
        $defs: { N: { type: "object", properties: { next: { $ref: "#/$defs/N" } } } },
      },
      "{ next?: unknown }",
    ],
    [true, "unknown"],
    [false, "never"],
  ])("%j → %s", (schema, type) => {
    expect(jsonSchemaToType(schema)).toBe(type);
  });
});
