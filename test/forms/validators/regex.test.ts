import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import type { ValidationError } from "../../../src/forms/validation-error.js";
import { RegexValidator } from "../../../src/forms/validators/regex.js";
import { passes } from "../../helpers/validator-passes.js";

// Django's tests/validators/tests.py TEST_DATA; re.IGNORECASE is the "i" flag.
describe("RegexValidator", () => {
  test.each<[RegexValidator, string, boolean]>([
    [new RegexValidator(), "", true],
    [new RegexValidator(), "x1x2", true],
    [new RegexValidator("[0-9]+"), "xxxxxx", false],
    [new RegexValidator("[0-9]+"), "1234", true],
    [new RegexValidator(/[0-9]+/), "1234", true],
    [new RegexValidator(".*"), "", true],
    [new RegexValidator(/.*/), "", true],
    [new RegexValidator(".*"), "xxxxx", true],
    [new RegexValidator("x"), "y", false],
    [new RegexValidator(/x/), "y", false],
    [new RegexValidator("x", { inverseMatch: true }), "y", true],
    [new RegexValidator(/x/, { inverseMatch: true }), "y", true],
    [new RegexValidator("x", { inverseMatch: true }), "x", false],
    [new RegexValidator(/x/, { inverseMatch: true }), "x", false],
    [new RegexValidator("x", { flags: "i" }), "y", false],
    [new RegexValidator("a"), "A", false],
    [new RegexValidator("a", { flags: "i" }), "A", true],
    // search, not match: the pattern may be found anywhere.
    [new RegexValidator("[0-9]"), "abc1def", true],
    [new RegexValidator(/^[0-9]$/g), "1", true],
  ])("%#: %j", (validator, value, ok) => {
    expect(passes(validator, value)).toBe(ok);
    // Twice, so a stateful (g) regex would show.
    expect(passes(validator, value)).toBe(ok);
  });

  test("validates str(value)", () => {
    expect(passes(new RegexValidator("^42$"), 42)).toBe(true);
    expect(passes(new RegexValidator("^True$"), true)).toBe(true);
  });

  test("flags need a string pattern (Django's TypeError)", () => {
    expect(() => new RegexValidator(/a/, { flags: "i" })).toThrow(
      new TypeError("If the flags are set, regex must be a regular expression string."),
    );
  });

  test("message, code and params", () => {
    const v = new RegexValidator("^[0-9]+$", { message: "Digits only.", code: "digits" });
    try {
      v.validate("12a");
      throw new Error("expected a ValidationError");
    } catch (e) {
      expect((e as ValidationError).errors[0]).toMatchObject({
        code: "digits",
        message: "Digits only.",
        params: { value: "12a" },
      });
    }
    expect(v.toRule()).toEqual({
      rule: "regex",
      code: "digits",
      message: "Digits only.",
      params: { pattern: "^[0-9]+$", flags: "", inverse_match: false },
    });
  });

  test("default message", () => {
    try {
      new RegexValidator("x").validate("y");
    } catch (e) {
      expect((e as ValidationError).errors[0]?.message).toBe("Enter a valid value.");
    }
  });

  test("the browser rule gives the same verdict", () => {
    const v = new RegexValidator("^[a-z]+$", { flags: "i", inverseMatch: true });
    const rule = v.toRule();
    expect(rule.params.flags).toBe("i");
    expect(RULES.regex?.("ABC", rule.params)).toEqual({ value: "ABC" });
    expect(RULES.regex?.("AB1", rule.params)).toBeNull();
  });
});
