import { describe, expect, test } from "vitest";
import { fieldTypes, formatStatement, jsonSchemaToType, literal } from "../../src/codegen/index.js";
import { compareNames } from "../../src/codegen/printer.js";

describe("the stable printer", () => {
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

  test("strings with brackets, commas and quotes are left alone", () => {
    const text = 'export const s = f("a, (b) [c] {d}", "\\"q\\"");';
    expect(formatStatement(text)).toBe(text);
  });

  test("arrays of several multi-item arrays break (Prettier's matrix rule)", () => {
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

  test("literal() and Biome's name order", () => {
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
      '{ a: string, "b c"?: unknown }',
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

describe("field types from x-mizan-field and x-mizan-required", () => {
  test.each([
    [
      { "x-mizan-field": "CharField", "x-mizan-required": true, "x-mizan-empty": "" },
      "string",
      "string",
    ],
    [
      { "x-mizan-field": "CharField", "x-mizan-required": false, "x-mizan-empty": null },
      "string",
      "string | null",
    ],
    [
      { "x-mizan-field": "IntegerField", "x-mizan-required": false, "x-mizan-empty": null },
      "number | string",
      "number | null",
    ],
    [{ "x-mizan-field": "BooleanField", "x-mizan-required": true }, "boolean | string", "true"],
    [
      {
        "x-mizan-field": "ChoiceField",
        type: "string",
        enum: ["a", "b"],
        "x-mizan-required": false,
        "x-mizan-empty": "",
      },
      "string",
      '"a" | "b" | ""',
    ],
    [
      {
        "x-mizan-field": "MultipleChoiceField",
        items: { enum: ["a"] },
        "x-mizan-required": false,
        "x-mizan-empty": [],
      },
      "string[]",
      'Array<"a">',
    ],
    [
      { "x-mizan-field": "FileField", "x-mizan-required": false },
      "File | null | false",
      "File | false | null",
    ],
    [
      { "x-mizan-field": "JSONField", "x-mizan-required": true },
      "JsonValue",
      "Exclude<JsonValue, null>",
    ],
    [
      { "x-mizan-field": "MyField", type: "integer", "x-mizan-required": true },
      "number | string",
      "number",
    ],
    [{ "x-mizan-field": "MyField" }, "JsonValue", "JsonValue"],
  ])("%j", (node, input, output) => {
    expect(fieldTypes(node)).toEqual({ input, output });
  });
});
