import { describe, expect, test } from "vitest";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

function errorsOf(fn: () => unknown): Array<{ code: string; message: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError)
      return e.errors.map(({ code, message }) => ({ code, message }));
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
    const f = new CharField({
      maxLength: 3,
      errorMessages: { required: "Name?", max_length: "Too long: %(show_value)d" },
    });
    expect(errorsOf(() => f.clean(""))[0]?.message).toBe("Name?");
    expect(errorsOf(() => f.clean("abcd"))[0]?.message).toBe("Too long: 4");
  });

  test("strip=false keeps whitespace", () => {
    expect(new CharField({ strip: false }).clean("  a ")).toBe("  a ");
  });
});

describe("CharField (more of Django's test_charfield.py)", () => {
  const atMost10 = {
    code: "max_length",
    message: "Ensure this value has at most 10 characters (it has 11).",
  };
  const atLeast10 = {
    code: "min_length",
    message: "Ensure this value has at least 10 characters (it has 5).",
  };

  test.each<[unknown, string]>([
    [1, "1"],
    ["hello", "hello"],
    [null, ""],
    ["", ""],
    [[1, 2, 3], "[1, 2, 3]"],
  ])("test_charfield_2 (not required): %j cleans to %j", (input, expected) => {
    const f = new CharField({ required: false });
    expect(f.clean(input)).toBe(expected);
    expect(f.maxLength).toBeUndefined();
    expect(f.minLength).toBeUndefined();
  });

  test("test_charfield_3 (max_length=10, not required)", () => {
    const f = new CharField({ maxLength: 10, required: false });
    expect(f.clean("12345")).toBe("12345");
    expect(f.clean("1234567890")).toBe("1234567890");
    expect(errorsOf(() => f.clean("1234567890a"))).toEqual([atMost10]);
    expect(f.maxLength).toBe(10);
  });

  test("test_charfield_4 (min_length=10, not required)", () => {
    const f = new CharField({ minLength: 10, required: false });
    expect(f.clean("")).toBe("");
    expect(errorsOf(() => f.clean("12345"))).toEqual([atLeast10]);
    expect(f.clean("1234567890")).toBe("1234567890");
    expect(f.clean("1234567890a")).toBe("1234567890a");
  });

  test("test_charfield_5 (min_length=10, required)", () => {
    const f = new CharField({ minLength: 10, required: true });
    expect(errorsOf(() => f.clean(""))).toEqual([
      { code: "required", message: "This field is required." },
    ]);
    expect(errorsOf(() => f.clean("12345"))).toEqual([atLeast10]);
    expect(f.clean("1234567890")).toBe("1234567890");
    expect(f.clean("1234567890a")).toBe("1234567890a");
  });

  test("test_charfield_strip", () => {
    expect(new CharField().clean(" 1")).toBe("1");
    expect(new CharField().clean("1 ")).toBe("1");
    expect(new CharField({ strip: false }).clean(" 1")).toBe(" 1");
    expect(new CharField({ strip: false }).clean("1 ")).toBe("1 ");
  });

  test("test_strip_before_checking_empty", () => {
    expect(new CharField({ required: false, emptyValue: null }).clean(" ")).toBeNull();
  });

  test("strip is Python's str.strip(): \\x1c-\\x1f and \\x85 go, \\ufeff stays", () => {
    expect(new CharField().clean("\x1c\x85a\u3000")).toBe("a");
    expect(new CharField().clean("\ufeffa")).toBe("\ufeffa");
  });

  test("test_charfield_disabled", () => {
    expect(new CharField({ disabled: true }).describe()).toMatchObject({
      disabled: true,
      required: true,
    });
  });

  test("test_null_characters_prohibited", () => {
    expect(errorsOf(() => new CharField().clean("\x00something"))).toEqual([
      { code: "null_characters_not_allowed", message: "Null characters are not allowed." },
    ]);
  });

  test("describe() carries the lengths (Django's maxlength/minlength widget attrs)", () => {
    expect(new CharField({ maxLength: 10, minLength: 5 }).describe()).toMatchObject({
      max_length: 10,
      min_length: 5,
      strip: true,
    });
  });
});
