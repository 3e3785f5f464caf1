import { describe, expect, test } from "vitest";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { Form } from "../../../src/forms/form.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { EmailValidator } from "../../../src/forms/validators/email.js";
import { MaxLengthValidator, MinLengthValidator } from "../../../src/forms/validators/length.js";
import { RegexValidator } from "../../../src/forms/validators/regex.js";
import { URLValidator } from "../../../src/forms/validators/url.js";
import type { RuleValidator } from "../../../src/forms/validators/validator.js";
import {
  MaxValueValidator,
  MinValueValidator,
  StepValueValidator,
} from "../../../src/forms/validators/value.js";

// A rule validator's error params are its params, then the failure's (Django's
// `params={"limit_value": ..., "show_value": ..., "value": ...}`), keys in that order; a change
// made through `params` (a key added, a symbol, the object replaced) shows in the next error.

function failure(validator: RuleValidator, value: unknown) {
  try {
    validator.validate(value);
  } catch (error) {
    if (error instanceof ValidationError && error.errors[0]) return error.errors[0];
    throw error;
  }
  throw new Error("no error");
}

const json = (x: unknown) => JSON.stringify(x);

describe("a built-in validator's error params", () => {
  test.each([
    [
      "max length",
      () => new MaxLengthValidator(2),
      "abc",
      { limit_value: 2, show_value: 3, value: "abc" },
    ],
    [
      "min length",
      () => new MinLengthValidator(5),
      "abc",
      { limit_value: 5, show_value: 3, value: "abc" },
    ],
    [
      "max value",
      () => new MaxValueValidator(10),
      11,
      { limit_value: 10, show_value: 11, value: 11 },
    ],
    ["min value", () => new MinValueValidator(13), 7, { limit_value: 13, show_value: 7, value: 7 }],
    ["step", () => new StepValueValidator(2), 3, { limit_value: 2, show_value: 3, value: 3 }],
    ["step with offset", () => new StepValueValidator(3, { offset: 1 }), 3, undefined],
    [
      "regex",
      () => new RegexValidator(/^[a-z]+$/),
      "A b",
      { pattern: "^[a-z]+$", flags: "", inverse_match: false, value: "A b" },
    ],
    ["email", () => new EmailValidator(), "ada@", { allowlist: ["localhost"], value: "ada@" }],
    [
      "url",
      () => new URLValidator({ schemes: ["https"] }),
      "http://example.com",
      { schemes: ["https"], value: "http://example.com" },
    ],
    [
      "callable limit",
      () => new MinValueValidator(() => 13),
      7,
      { limit_value: 13, show_value: 7, value: 7 },
    ],
  ])("%s", async (_name, make, value, expected) => {
    const validator = make();
    const first = failure(validator, value);
    if (expected) expect(json(first.params)).toBe(json(expected));
    // Each failure has its own params object, equal to the last.
    const second = failure(validator, value);
    expect(json(second.params)).toBe(json(first.params));
    expect(second.params).not.toBe(first.params);
    // The schema's spec carries the same params, and the errors stay the same after it.
    expect(json(validator.toRule().params)).toBe(json(validator.params));
    expect(json(failure(validator, value).params)).toBe(json(first.params));
    // Through a form too.
    class F extends Form {
      name = new CharField({ validators: [validator], required: false });
    }
    if (typeof value === "string") {
      const form = new F({ data: { name: value } });
      await form.fullClean();
      expect(json(form.errors.name?.[0]?.params)).toBe(json(first.params));
    }
  });
});

describe("params changed through the validator", () => {
  test("a key added to params shows in the next error, in its place", () => {
    const validator = new MaxLengthValidator(2);
    failure(validator, "abc");
    (validator.params as Record<string, unknown>).extra = 1;
    expect(json(failure(validator, "abc").params)).toBe(
      json({ limit_value: 2, extra: 1, show_value: 3, value: "abc" }),
    );
  });

  test("a symbol key added to params is copied too", () => {
    const tag = Symbol("tag");
    const validator = new RegexValidator(/^a$/);
    failure(validator, "b");
    (validator.params as Record<symbol, unknown>)[tag] = "x";
    const params = failure(validator, "b").params as Record<symbol, unknown>;
    expect(params[tag]).toBe("x");
  });

  test("params replaced, or a value changed in place", () => {
    const validator = new MinLengthValidator(5);
    validator.params = { limit_value: 4, note: "n" };
    expect(json(failure(validator, "abc").params)).toBe(
      json({ limit_value: 4, note: "n", show_value: 3, value: "abc" }),
    );
    const other = new EmailValidator();
    other.params.allowlist = ["intranet"];
    expect(json(failure(other, "ada@").params)).toBe(
      json({ allowlist: ["intranet"], value: "ada@" }),
    );
  });

  test("a key given a getter is read by the rule, then once by the copy", () => {
    const validator = new MaxLengthValidator(2);
    let reads = 0;
    Object.defineProperty(validator.params, "limit_value", {
      get: () => {
        reads++;
        return 2;
      },
      enumerable: true,
      configurable: true,
    });
    reads = 0;
    expect(json(failure(validator, "abc").params)).toBe(
      json({ limit_value: 2, show_value: 3, value: "abc" }),
    );
    expect(reads).toBe(3); // the rule's two reads, then the copy's
  });
});
