import { describe, expect, test } from "vitest";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

function errorsOf(fn: () => unknown): Array<{ code: string; message: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.errors.map(({ code, message }) => ({ code, message }));
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("CharField (Django's test_charfield_1..)", () => {
  test.each([
    [1, "1"],
    ["hello", "hello"],
    ["  padded  ", "padded"],
    [[1, 2, 3], "[1, 2, 3]"],
  ])("required: %j cleans to %j", (input, expected) => {
    expect(new CharField().clean(input)).toBe(expected);
  });

  test.each([null, "", undefined, [], "   "])("required: %j is required", (input) => {
    expect(errorsOf(() => new CharField().clean(input))).toEqual([
      { code: "required", message: "This field is required." },
    ]);
  });

  test("not required: empty cleans to empty_value", () => {
    expect(new CharField({ required: false }).clean(null)).toBe("");
    expect(new CharField({ required: false, emptyValue: null }).clean("  ")).toBeNull();
  });

  test("max_length and min_length messages pluralise on the limit", () => {
    expect(errorsOf(() => new CharField({ maxLength: 10 }).clean("12345678901"))).toEqual([
      { code: "max_length", message: "Ensure this value has at most 10 characters (it has 11)." },
    ]);
    expect(errorsOf(() => new CharField({ maxLength: 1 }).clean("12"))).toEqual([
      { code: "max_length", message: "Ensure this value has at most 1 character (it has 2)." },
    ]);
    expect(errorsOf(() => new CharField({ minLength: 10 }).clean("1234"))).toEqual([
      { code: "min_length", message: "Ensure this value has at least 10 characters (it has 4)." },
    ]);
  });

  test("length counts code points, after stripping", () => {
    expect(new CharField({ maxLength: 2 }).clean(" 😀😀 ")).toBe("😀😀");
  });

  test("null characters are refused", () => {
    expect(errorsOf(() => new CharField().clean("a\x00b"))).toEqual([
      { code: "null_characters_not_allowed", message: "Null characters are not allowed." },
    ]);
  });

  test("errorMessages override by code", () => {
    const f = new CharField({ maxLength: 3, errorMessages: { required: "Name?", max_length: "Too long: %(show_value)d" } });
    expect(errorsOf(() => f.clean(""))[0]?.message).toBe("Name?");
    expect(errorsOf(() => f.clean("abcd"))[0]?.message).toBe("Too long: 4");
  });

  test("strip=false keeps whitespace", () => {
    expect(new CharField({ strip: false }).clean("  a ")).toBe("  a ");
  });
});
