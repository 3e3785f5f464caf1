import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { FileField } from "../../src/forms/fields/file-field.js";
import { JSONField } from "../../src/forms/fields/json-field.js";
import { anyString, padded, wrongTypes } from "./parity/arbitraries.js";
import { assertParity, generatedFields } from "./parity/harness.js";

const FIELDS = {
  json: new JSONField(),
  json_optional: new JSONField({ required: false }),
  file: new FileField(),
  file_optional: new FileField({ required: false, maxLength: 8, allowEmptyFile: true }),
  file_limits: new FileField({ maxSize: 10, allowedContentTypes: ["image/png", "text/*"] }),
};

const jsonText = fc.oneof(
  fc.json(),
  padded(fc.json()),
  fc.constantFrom(
    "{",
    "[1,]",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    '"\\ud800"',
    "nul",
    "{'a': 1}",
    "  ",
    "null",
    "0",
    "[]",
    "{}",
  ),
);
const jsonValue = fc.oneof(fc.jsonValue(), jsonText, anyString, wrongTypes);

const file = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("a.png", "photo.jpeg", "", "x".repeat(9), "notes.txt", "😀.gif"),
      fc.string({ maxLength: 12 }),
    ),
    fc.integer({ min: 0, max: 20 }),
    fc.constantFrom(
      "image/png",
      "image/PNG",
      "text/plain",
      "text/plain; charset=utf-8",
      "application/pdf",
      "",
      "image/png ",
    ),
  )
  .map(([name, size, type]) => new File([new Uint8Array(size)], name, { type }));
const fileValue = fc.oneof(
  file,
  wrongTypes,
  anyString,
  fc.constantFrom(false, null, undefined, "", "__contradiction__"),
);

const INPUTS: Record<keyof typeof FIELDS, fc.Arbitrary<unknown>> = {
  json: jsonValue,
  json_optional: jsonValue,
  file: fileValue,
  file_optional: fileValue,
  file_limits: fileValue,
};

let schemas: Record<string, z.ZodType>;
let cases = 0;
beforeAll(async () => {
  schemas = await generatedFields("parity_other", FIELDS);
}, 60_000);

describe("parity: JSON and file fields (generated Zod vs field.clean())", () => {
  test.each(Object.keys(FIELDS) as Array<keyof typeof FIELDS>)("%s", (name) => {
    cases += assertParity(FIELDS[name], schemas[name] as z.ZodType, INPUTS[name]);
  });

  test("every case ran", () => {
    expect(cases).toBeGreaterThanOrEqual(Object.keys(FIELDS).length * 1000);
  });
});
