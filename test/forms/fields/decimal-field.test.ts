import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { DecimalField } from "../../../src/forms/fields/decimal-field.js";
import type { ValidationError } from "../../../src/forms/validation-error.js";
import { NumberInput, Widget } from "../../../src/forms/widgets/widget.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const INVALID: Outcome = { errors: [["invalid", "Enter a number."]] };
const err = (code: string, message: string): Outcome => ({ errors: [[code, message]] });
const DIGITS4 = err("max_digits", "Ensure that there are no more than 4 digits in total.");
const PLACES2 = err("max_decimal_places", "Ensure that there are no more than 2 decimal places.");
const f42 = () => new DecimalField({ maxDigits: 4, decimalPlaces: 2 });

// Django's tests/forms_tests/field_tests/test_decimalfield.py. Django cleans to Decimal and
// compares by value; mizan cleans to the decimal's plain string, scale kept ("0.10" ≠ "0.1").
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_decimalfield_1", f42, "", REQUIRED],
  ["test_decimalfield_1", f42, null, REQUIRED],
  ["test_decimalfield_1", f42, "1", { value: "1" }],
  ["test_decimalfield_1", f42, "23", { value: "23" }],
  ["test_decimalfield_1", f42, "3.14", { value: "3.14" }],
  ["test_decimalfield_1", f42, 3.14, { value: "3.14" }],
  ["test_decimalfield_1", f42, "1.0 ", { value: "1.0" }],
  ["test_decimalfield_1", f42, " 1.0", { value: "1.0" }],
  ["test_decimalfield_1", f42, " 1.0 ", { value: "1.0" }],
  ["test_decimalfield_1", f42, "123.45", DIGITS4],
  ["test_decimalfield_1", f42, "1.234", PLACES2],
  [
    "test_decimalfield_1",
    f42,
    "123.4",
    err(
      "max_whole_digits",
      "Ensure that there are no more than 2 digits before the decimal point.",
    ),
  ],
  ["test_decimalfield_1", f42, "-12.34", { value: "-12.34" }],
  ["test_decimalfield_1", f42, "-123.45", DIGITS4],
  ["test_decimalfield_1", f42, "-.12", { value: "-0.12" }],
  ["test_decimalfield_1", f42, "-00.12", { value: "-0.12" }],
  ["test_decimalfield_1", f42, "-000.12", { value: "-0.12" }],
  ["test_decimalfield_1", f42, "-000.123", PLACES2],
  ["test_decimalfield_1", f42, "-000.12345", DIGITS4],
  ...[
    "-NaN",
    "NaN",
    "+NaN",
    "-sNaN",
    "sNaN",
    "+sNaN",
    "-Inf",
    "Inf",
    "+Inf",
    "-Infinity",
    "Infinity",
    "+Infinity",
    "a",
    "łąść",
    "1.0a",
    "--0.12",
  ].map((v): [string, () => Field, unknown, Outcome] => [
    "test_enter_a_number_error",
    () => new DecimalField({ maxValue: 1, maxDigits: 4, decimalPlaces: 2 }),
    v,
    INVALID,
  ]),
  [
    "test_decimalfield_2",
    () => new DecimalField({ maxDigits: 4, decimalPlaces: 2, required: false }),
    "",
    { value: null },
  ],
  [
    "test_decimalfield_2",
    () => new DecimalField({ maxDigits: 4, decimalPlaces: 2, required: false }),
    null,
    { value: null },
  ],
  [
    "test_decimalfield_2",
    () => new DecimalField({ maxDigits: 4, decimalPlaces: 2, required: false }),
    "1",
    { value: "1" },
  ],
  ...(
    [
      ["1.6", err("max_value", "Ensure this value is less than or equal to 1.5.")],
      ["0.4", err("min_value", "Ensure this value is greater than or equal to 0.5.")],
      ["1.5", { value: "1.5" }],
      ["0.5", { value: "0.5" }],
      [".5", { value: "0.5" }],
      ["00.50", { value: "0.50" }],
    ] as Array<[string, Outcome]>
  ).map(([v, out]): [string, () => Field, unknown, Outcome] => [
    "test_decimalfield_3",
    () => new DecimalField({ maxDigits: 4, decimalPlaces: 2, maxValue: "1.5", minValue: "0.5" }),
    v,
    out,
  ]),
  ["test_decimalfield_4", () => new DecimalField({ decimalPlaces: 2 }), "0.00000001", PLACES2],
  [
    "test_decimalfield_5",
    () => new DecimalField({ maxDigits: 3 }),
    "0000000.10",
    { value: "0.10" },
  ],
  [
    "test_decimalfield_5",
    () => new DecimalField({ maxDigits: 3 }),
    "0000000.100",
    { value: "0.100" },
  ],
  ["test_decimalfield_5", () => new DecimalField({ maxDigits: 3 }), "000000.02", { value: "0.02" }],
  [
    "test_decimalfield_5",
    () => new DecimalField({ maxDigits: 3 }),
    "000000.0002",
    err("max_digits", "Ensure that there are no more than 3 digits in total."),
  ],
  ["test_decimalfield_5", () => new DecimalField({ maxDigits: 3 }), ".002", { value: "0.002" }],
  [
    "test_decimalfield_6",
    () => new DecimalField({ maxDigits: 2, decimalPlaces: 2 }),
    ".01",
    { value: "0.01" },
  ],
  [
    "test_decimalfield_6",
    () => new DecimalField({ maxDigits: 2, decimalPlaces: 2 }),
    "1.1",
    err(
      "max_whole_digits",
      "Ensure that there are no more than 0 digits before the decimal point.",
    ),
  ],
  [
    "test_decimalfield_step_size_min_value",
    () => new DecimalField({ stepSize: "0.3", minValue: "-0.4" }),
    "1",
    err(
      "step_size",
      "Ensure this value is a multiple of step size 0.3, starting from -0.4, e.g. -0.4, -0.1, 0.2, and so on.",
    ),
  ],
  [
    "test_decimalfield_step_size_min_value",
    () => new DecimalField({ stepSize: "0.3", minValue: "-0.4" }),
    "0.2",
    { value: "0.2" },
  ],
  [
    "test_decimalfield_step_size_min_value",
    () => new DecimalField({ stepSize: "0.3", minValue: "-0.4" }),
    2,
    { value: "2" },
  ],
  [
    "test_decimalfield_scientific",
    f42,
    "1E+2",
    err(
      "max_whole_digits",
      "Ensure that there are no more than 2 digits before the decimal point.",
    ),
  ],
  ["test_decimalfield_scientific", f42, "1E+1", { value: "10" }],
  ["test_decimalfield_scientific", f42, "1E-1", { value: "0.1" }],
  ["test_decimalfield_scientific", f42, "0.546e+2", { value: "54.6" }],
  // Python's Decimal() syntax, and the plain string that keeps the scale.
  ["Decimal()", () => new DecimalField(), "3.10", { value: "3.10" }],
  ["Decimal()", () => new DecimalField(), "0.00", { value: "0.00" }],
  ["Decimal()", () => new DecimalField(), "1.", { value: "1" }],
  ["Decimal()", () => new DecimalField(), "+5", { value: "5" }],
  ["Decimal()", () => new DecimalField(), "-0.0", { value: "-0.0" }],
  ["Decimal()", () => new DecimalField(), "1e-7", { value: "0.0000001" }],
  ["Decimal()", () => new DecimalField(), "12.5E3", { value: "12500" }],
  ["Decimal()", () => new DecimalField(), "0E+5", { value: "0" }],
  ["Decimal()", () => new DecimalField(), "1_000.5", { value: "1000.5" }],
  ["Decimal()", () => new DecimalField(), "٣.٥٠", { value: "3.50" }],
  ["Decimal()", () => new DecimalField(), "\u00a01.5\n", { value: "1.5" }],
  ["Decimal()", () => new DecimalField(), "1 000", INVALID],
  ["Decimal()", () => new DecimalField(), "1e", INVALID],
  ["Decimal()", () => new DecimalField(), ".", INVALID],
  ["Decimal()", () => new DecimalField(), "1,5", INVALID],
  ["Decimal()", () => new DecimalField(), "NaN123", INVALID],
  ["Decimal(str(True))", () => new DecimalField(), true, INVALID],
  ["huge exponent", () => new DecimalField(), "1E+1001", INVALID],
  ["huge exponent", () => new DecimalField(), "1E+1000", { value: `1${"0".repeat(1000)}` }],
  [
    "exact bounds",
    () => new DecimalField({ maxValue: "0.1" }),
    "0.10000000000000000001",
    err("max_value", "Ensure this value is less than or equal to 0.1."),
  ],
  ["exact bounds", () => new DecimalField({ maxValue: "0.1" }), "0.1000", { value: "0.1000" }],
  [
    "exact bounds",
    () => new DecimalField({ minValue: 0.3 }),
    "0.29999999999999999999",
    err("min_value", "Ensure this value is greater than or equal to 0.3."),
  ],
  [
    "exact bounds",
    () => new DecimalField({ maxValue: "99999999999999999999.99" }),
    "99999999999999999999.99",
    { value: "99999999999999999999.99" },
  ],
  [
    "exact bounds",
    () => new DecimalField({ maxValue: "99999999999999999999.99" }),
    "100000000000000000000",
    err("max_value", "Ensure this value is less than or equal to 99999999999999999999.99."),
  ],
  ["step without offset", () => new DecimalField({ stepSize: "0.05" }), "1.15", { value: "1.15" }],
  [
    "step without offset",
    () => new DecimalField({ stepSize: "0.05" }),
    "1.16",
    err("step_size", "Ensure this value is a multiple of step size 0.05."),
  ],
];

describe("DecimalField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("test_decimalfield_1..3: options are kept", () => {
    const f = new DecimalField({
      maxDigits: 4,
      decimalPlaces: 2,
      maxValue: "1.5",
      minValue: "0.5",
    });
    expect([f.maxDigits, f.decimalPlaces, f.maxValue, f.minValue]).toEqual([4, 2, "1.5", "0.5"]);
    expect(new DecimalField({ stepSize: "0.3" }).stepSize).toBe("0.3");
  });

  test("test_decimalfield_changed: equal by value", () => {
    const f = new DecimalField({ maxDigits: 2, decimalPlaces: 2 });
    expect(f.hasChanged("0.1", "0.10")).toBe(false);
    expect(f.hasChanged("0.1", "0.101")).toBe(true);
    expect(f.hasChanged(null, "")).toBe(false);
    expect(f.hasChanged(null, "0")).toBe(true);
    expect(f.hasChanged("1", "x")).toBe(true);
  });

  test("NaN parses, then validate() refuses it with the value as param", () => {
    const f = new DecimalField();
    expect(f.toPython("-inf")).toBe("-Infinity");
    try {
      f.clean("nan");
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).errors[0]?.params).toEqual({ value: "NaN" });
    }
  });
});

describe("DecimalField widget and schema", () => {
  test("test_decimalfield_widget_attrs", () => {
    const attrs = (f: DecimalField) => f.describe().widget.attrs;
    expect(attrs(new DecimalField({ maxDigits: 6, decimalPlaces: 2 }))).toEqual({ step: "0.01" });
    expect(attrs(new DecimalField({ maxDigits: 10, decimalPlaces: 0 }))).toEqual({ step: "1" });
    expect(attrs(new DecimalField({ maxDigits: 19, decimalPlaces: 19 }))).toEqual({
      step: "1e-19",
    });
    expect(attrs(new DecimalField({ maxDigits: 7, decimalPlaces: 6 }))).toEqual({
      step: "0.000001",
    });
    expect(attrs(new DecimalField({ maxDigits: 20 }))).toEqual({ step: "any" });
    const own = new DecimalField({ maxDigits: 6, widget: new NumberInput({ step: "0.01" }) });
    expect(attrs(own)).toEqual({ step: "0.01" });
    expect(attrs(new DecimalField({ decimalPlaces: 2, widget: new Widget() }))).toEqual({});
  });

  test("test_decimalfield_3 / step_size_min_value: min, max and step attrs", () => {
    const f = new DecimalField({
      maxDigits: 4,
      decimalPlaces: 2,
      maxValue: "1.5",
      minValue: "0.5",
    });
    expect(f.describe().widget.attrs).toEqual({ max: "1.5", min: "0.5", step: "0.01" });
    const s = new DecimalField({ stepSize: "0.3", minValue: "-0.4" });
    expect(s.describe().widget.attrs).toEqual({ min: "-0.4", step: "0.3" });
  });

  test("test_decimalfield_localized", () => {
    expect(new DecimalField({ localize: true }).describe().widget).toMatchObject({
      type: "TextInput",
      attrs: {},
    });
  });

  test("jsonSchema: DecimalValidator is shared as one rule per code", () => {
    const f = new DecimalField({ maxDigits: 5, decimalPlaces: 2, minValue: "0.01" });
    f.name = "price";
    expect(f.jsonSchema()).toEqual({
      type: ["string", "number"],
      minimum: 0.01,
      title: "Price",
      errorMessage: { required: "This field is required.", invalid: "Enter a number." },
      "x-mizan-message-keys": { invalid: "DecimalField.invalid", required: "Field.required" },
      "x-mizan-field": "DecimalField",
      "x-mizan-required": true,
      "x-mizan-empty": null,
      "x-mizan-widget": "NumberInput",
      "x-mizan-ts": { input: "number | string", output: "string" },
      "x-mizan-coerce": { kind: "decimal", params: {} },
      "x-mizan-validate": [
        {
          rule: "finite",
          code: "invalid",
          key: "DecimalField.invalid",
          message: "Enter a number.",
          params: {},
        },
      ],
      "x-mizan-rules": [
        {
          rule: "min_value",
          code: "min_value",
          message: "Ensure this value is greater than or equal to 0.01.",
          key: "MinValueValidator.min_value",
          params: { limit_value: "0.01" },
        },
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
      ],
    });
  });

  test("errorMessages override DecimalValidator's codes, in the schema too", () => {
    const f = new DecimalField({
      maxDigits: 3,
      errorMessages: { max_digits: "At most %(max)s digits." },
    });
    expect(server(f, "1234")).toEqual(err("max_digits", "At most 3 digits."));
    expect(browser(f, "1234")).toEqual(err("max_digits", "At most 3 digits."));
  });

  test("describe", () => {
    expect(new DecimalField({ maxDigits: 5, decimalPlaces: 2 }).describe()).toMatchObject({
      type: "DecimalField",
      max_value: null,
      min_value: null,
      step_size: null,
      max_digits: 5,
      decimal_places: 2,
    });
  });

  test("cleaned types", () => {
    expectTypeOf(new DecimalField().clean).returns.toEqualTypeOf<string>();
    expectTypeOf<FieldInput<DecimalField>>().toEqualTypeOf<number | string>();
    expectTypeOf(new DecimalField({ required: false, maxDigits: 3 }).clean).returns.toEqualTypeOf<
      string | null
    >();
  });
});
