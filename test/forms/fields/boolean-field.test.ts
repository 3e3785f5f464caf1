import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { BooleanField } from "../../../src/forms/fields/boolean-field.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };

// Django's tests/forms_tests/field_tests/test_booleanfield.py, case by case.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_booleanfield_clean_1", () => new BooleanField(), "", REQUIRED],
  ["test_booleanfield_clean_1", () => new BooleanField(), null, REQUIRED],
  ["test_booleanfield_clean_1", () => new BooleanField(), true, { value: true }],
  ["test_booleanfield_clean_1", () => new BooleanField(), false, REQUIRED],
  ["test_booleanfield_clean_1", () => new BooleanField(), 1, { value: true }],
  ["test_booleanfield_clean_1", () => new BooleanField(), 0, REQUIRED],
  ["test_booleanfield_clean_1", () => new BooleanField(), "Django rocks", { value: true }],
  ["test_booleanfield_clean_1", () => new BooleanField(), "True", { value: true }],
  ["test_booleanfield_clean_1", () => new BooleanField(), "False", REQUIRED],
  ...(
    [
      ["", false],
      [null, false],
      [true, true],
      [false, false],
      [1, true],
      [0, false],
      ["1", true],
      ["0", false],
      ["Django rocks", true],
      ["False", false],
      ["false", false],
      ["FaLsE", false],
    ] as Array<[unknown, boolean]>
  ).map(([input, value]): [string, () => Field, unknown, Outcome] => [
    "test_booleanfield_clean_2",
    () => new BooleanField({ required: false }),
    input,
    { value },
  ]),
  // Python's bool() for the rest of what JSON carries.
  ["bool()", () => new BooleanField({ required: false }), "on", { value: true }],
  ["bool()", () => new BooleanField({ required: false }), " ", { value: true }],
  ["bool()", () => new BooleanField({ required: false }), "no", { value: true }],
  ["bool()", () => new BooleanField({ required: false }), "0.0", { value: true }],
  ["bool()", () => new BooleanField({ required: false }), undefined, { value: false }],
  ["bool()", () => new BooleanField({ required: false }), [], { value: false }],
  ["bool()", () => new BooleanField({ required: false }), [0], { value: true }],
  ["bool()", () => new BooleanField({ required: false }), {}, { value: false }],
  ["bool()", () => new BooleanField({ required: false }), -1, { value: true }],
  ["bool()", () => new BooleanField({ required: false }), 0.5, { value: true }],
];

describe("BooleanField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("validators run on false too (it is not an empty value)", () => {
    const seen: unknown[] = [];
    new BooleanField({ required: false, validators: [(v) => seen.push(v)] }).clean("0");
    expect(seen).toEqual([false]);
  });

  test("test_booleanfield_changed", () => {
    const f = new BooleanField();
    expect(f.hasChanged(null, null)).toBe(false);
    expect(f.hasChanged(null, "")).toBe(false);
    expect(f.hasChanged("", null)).toBe(false);
    expect(f.hasChanged("", "")).toBe(false);
    expect(f.hasChanged(false, "on")).toBe(true);
    expect(f.hasChanged(true, "on")).toBe(false);
    expect(f.hasChanged(true, "")).toBe(true);
    expect(f.hasChanged("False", "on")).toBe(true);
    expect(f.hasChanged(false, "False")).toBe(false);
    expect(f.hasChanged(true, "True")).toBe(false);
    expect(f.hasChanged(false, "True")).toBe(true);
    expect(f.hasChanged(true, "False")).toBe(true);
  });

  test("test_disabled_has_changed", () => {
    expect(new BooleanField({ disabled: true }).hasChanged("True", "False")).toBe(false);
  });
});

describe("BooleanField schema", () => {
  test("jsonSchema: required means truthy (x-mizan-required-kind falsy)", () => {
    const f = new BooleanField({ label: "I agree" });
    expect(f.jsonSchema()).toEqual({
      type: ["boolean", "string"],
      title: "I agree",
      errorMessage: { required: "This field is required." },
      "x-mizan-message-keys": { required: "Field.required" },
      "x-mizan-field": "BooleanField",
      "x-mizan-required": true,
      "x-mizan-empty": false,
      "x-mizan-widget": "CheckboxInput",
      "x-mizan-ts": { input: "boolean | string", output: "true" },
      "x-mizan-coerce": { kind: "bool", params: {} },
      "x-mizan-required-kind": "falsy",
    });
  });

  test("describe", () => {
    const f = new BooleanField({ required: false, initial: true });
    f.name = "newsletter";
    expect(f.describe()).toMatchObject({
      name: "newsletter",
      label: "Newsletter",
      type: "BooleanField",
      widget: { type: "CheckboxInput", input_type: "checkbox" },
      required: false,
      initial: true,
    });
  });

  test("cleaned types: a required box cleans to true", () => {
    expectTypeOf(new BooleanField().clean).returns.toEqualTypeOf<true>();
    expectTypeOf(new BooleanField({ required: false }).clean).returns.toEqualTypeOf<boolean>();
    expectTypeOf<FieldInput<BooleanField>>().toEqualTypeOf<boolean | string>();
  });
});
