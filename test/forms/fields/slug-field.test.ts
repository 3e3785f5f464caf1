import { describe, expect, expectTypeOf, test } from "vitest";
import { SlugField } from "../../../src/forms/fields/slug-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: SlugField<string | null>, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

// Django 6's tests/forms_tests/field_tests/test_slugfield.py.
describe("SlugField", () => {
  test("test_slugfield_normalization", () => {
    expect(check(new SlugField(), "    aa-bb-cc    ")).toEqual({ value: "aa-bb-cc" });
  });

  test.each([
    ["a", "a"],
    ["1", "1"],
    ["a1", "a1"],
    ["你好", "你好"],
    ["  你-好  ", "你-好"],
    ["ıçğüş", "ıçğüş"],
    ["foo-ıç-bar", "foo-ıç-bar"],
  ])("test_slugfield_unicode_normalization: %j cleans to %j", (input, expected) => {
    expect(check(new SlugField({ allowUnicode: true }), input)).toEqual({ value: expected });
  });

  test("test_empty_value", () => {
    expect(check(new SlugField({ required: false }), "")).toEqual({ value: "" });
    expect(check(new SlugField({ required: false }), null)).toEqual({ value: "" });
    const f = new SlugField({ required: false, emptyValue: null });
    expect(check(f, "")).toEqual({ value: null });
    expect(check(f, null)).toEqual({ value: null });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string | null>();
  });

  test.each(["你好", "some@mail.com", "a b", "ıç"])("an ASCII slug refuses %j", (input) => {
    expect(check(new SlugField(), input)).toEqual({
      errors: [
        {
          code: "invalid",
          message: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
        },
      ],
    });
  });

  test("a Unicode slug refuses spaces", () => {
    expect(check(new SlugField({ allowUnicode: true }), "你 好")).toEqual({
      errors: [
        {
          code: "invalid",
          message:
            "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.",
        },
      ],
    });
  });

  test("validators in Django's order: the slug check, then the lengths", () => {
    expect(check(new SlugField({ maxLength: 2 }), "a b")).toEqual({
      errors: [
        {
          code: "invalid",
          message: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
        },
        { code: "max_length", message: "Ensure this value has at most 2 characters (it has 3)." },
      ],
    });
  });

  test("jsonSchema and describe", () => {
    const f = new SlugField({ allowUnicode: true });
    f.name = "slug";
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      "x-mizan-field": "SlugField",
      "x-mizan-widget": "TextInput",
      "x-mizan-coerce": { kind: "str", params: { strip: true, empty: "" } },
      "x-mizan-rules": [
        {
          rule: "regex",
          code: "invalid",
          params: { pattern: "^[-\\p{L}\\p{N}_]+$", flags: "u", inverse_match: false },
        },
        { rule: "null_characters" },
      ],
    });
    expect(f.describe()).toMatchObject({ type: "SlugField", allow_unicode: true });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string>();
  });
});
