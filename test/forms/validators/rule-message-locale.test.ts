import { expect, test } from "vitest";
import { withLocale } from "../../../src/core/locale.js";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { Form } from "../../../src/forms/form.js";
import { registerLocale } from "../../../src/forms/messages.js";
import { MinLengthValidator } from "../../../src/forms/validators/length.js";

// One validator failing again and again: its message follows the language of each call and a
// locale registered (or registered again) between calls.

test("a rule validator's message: per call language, and a re-registered text", async () => {
  const validator = new MinLengthValidator(3);
  class F extends Form {
    name = new CharField({ validators: [validator] });
  }
  const message = async () => {
    const form = new F({ data: { name: "ab" } });
    await form.fullClean();
    return form.errors.name?.map((e) => e.message);
  };
  registerLocale("x-rule", { "MinLengthValidator.min_length": "At least %(limit_value)s!" });
  expect(await message()).toEqual(["Ensure this value has at least 3 characters (it has 2)."]);
  expect(await withLocale("x-rule", message)).toEqual(["At least 3!"]);
  expect(await message()).toEqual(["Ensure this value has at least 3 characters (it has 2)."]);
  registerLocale("x-rule", {
    "MinLengthValidator.min_length": "Min %(limit_value)s (%(show_value)s).",
  });
  expect(await withLocale("x-rule", message)).toEqual(["Min 3 (2)."]);
  expect(() => validator.validate("a")).toThrow(
    "Ensure this value has at least 3 characters (it has 1).",
  );
});
