import { describe, expect, test } from "vitest";
import { BooleanField } from "../../../src/forms/fields/boolean-field.js";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { ChoiceField } from "../../../src/forms/fields/choice-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

// The inputs at the edges of the fields' cheap paths (a plain text, a safe integer, a boolean,
// a string choice): the cleaned values and errors of Django's semantics.

function cleaned(clean: () => unknown): unknown {
  try {
    return clean();
  } catch (e) {
    if (e instanceof ValidationError) return e.errors.map((item) => item.code);
    throw e;
  }
}

describe("CharField: texts at the edge of the plain path", () => {
  test.each<[string, string]>([
    ["ada", "ada"],
    [" ada ", "ada"],
    ["ada\u0085", "ada"], // NEL is a Python space
    ["\u0084ada\u0086", "\u0084ada\u0086"], // its neighbours are not
    ["\u00a0ada", "ada"],
    ["!~", "!~"],
    ["\u3000", ""],
    ["é", "é"],
  ])("strip: %j → %j", (input, output) => {
    expect(new CharField({ required: false }).clean(input)).toBe(output);
  });

  test("not stripped, a text stays as given; a non-boolean strip option strips", () => {
    expect(new CharField({ strip: false }).clean("  ada ")).toBe("  ada ");
    expect(new CharField({ strip: false, required: false, emptyValue: null }).clean("")).toBe(null);
    expect(new CharField({ strip: 0 as unknown as boolean }).clean(" ada ")).toBe("ada");
  });

  test("a null character is refused whichever path read the text", () => {
    expect(cleaned(() => new CharField().clean("a\u0000b"))).toEqual([
      "null_characters_not_allowed",
    ]);
    expect(cleaned(() => new CharField().clean(" \u0000 "))).toEqual([
      "null_characters_not_allowed",
    ]);
  });
});

describe("IntegerField, BooleanField, ChoiceField: values already of their type", () => {
  test("a safe integer is itself, -0 is 0, beyond the safe range is invalid", () => {
    const field = new IntegerField();
    expect(field.clean(42)).toBe(42);
    expect(Object.is(field.clean(-0), 0)).toBe(true);
    expect(cleaned(() => field.clean(2 ** 53))).toEqual(["invalid"]);
    expect(field.clean(1.0)).toBe(1);
    expect(cleaned(() => field.clean(1.5))).toEqual(["invalid"]);
  });

  test("a boolean is itself; required means true", () => {
    expect(new BooleanField().clean(true)).toBe(true);
    expect(cleaned(() => new BooleanField().clean(false))).toEqual(["required"]);
    expect(new BooleanField({ required: false }).clean(false)).toBe(false);
  });

  test("a string choice compares with the str() of each choice", () => {
    const field = new ChoiceField({
      choices: [
        [1, "One"],
        [true, "Yes"],
        [null, "None"],
        ["Group", [["g", "G"]]],
      ],
    });
    expect(field.clean("1")).toBe("1");
    expect(field.clean("True")).toBe("True");
    expect(field.clean("None")).toBe("None");
    expect(field.clean("g")).toBe("g");
    expect(field.clean(1)).toBe("1");
    expect(cleaned(() => field.clean("true"))).toEqual(["invalid_choice"]);
    field.choices = [["x", "X"]];
    expect(cleaned(() => field.clean("1"))).toEqual(["invalid_choice"]);
    expect(field.clean("x")).toBe("x");
  });
});
