/** `cleanField` (mizan/runtime): one field's pipeline outside Zod, its `{ value } | undefined` shape. */
import { expect, test } from "vitest";
import {
  cleanField,
  coerceStr,
  type FieldSpec,
  maxLength,
} from "../../src/codegen/runtime/index.js";

const name: FieldSpec = {
  coerce: [coerceStr, { strip: true, empty: "" }],
  required: true,
  messages: { required: "This field is required." },
  rules: [[maxLength, "max_length", "At most %(limit_value)d.", { limit_value: 3 }]],
};

const sink = (): Parameters<typeof cleanField>[2] => ({ issues: [] });

test("a clean value comes back wrapped, with no issue", () => {
  const ctx = sink();
  expect(cleanField(name, "  ada ", ctx)).toEqual({ value: "ada" });
  expect(ctx.issues).toEqual([]);
});

test("a failure is undefined, its issues in ctx", () => {
  const ctx = sink();
  expect(cleanField(name, "", ctx)).toBeUndefined();
  expect(ctx.issues).toMatchObject([
    { message: "This field is required.", params: { code: "required" } },
  ]);
  const long = sink();
  expect(cleanField(name, "lovelace", long)).toBeUndefined();
  expect(long.issues).toMatchObject([{ message: "At most 3.", params: { code: "max_length" } }]);
});

test("steps run in turn on the last value; the first failure stops them", () => {
  const upper: FieldSpec = {
    coerce: [(value) => ({ ok: true, value: String(value).toUpperCase() }), {}],
  };
  const ctx = sink();
  expect(cleanField({ ...name, steps: [upper] }, " ada", ctx)).toEqual({ value: "ADA" });
  expect(cleanField({ ...name, steps: [upper] }, "", ctx)).toBeUndefined();
  expect(ctx.issues).toHaveLength(1);
  // A step's own failure stops the chain too.
  const short: FieldSpec = { rules: [[maxLength, "max_length", "Too long.", { limit_value: 1 }]] };
  expect(cleanField({ ...name, steps: [short, upper] }, "ab", sink())).toBeUndefined();
});
