import { describe, expect, expectTypeOf, test } from "vitest";
import { RegexField } from "../../../src/forms/fields/regex-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: RegexField<string | null>, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const INVALID = { errors: [{ code: "invalid", message: "Enter a valid value." }] };
const REQUIRED = { errors: [{ code: "required", message: "This field is required." }] };

// Django 6's tests/forms_tests/field_tests/test_regexfield.py.
describe("RegexField", () => {
  test.each<[unknown, Outcome]>([
    ["2A2", { value: "2A2" }],
    ["3F3", { value: "3F3" }],
    ["3G3", INVALID],
    [" 2A2", INVALID],
    ["2A2 ", INVALID],
    ["", REQUIRED],
  ])("test_regexfield_1: %j", (input, expected) => {
    expect(check(new RegexField("^[0-9][A-F][0-9]$"), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    ["2A2", { value: "2A2" }],
    ["3F3", { value: "3F3" }],
    ["3G3", INVALID],
    ["", { value: "" }],
  ])("test_regexfield_2: %j", (input, expected) => {
    expect(check(new RegexField("^[0-9][A-F][0-9]$", { required: false }), input)).toEqual(
      expected,
    );
  });

  test.each<[unknown, Outcome]>([
    ["2A2", { value: "2A2" }],
    ["3F3", { value: "3F3" }],
    ["3G3", INVALID],
    [" 2A2", INVALID],
    ["2A2 ", INVALID],
  ])("test_regexfield_3 (a compiled pattern): %j", (input, expected) => {
    expect(check(new RegexField(/^[0-9][A-F][0-9]$/), input)).toEqual(expected);
  });

  const atLeast5 = {
    code: "min_length",
    message: "Ensure this value has at least 5 characters (it has 3).",
  };
  test.each<[unknown, Outcome]>([
    ["123", { errors: [atLeast5] }],
    ["abc", { errors: [atLeast5, { code: "invalid", message: "Enter a valid value." }] }],
    ["12345", { value: "12345" }],
    ["1234567890", { value: "1234567890" }],
    [
      "12345678901",
      {
        errors: [
          {
            code: "max_length",
            message: "Ensure this value has at most 10 characters (it has 11).",
          },
        ],
      },
    ],
    ["12345a", INVALID],
  ])("test_regexfield_4: %j", (input, expected) => {
    const f = new RegexField("^[0-9]+$", { minLength: 5, maxLength: 10 });
    expect(check(f, input)).toEqual(expected);
  });

  test("test_regexfield_unicode_characters (Python's \\w is [\\p{L}\\p{N}_] in JS)", () => {
    const f = new RegexField(/^[\p{L}\p{N}_]+$/u);
    expect(check(f, "éèøçÎÎ你好")).toEqual({ value: "éèøçÎÎ你好" });
    // JavaScript semantics: `\w` is ASCII-only, unlike Python's.
    expect(check(new RegexField("^\\w+$"), "éè")).toEqual(INVALID);
  });

  test("test_change_regex_after_init", () => {
    const f = new RegexField("^[a-z]+$");
    f.regex = "^[0-9]+$";
    expect(check(f, "1234")).toEqual({ value: "1234" });
    expect(check(f, "abcd")).toEqual(INVALID);
    expect(f.validators.filter((v) => "regex" in (v as object))).toHaveLength(1);
  });

  test("test_get_regex", () => {
    expect(new RegexField("^[a-z]+$").regex).toEqual(/^[a-z]+$/);
  });

  test("test_regexfield_strip", () => {
    const f = new RegexField("^[a-z]+$", { strip: true });
    expect(check(f, " a")).toEqual({ value: "a" });
    expect(check(f, "a ")).toEqual({ value: "a" });
  });

  test("test_empty_value", () => {
    expect(check(new RegexField("", { required: false }), "")).toEqual({ value: "" });
    expect(check(new RegexField("", { required: false }), null)).toEqual({ value: "" });
    const f = new RegexField("", { required: false, emptyValue: null });
    expect(check(f, "")).toEqual({ value: null });
    expect(check(f, null)).toEqual({ value: null });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string | null>();
  });

  test("flags travel with the pattern", () => {
    const f = new RegexField(/^[a-f]+$/i);
    expect(check(f, "ABC")).toEqual({ value: "ABC" });
    expect(f.describe()).toMatchObject({ regex: "^[a-f]+$", regex_flags: "i", strip: false });
  });

  test("jsonSchema", () => {
    const f = new RegexField("^[0-9]+$");
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      "x-mizan-field": "RegexField",
      "x-mizan-coerce": { kind: "str", params: { strip: false, empty: "" } },
      "x-mizan-rules": [
        { rule: "null_characters" },
        {
          rule: "regex",
          code: "invalid",
          message: "Enter a valid value.",
          params: { pattern: "^[0-9]+$", flags: "", inverse_match: false },
        },
      ],
    });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string>();
  });
});
