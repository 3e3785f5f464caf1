import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { DecimalValidator } from "../../../src/forms/validators/decimal.js";

function check(v: DecimalValidator, value: unknown): null | [string, string] {
  try {
    v.validate(value);
    return null;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return [e.errors[0]?.code ?? "", e.errors[0]?.message ?? ""];
  }
}

/** Every part through its shared rule, as the browser runs them: all run, failures collected. */
function browserCodes(v: DecimalValidator, value: unknown): string[] {
  return v.parts
    .map((p) => p.toRule())
    .filter((spec) => RULES[spec.rule]?.(value, spec.params))
    .map((spec) => spec.code);
}

// Django's tests/validators/tests.py TEST_DATA for DecimalValidator; values are the plain
// strings DecimalField cleans to, or Decimal's own notation (both are read).
const DATA: Array<[number | null, number | null, string, string | null]> = [
  [2, 2, "0.99", null],
  [2, 1, "0.99", "max_decimal_places"],
  [3, 1, "999", "max_whole_digits"],
  [4, 1, "999", null],
  [20, 2, "742403889818000000", null],
  [20, 2, "7.42403889818E+17", null],
  [20, 2, "7424742403889818000000", "max_digits"],
  [5, 2, "7304E-1", null],
  [5, 2, "7304E-3", "max_decimal_places"],
  [5, 5, "70E-5", null],
  [5, 5, "70E-6", "max_digits"],
  [2, 1, "0E+1", null],
  ...[
    "NaN",
    "-NaN",
    "+NaN",
    "sNaN",
    "-sNaN",
    "+sNaN",
    "Inf",
    "-Inf",
    "+Inf",
    "Infinity",
    "-Infinity",
    "+Infinity",
  ].map((v): [number, number, string, string] => [10, 2, v, "invalid"]),
  // Digit counting as Django's as_tuple(): zeros, leading zeros, trailing zeros.
  [1, 1, "0.0", null],
  [1, 1, "0.00", "max_digits"],
  [3, 0, "1E+2", null],
  [2, 0, "1E+2", "max_digits"],
  [3, 3, "0.001", null],
  [3, 3, "0.0010", "max_digits"],
  [3, null, "000.12", null],
  [null, 0, "10.0", "max_decimal_places"],
  [null, null, "123456789.123456789", null],
];

describe("DecimalValidator", () => {
  test.each(DATA)("DecimalValidator(%j, %j) on %s → %j", (maxDigits, places, value, code) => {
    const v = new DecimalValidator(maxDigits, places);
    expect(check(v, value)?.[0] ?? null).toBe(code);
    expect(browserCodes(v, value)).toEqual(code ? [code] : []);
  });

  test("messages pluralise on max", () => {
    expect(check(new DecimalValidator(1, null), "12")).toEqual([
      "max_digits",
      "Ensure that there are no more than 1 digit in total.",
    ]);
    expect(check(new DecimalValidator(null, 1), "1.23")).toEqual([
      "max_decimal_places",
      "Ensure that there are no more than 1 decimal place.",
    ]);
    expect(check(new DecimalValidator(3, 2), "12.3")).toEqual([
      "max_whole_digits",
      "Ensure that there are no more than 1 digit before the decimal point.",
    ]);
    expect(check(new DecimalValidator(5, 2), "NaN")).toEqual(["invalid", "Enter a number."]);
  });

  test("only the first failure is raised, as in Django", () => {
    expect(check(new DecimalValidator(4, 2), "123.456")?.[0]).toBe("max_digits");
    expect(browserCodes(new DecimalValidator(4, 2), "123.456")).toEqual(["max_digits"]);
  });

  test("parts: one shareable rule per code, only those the limits need", () => {
    expect(new DecimalValidator().parts.map((p) => p.code)).toEqual(["invalid"]);
    expect(new DecimalValidator(5, 2).parts.map((p) => p.toRule())).toEqual([
      {
        rule: "finite",
        code: "invalid",
        key: "DecimalValidator.invalid",
        message: "Enter a number.",
        params: {},
      },
      {
        rule: "decimal_max_digits",
        code: "max_digits",
        message: "Ensure that there are no more than 5 digits in total.",
        key: "DecimalValidator.max_digits",
        params: { max: 5, max_digits: 5, decimal_places: 2 },
      },
      {
        rule: "decimal_max_decimal_places",
        code: "max_decimal_places",
        message: "Ensure that there are no more than 2 decimal places.",
        key: "DecimalValidator.max_decimal_places",
        params: { max: 2, max_digits: 5, decimal_places: 2 },
      },
      {
        rule: "decimal_max_whole_digits",
        code: "max_whole_digits",
        message: "Ensure that there are no more than 3 digits before the decimal point.",
        key: "DecimalValidator.max_whole_digits",
        params: { max: 3, max_digits: 5, decimal_places: 2 },
      },
    ]);
  });

  test("numbers are read through their decimal form", () => {
    expect(check(new DecimalValidator(3, 1), 12.5)).toBeNull();
    expect(check(new DecimalValidator(3, 1), 12.55)?.[0]).toBe("max_digits");
    expect(check(new DecimalValidator(4, 1), 12.55)?.[0]).toBe("max_decimal_places");
    expect(check(new DecimalValidator(3, 1), Number.POSITIVE_INFINITY)?.[0]).toBe("invalid");
  });
});
