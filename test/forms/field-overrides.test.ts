// A form cleans built-in fields without throwing where their class reports a refusal as a
// value; a subclass that overrides `toPython` or `validate` must still be the one that runs.
import { describe, expect, test } from "vitest";
import { createContext } from "../../src/core/context.js";
import type { ValidationDetails } from "../../src/core/errors.js";
import { Registry } from "../../src/core/registry.js";
import { BooleanField } from "../../src/forms/fields/boolean-field.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { ChoiceField } from "../../src/forms/fields/choice-field.js";
import { DateField } from "../../src/forms/fields/date-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { URLField } from "../../src/forms/fields/url-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";

class UpperField extends CharField {
  override toPython(value: unknown): string {
    return super.toPython(value).toUpperCase();
  }
}

class EvenField extends IntegerField {
  override validate(value: unknown): void {
    super.validate(value);
    if (typeof value === "number" && value % 2) {
      throw new ValidationError("Enter an even number.", { code: "odd" });
    }
  }
}

class LenientChoiceField extends ChoiceField {
  // Accepts anything: the subclass's `validate` replaces ChoiceField's choice check.
  override validate(_value: unknown): void {}
}

class TodayDateField extends DateField {
  override toPython(value: unknown): string {
    return value === "today" ? "2000-01-01" : super.toPython(value);
  }
}

class CheckedOrMaybeField extends BooleanField<false> {
  override validate(value: unknown): void {
    if (value === false) throw new ValidationError("Say yes.", { code: "say_yes" });
  }
}

class OverridesForm extends Form {
  static override meta = formMeta({ name: "overrides" });
  name = new UpperField({ maxLength: 3 });
  even = new EvenField();
  pick = new LenientChoiceField({ choices: [["a", "A"]] });
  day = new TodayDateField();
  agree = new CheckedOrMaybeField({ required: false });
  site = new URLField({ required: false });
}

async function viaRegistry(data: Record<string, unknown>) {
  const registry = new Registry();
  registry.register(OverridesForm);
  return (await registry.call("overrides.validate", createContext(), { data })) as {
    errors: ValidationDetails;
  };
}

async function viaNew(data: Record<string, unknown>) {
  const form = new OverridesForm({ data, ctx: createContext() });
  await form.isValid();
  return { errors: form.errorDetails(), cleaned: form.cleanedData };
}

describe("fields whose subclass overrides toPython or validate", () => {
  test("the overrides run, in a bound instance and through the registry alike", async () => {
    const data = { name: "ab", even: 3, pick: "zz", day: "today", agree: false, site: "x y" };
    const { errors, cleaned } = await viaNew(data);
    expect(errors.fields).toEqual({
      even: [{ code: "odd", message: "Enter an even number." }],
      agree: [{ code: "say_yes", message: "Say yes." }],
      site: [{ code: "invalid", message: "Enter a valid URL." }],
    });
    expect(cleaned).toEqual({ name: "AB", pick: "zz", day: "2000-01-01" });
    expect((await viaRegistry(data)).errors).toEqual(errors);
  });

  test("the built-in refusals keep their codes and messages (pick's no-op validate wins)", async () => {
    const data = { name: "abcd", even: "x", pick: "", day: "2001-02-30", agree: true, site: "" };
    const { errors } = await viaNew(data);
    expect(errors.fields).toEqual({
      name: [
        { code: "max_length", message: "Ensure this value has at most 3 characters (it has 4)." },
      ],
      even: [{ code: "invalid", message: "Enter a whole number." }],
      day: [{ code: "invalid", message: "Enter a valid date." }],
    });
    expect((await viaRegistry(data)).errors).toEqual(errors);
  });

  test("toPython and validate still throw when called directly", () => {
    expect(() => new IntegerField().toPython("x")).toThrow("Enter a whole number.");
    expect(() => new ChoiceField({ choices: [["a", "A"]] }).validate("b")).toThrow(
      "Select a valid choice. b is not one of the available choices.",
    );
    expect(() => new BooleanField().validate(false)).toThrow("This field is required.");
    expect(() => new DateField().clean("2001-02-30")).toThrow("Enter a valid date.");
  });
});
