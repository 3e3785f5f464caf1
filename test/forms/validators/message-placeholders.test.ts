import { describe, expect, test } from "vitest";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { Form } from "../../../src/forms/form.js";
import { formatMessage, type MessageParams } from "../../../src/forms/messages.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { MaxLengthValidator } from "../../../src/forms/validators/length.js";

// A failing validator's message, and `Field.error`'s with params, are their template formatted
// with the params and then formatted again (as `new ValidationError(message, { params })`
// does): a placeholder left after the first pass, one a param's text brings in, or one that
// a `%` and a `(` make where a param meets the template's text, are filled by the second.

const twice = (template: string, params: MessageParams) =>
  formatMessage(formatMessage(template, params), params);

function thrown(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("nothing thrown");
}

// [template, value (longer than 2)], each with the message it gives.
const cases: Array<[string, string, string]> = [
  ["v=%(value)s", "abc", "v=abc"],
  ["v=%(value)s", "x%(limit_value)d", "v=x2"],
  ["v=%(value)s(limit_value)d", "ab%", "v=ab2"],
  ["100%%(value)s", "(limit_value)d", "1002"],
  ["%(%(value)s)d", "limit_value", "2"],
  ["%(nope)x %(value)s", "%(show_value)d", "%(nope)x 14"],
  ["%(missing)s %(value)s!", "%(limit_value)s", "%(missing)s 2!"],
  ["%(value)s%(value)s", "((%", "((%((%"],
  ["%(value)s", "%%(limit_value)d%", "%2%"],
];

describe("a rule validator's message", () => {
  test.each(cases)("%s with %s", async (template, value, expected) => {
    const params = { limit_value: 2, show_value: [...value].length, value };
    expect(twice(template, params)).toBe(expected);
    const validator = new MaxLengthValidator(2, template);
    // Twice each: the template's parts are kept after the first.
    for (let i = 0; i < 2; i++) {
      const error = thrown(() => validator.validate(value));
      expect(error.errors).toEqual([{ code: "max_length", message: expected, params }]);
    }
    class F extends Form {
      name = new CharField({ validators: [validator], strip: false });
    }
    for (let i = 0; i < 2; i++) {
      const form = new F({ data: { name: value } });
      await form.fullClean();
      expect(form.errors).toEqual({ name: [{ code: "max_length", message: expected, params }] });
    }
  });
});

describe("Field.error", () => {
  const messages: Array<[string, MessageParams, string]> = [
    ["%(a)s%(b)s", { a: "%", b: "(a)s" }, "%"],
    ["%(a)s%(e)s%(b)s", { a: "%", e: "", b: "(a)s" }, "%"],
    ["[%(a)s]", { a: "%(b)d", b: 7.9 }, "[7]"],
    ["%(a)s%", { a: "(b)s" }, "(b)s%"],
    ["%(a)r and %(b)s", { a: "x", b: null }, "'x' and None"],
    ["plain %(a)s", { a: "text" }, "plain text"],
  ];

  test.each(messages)("%s", (template, params, expected) => {
    expect(twice(template, params)).toBe(expected);
    const field = new CharField({ errorMessages: { bad: template } });
    for (let i = 0; i < 2; i++) {
      expect(field.error("bad", params).errors).toEqual([
        { code: "bad", message: expected, params },
      ]);
    }
  });

  test("without params, the template's placeholders are kept and no params are given", () => {
    const field = new CharField({ errorMessages: { bad: "keep %(a)s and %(b)d" } });
    expect(field.error("bad").errors).toEqual([{ code: "bad", message: "keep %(a)s and %(b)d" }]);
    expect(field.error("bad").errors[0]).not.toHaveProperty("params");
  });
});
