import { describe, expect, test } from "vitest";
import { DateField } from "../../../src/forms/fields/date-field.js";
import { Form } from "../../../src/forms/form.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

// An ISO-shaped text that is no date is refused, whichever path decides it: Django's formats,
// the same list given as an option, or a list where a later format reads the text.

function codesOf(field: DateField, value: unknown): unknown {
  try {
    return field.clean(value);
  } catch (e) {
    if (e instanceof ValidationError) return e.errors.map(({ code, message }) => [code, message]);
    throw e;
  }
}

const INVALID = [["invalid", "Enter a valid date."]];

describe("DateField: impossible ISO dates", () => {
  test.each(["2006-02-30", "1815-13-45", "2006-00-10", "2006-12-32", "0000-01-01", "2005-02-29"])(
    "%s is invalid with Django's formats",
    (text) => {
      expect(codesOf(new DateField(), text)).toEqual(INVALID);
      expect(codesOf(new DateField({ inputFormats: ["%Y-%m-%d", "%m/%d/%Y"] }), text)).toEqual(
        INVALID,
      );
    },
  );

  test("a later format still reads it when the list has one that can", () => {
    const field = new DateField({ inputFormats: ["%Y-%m-%d", "%Y-%d-%m"] });
    expect(field.clean("2006-13-02")).toBe("2006-02-13");
    const changed = new DateField();
    (changed.inputFormats as string[]).push("%Y-%d-%m");
    expect(changed.clean("2006-13-02")).toBe("2006-02-13");
  });

  test("real dates and other shapes are unchanged", () => {
    const field = new DateField();
    expect(field.clean("2004-02-29")).toBe("2004-02-29");
    expect(field.clean("2006-1-5")).toBe("2006-01-05");
    expect(codesOf(field, "2006-1-32")).toEqual(INVALID);
  });

  test("a form reports the refusal under the field", async () => {
    class F extends Form<F> {
      birthdate = new DateField();
    }
    const form = new F({ data: { birthdate: "1815-13-45" } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.birthdate?.map((e) => e.code)).toEqual(["invalid"]);
  });
});
