import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { validateSlug, validateUnicodeSlug } from "../../../src/forms/validators/slug.js";

function errorOf(v: { validate(value: unknown): void }, value: unknown) {
  try {
    v.validate(value);
    return null;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.errors.map(({ code, message }) => ({ code, message }))[0];
  }
}

// Django's tests/validators/tests.py TEST_DATA.
describe("validate_slug", () => {
  test.each(["slug-ok", "longer-slug-still-ok", "--------", "nohyphensoranything", "a", "1", "a1"])(
    "%j is valid",
    (v) => {
      expect(errorOf(validateSlug, v)).toBeNull();
    },
  );
  test.each(["", " text ", " ", "some@mail.com", "你好", "你 好", "\n", "trailing-newline\n"])(
    "%j is invalid",
    (v) => {
      expect(errorOf(validateSlug, v)).toEqual({
        code: "invalid",
        message: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
      });
    },
  );
});

describe("validate_unicode_slug", () => {
  test.each([
    "slug-ok",
    "longer-slug-still-ok",
    "--------",
    "nohyphensoranything",
    "a",
    "1",
    "a1",
    "你好",
    "ıçğüş",
    "foo-ıç-bar",
    "٣_²",
  ])("%j is valid", (v) => {
    expect(errorOf(validateUnicodeSlug, v)).toBeNull();
  });
  test.each(["", " text ", " ", "some@mail.com", "\n", "你 好", "trailing-newline\n", "é\u0301"])(
    "%j is invalid",
    (v) => {
      expect(errorOf(validateUnicodeSlug, v)).toEqual({
        code: "invalid",
        message:
          "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.",
      });
    },
  );
});

test("the slug validators ship to the browser as regex rules", () => {
  const rule = validateUnicodeSlug.toRule();
  expect(rule).toMatchObject({
    rule: "regex",
    code: "invalid",
    params: { pattern: "^[-\\p{L}\\p{N}_]+$", flags: "u", inverse_match: false },
  });
  expect(RULES.regex?.("你-好", rule.params)).toBeNull();
  expect(RULES.regex?.("你 好", rule.params)).toEqual({ value: "你 好" });
  expect(validateSlug.toRule().params).toEqual({
    pattern: "^[-a-zA-Z0-9_]+$",
    flags: "",
    inverse_match: false,
  });
});
