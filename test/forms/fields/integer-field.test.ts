import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { NumberInput, Textarea, type Widget } from "../../../src/forms/widgets/widget.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const INVALID: Outcome = { errors: [["invalid", "Enter a whole number."]] };
const max = (n: number): Outcome => ({
  errors: [["max_value", `Ensure this value is less than or equal to ${n}.`]],
});
const min = (n: number): Outcome => ({
  errors: [["min_value", `Ensure this value is greater than or equal to ${n}.`]],
});

// Django's tests/forms_tests/field_tests/test_integerfield.py, case by case, then mizan's own.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_integerfield_1", () => new IntegerField(), "", REQUIRED],
  ["test_integerfield_1", () => new IntegerField(), null, REQUIRED],
  ["test_integerfield_1", () => new IntegerField(), "1", { value: 1 }],
  ["test_integerfield_1", () => new IntegerField(), "23", { value: 23 }],
  ["test_integerfield_1", () => new IntegerField(), "a", INVALID],
  ["test_integerfield_1", () => new IntegerField(), 42, { value: 42 }],
  ["test_integerfield_1", () => new IntegerField(), 3.14, INVALID],
  ["test_integerfield_1", () => new IntegerField(), "1 ", { value: 1 }],
  ["test_integerfield_1", () => new IntegerField(), " 1", { value: 1 }],
  ["test_integerfield_1", () => new IntegerField(), " 1 ", { value: 1 }],
  ["test_integerfield_1", () => new IntegerField(), "1a", INVALID],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "", { value: null }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), null, { value: null }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "1", { value: 1 }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "23", { value: 23 }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "a", INVALID],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "1 ", { value: 1 }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), " 1", { value: 1 }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), " 1 ", { value: 1 }],
  ["test_integerfield_2", () => new IntegerField({ required: false }), "1a", INVALID],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), null, REQUIRED],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), 1, { value: 1 }],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), 10, { value: 10 }],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), 11, max(10)],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), "10", { value: 10 }],
  ["test_integerfield_3", () => new IntegerField({ maxValue: 10 }), "11", max(10)],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), null, REQUIRED],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), 1, min(10)],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), 10, { value: 10 }],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), 11, { value: 11 }],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), "10", { value: 10 }],
  ["test_integerfield_4", () => new IntegerField({ minValue: 10 }), "11", { value: 11 }],
  ["test_integerfield_5", () => new IntegerField({ minValue: 10, maxValue: 20 }), null, REQUIRED],
  ["test_integerfield_5", () => new IntegerField({ minValue: 10, maxValue: 20 }), 1, min(10)],
  [
    "test_integerfield_5",
    () => new IntegerField({ minValue: 10, maxValue: 20 }),
    10,
    { value: 10 },
  ],
  [
    "test_integerfield_5",
    () => new IntegerField({ minValue: 10, maxValue: 20 }),
    11,
    { value: 11 },
  ],
  [
    "test_integerfield_5",
    () => new IntegerField({ minValue: 10, maxValue: 20 }),
    "10",
    { value: 10 },
  ],
  [
    "test_integerfield_5",
    () => new IntegerField({ minValue: 10, maxValue: 20 }),
    "11",
    { value: 11 },
  ],
  [
    "test_integerfield_5",
    () => new IntegerField({ minValue: 10, maxValue: 20 }),
    20,
    { value: 20 },
  ],
  ["test_integerfield_5", () => new IntegerField({ minValue: 10, maxValue: 20 }), 21, max(20)],
  [
    "test_integerfield_6",
    () => new IntegerField({ stepSize: 3 }),
    "10",
    { errors: [["step_size", "Ensure this value is a multiple of step size 3."]] },
  ],
  ["test_integerfield_6", () => new IntegerField({ stepSize: 3 }), 12, { value: 12 }],
  ["test_integerfield_6", () => new IntegerField({ stepSize: 3 }), "12", { value: 12 }],
  [
    "test_integerfield_step_size_min_value",
    () => new IntegerField({ stepSize: 3, minValue: -1 }),
    "9",
    {
      errors: [
        [
          "step_size",
          "Ensure this value is a multiple of step size 3, starting from -1, e.g. -1, 2, 5, and so on.",
        ],
      ],
    },
  ],
  [
    "test_integerfield_step_size_min_value",
    () => new IntegerField({ stepSize: 3, minValue: -1 }),
    "2",
    { value: 2 },
  ],
  [
    "test_integerfield_step_size_min_value",
    () => new IntegerField({ stepSize: 3, minValue: -1 }),
    "-1",
    { value: -1 },
  ],
  ["test_integerfield_float", () => new IntegerField(), 1.0, { value: 1 }],
  ["test_integerfield_float", () => new IntegerField(), "1.0", { value: 1 }],
  ["test_integerfield_float", () => new IntegerField(), " 1.0 ", { value: 1 }],
  ["test_integerfield_float", () => new IntegerField(), "1.", { value: 1 }],
  ["test_integerfield_float", () => new IntegerField(), " 1. ", { value: 1 }],
  ["test_integerfield_float", () => new IntegerField(), "1.5", INVALID],
  ["test_integerfield_float", () => new IntegerField(), "…", INVALID],
  // Deviation: Django keeps arbitrary-precision ints; a JS number cannot, so beyond
  // Number.MAX_SAFE_INTEGER the input is refused rather than silently changed.
  [
    "test_integerfield_big_num (deviation)",
    () => new IntegerField(),
    "9223372036854775808",
    INVALID,
  ],
  [
    "test_integerfield_big_num (deviation)",
    () => new IntegerField(),
    "9223372036854775808.0",
    INVALID,
  ],
  ["test_integerfield_unicode_number", () => new IntegerField(), "５０", { value: 50 }],
  // Python's int(): signs, underscores between digits, any Unicode decimal digits, whitespace.
  ["int()", () => new IntegerField(), "+7", { value: 7 }],
  ["int()", () => new IntegerField(), "-7", { value: -7 }],
  ["int()", () => new IntegerField(), "-0", { value: 0 }],
  ["int()", () => new IntegerField(), "007", { value: 7 }],
  ["int()", () => new IntegerField(), "1_000", { value: 1000 }],
  ["int()", () => new IntegerField(), "1__000", INVALID],
  ["int()", () => new IntegerField(), "_1", INVALID],
  ["int()", () => new IntegerField(), "1_", INVALID],
  ["int()", () => new IntegerField(), "+_1", INVALID],
  ["int()", () => new IntegerField(), "- 1", INVALID],
  ["int()", () => new IntegerField(), "٤٢", { value: 42 }],
  ["int()", () => new IntegerField(), "४२", { value: 42 }],
  ["int()", () => new IntegerField(), "\u00a042\u3000", { value: 42 }],
  ["int()", () => new IntegerField(), "42\n", { value: 42 }],
  ["int()", () => new IntegerField(), "1.000 ", { value: 1 }],
  ["int()", () => new IntegerField(), "1.0.0", INVALID],
  ["int()", () => new IntegerField(), ".0", INVALID],
  ["int()", () => new IntegerField(), "1e3", INVALID],
  ["int()", () => new IntegerField(), "0x10", INVALID],
  ["int()", () => new IntegerField(), "١.٠", INVALID],
  ["str(True)", () => new IntegerField(), true, INVALID],
  ["str([1])", () => new IntegerField(), [1], INVALID],
  ["str(1e21)", () => new IntegerField(), 1e21, INVALID],
  ["safe", () => new IntegerField(), "9007199254740991", { value: 9007199254740991 }],
  ["safe", () => new IntegerField(), "-9007199254740991", { value: -9007199254740991 }],
  ["safe", () => new IntegerField(), "9007199254740992", INVALID],
  ["safe", () => new IntegerField(), 2 ** 53, INVALID],
  [
    "all errors",
    () => new IntegerField({ maxValue: 5, stepSize: 2 }),
    7,
    {
      errors: [
        ["max_value", "Ensure this value is less than or equal to 5."],
        ["step_size", "Ensure this value is a multiple of step size 2."],
      ],
    },
  ],
];

describe("IntegerField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("bounds are kept (test_integerfield_1..5)", () => {
    const f = new IntegerField({ minValue: 10, maxValue: 20 });
    expect([f.maxValue, f.minValue]).toEqual([20, 10]);
    expect(new IntegerField().maxValue).toBeUndefined();
    expect(new IntegerField({ stepSize: 3 }).stepSize).toBe(3);
  });

  test("errorMessages override", () => {
    const f = new IntegerField({
      maxValue: 3,
      errorMessages: { invalid: "Digits!", max_value: "≤ %(limit_value)s" },
    });
    expect(server(f, "x")).toEqual({ errors: [["invalid", "Digits!"]] });
    expect(server(f, 4)).toEqual({ errors: [["max_value", "≤ 3"]] });
    expect(browser(f, 4)).toEqual({ errors: [["max_value", "≤ 3"]] });
  });
});

describe("IntegerField widget (Django's widget_attrs)", () => {
  test("NumberInput with min, max and step (test_integerfield_3..6, step_size_min_value)", () => {
    expect(new IntegerField().describe().widget).toMatchObject({
      type: "NumberInput",
      input_type: "number",
      attrs: {},
    });
    expect(new IntegerField({ maxValue: 10 }).describe().widget.attrs).toEqual({ max: 10 });
    expect(new IntegerField({ minValue: 10 }).describe().widget.attrs).toEqual({ min: 10 });
    expect(new IntegerField({ stepSize: 3, minValue: -1 }).describe().widget.attrs).toEqual({
      min: -1,
      step: 3,
    });
  });

  test("the field's attrs win over the widget's, and the widget is not modified", () => {
    const widget = new NumberInput({ max: 99, class: "n" });
    const f = new IntegerField({ maxValue: 10, widget });
    expect(f.describe().widget.attrs).toEqual({ max: 10, class: "n" });
    expect(widget.attrs).toEqual({ max: 99, class: "n" });
  });

  test("test_integerfield_localized: a localized field uses a TextInput without number attrs", () => {
    const d = new IntegerField({ localize: true, maxValue: 3 }).describe();
    expect(d.widget).toMatchObject({ type: "TextInput", input_type: "text", attrs: {} });
  });

  test("test_integerfield_subclass: a subclass's widget is kept, even when localized", () => {
    class MyIntegerField extends IntegerField {
      protected override defaultWidget(): Widget {
        return new Textarea();
      }
    }
    expect(new MyIntegerField().widget).toBeInstanceOf(Textarea);
    expect(new MyIntegerField({ localize: true }).widget).toBeInstanceOf(Textarea);
  });
});

describe("IntegerField schema", () => {
  test("jsonSchema", () => {
    const f = new IntegerField({ minValue: -1, maxValue: 10, stepSize: 3, helpText: "How many?" });
    f.name = "count";
    expect(f.jsonSchema()).toEqual({
      type: ["integer", "string"],
      minimum: -1,
      maximum: 10,
      title: "Count",
      description: "How many?",
      errorMessage: { required: "This field is required.", invalid: "Enter a whole number." },
      "x-mizan-message-keys": { invalid: "IntegerField.invalid", required: "Field.required" },
      "x-mizan-field": "IntegerField",
      "x-mizan-required": true,
      "x-mizan-empty": null,
      "x-mizan-widget": "NumberInput",
      "x-mizan-ts": { input: "number | string", output: "number" },
      "x-mizan-coerce": { kind: "int", params: {} },
      "x-mizan-rules": [
        {
          rule: "max_value",
          code: "max_value",
          message: "Ensure this value is less than or equal to 10.",
          key: "MaxValueValidator.max_value",
          params: { limit_value: 10 },
        },
        {
          rule: "min_value",
          code: "min_value",
          message: "Ensure this value is greater than or equal to -1.",
          key: "MinValueValidator.min_value",
          params: { limit_value: -1 },
        },
        {
          rule: "step_size",
          code: "step_size",
          message:
            "Ensure this value is a multiple of step size 3, starting from -1, e.g. -1, %(valid_value1)s, %(valid_value2)s, and so on.",
          key: "StepValueValidator.step_size_offset",
          params: { limit_value: 3, offset: -1 },
        },
      ],
    });
  });

  test("an optional field accepts null in its advisory type", () => {
    expect(new IntegerField({ required: false }).jsonSchema()).toMatchObject({
      type: ["integer", "string", "null"],
      "x-mizan-required": false,
    });
  });

  test("describe", () => {
    const f = new IntegerField({ maxValue: 10, initial: 3 });
    f.name = "qty";
    expect(f.describe()).toEqual({
      name: "qty",
      label: "Qty",
      type: "IntegerField",
      widget: {
        type: "NumberInput",
        input_type: "number",
        attrs: { max: 10 },
        is_hidden: false,
        allow_multiple_selected: false,
        needs_multipart_form: false,
      },
      required: true,
      disabled: false,
      help_text: "",
      initial: 3,
      max_value: 10,
      min_value: null,
      step_size: null,
    });
  });

  test("cleaned types", () => {
    expectTypeOf(new IntegerField().clean).returns.toEqualTypeOf<number>();
    expectTypeOf(new IntegerField({ maxValue: 3 }).clean).returns.toEqualTypeOf<number>();
    expectTypeOf(new IntegerField({ required: false }).clean).returns.toEqualTypeOf<
      number | null
    >();
    const required: boolean = Math.random() > 2;
    expectTypeOf(new IntegerField({ required }).clean).returns.toEqualTypeOf<number | null>();
    expectTypeOf<FieldInput<IntegerField>>().toEqualTypeOf<number | string>();
  });
});
