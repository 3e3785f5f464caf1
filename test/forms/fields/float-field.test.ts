import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { FloatField } from "../../../src/forms/fields/float-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { NumberInput } from "../../../src/forms/widgets/widget.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const INVALID: Outcome = { errors: [["invalid", "Enter a number."]] };
const step = (message: string): Outcome => ({ errors: [["step_size", message]] });

// Django's tests/forms_tests/field_tests/test_floatfield.py, then Python's float() syntax.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_floatfield_1", () => new FloatField(), "", REQUIRED],
  ["test_floatfield_1", () => new FloatField(), null, REQUIRED],
  ["test_floatfield_1", () => new FloatField(), "1", { value: 1 }],
  ["test_floatfield_1", () => new FloatField(), "23", { value: 23 }],
  ["test_floatfield_1", () => new FloatField(), "3.14", { value: 3.14 }],
  ["test_floatfield_1", () => new FloatField(), 3.14, { value: 3.14 }],
  ["test_floatfield_1", () => new FloatField(), 42, { value: 42 }],
  ["test_floatfield_1", () => new FloatField(), "a", INVALID],
  ["test_floatfield_1", () => new FloatField(), "1.0 ", { value: 1 }],
  ["test_floatfield_1", () => new FloatField(), " 1.0", { value: 1 }],
  ["test_floatfield_1", () => new FloatField(), " 1.0 ", { value: 1 }],
  ["test_floatfield_1", () => new FloatField(), "1.0a", INVALID],
  ["test_floatfield_1", () => new FloatField(), "Infinity", INVALID],
  ["test_floatfield_1", () => new FloatField(), "NaN", INVALID],
  ["test_floatfield_1", () => new FloatField(), "-Inf", INVALID],
  ["test_floatfield_2", () => new FloatField({ required: false }), "", { value: null }],
  ["test_floatfield_2", () => new FloatField({ required: false }), null, { value: null }],
  ["test_floatfield_2", () => new FloatField({ required: false }), "1", { value: 1 }],
  [
    "test_floatfield_3",
    () => new FloatField({ maxValue: 1.5, minValue: 0.5 }),
    "1.6",
    {
      errors: [["max_value", "Ensure this value is less than or equal to 1.5."]],
    },
  ],
  [
    "test_floatfield_3",
    () => new FloatField({ maxValue: 1.5, minValue: 0.5 }),
    "0.4",
    {
      errors: [["min_value", "Ensure this value is greater than or equal to 0.5."]],
    },
  ],
  [
    "test_floatfield_3",
    () => new FloatField({ maxValue: 1.5, minValue: 0.5 }),
    "1.5",
    { value: 1.5 },
  ],
  [
    "test_floatfield_3",
    () => new FloatField({ maxValue: 1.5, minValue: 0.5 }),
    "0.5",
    { value: 0.5 },
  ],
  [
    "test_floatfield_4",
    () => new FloatField({ stepSize: 0.02 }),
    "0.01",
    step("Ensure this value is a multiple of step size 0.02."),
  ],
  ["test_floatfield_4", () => new FloatField({ stepSize: 0.02 }), "2.34", { value: 2.34 }],
  ["test_floatfield_4", () => new FloatField({ stepSize: 0.02 }), "2.1", { value: 2.1 }],
  ["test_floatfield_4", () => new FloatField({ stepSize: 0.02 }), "-.5", { value: -0.5 }],
  ["test_floatfield_4", () => new FloatField({ stepSize: 0.02 }), "-1.26", { value: -1.26 }],
  [
    "test_floatfield_step_size_min_value",
    () => new FloatField({ stepSize: 0.02, minValue: 0.01 }),
    "0.02",
    step(
      "Ensure this value is a multiple of step size 0.02, starting from 0.01, e.g. 0.01, 0.03, 0.05, and so on.",
    ),
  ],
  [
    "test_floatfield_step_size_min_value",
    () => new FloatField({ stepSize: 0.02, minValue: 0.01 }),
    "2.33",
    { value: 2.33 },
  ],
  [
    "test_floatfield_step_size_min_value",
    () => new FloatField({ stepSize: 0.02, minValue: 0.01 }),
    "0.11",
    { value: 0.11 },
  ],
  ["float()", () => new FloatField(), "1e3", { value: 1000 }],
  ["float()", () => new FloatField(), "1E-3", { value: 0.001 }],
  ["float()", () => new FloatField(), "+.5", { value: 0.5 }],
  ["float()", () => new FloatField(), "1.", { value: 1 }],
  ["float()", () => new FloatField(), "1.e2", { value: 100 }],
  ["float()", () => new FloatField(), "1_000.000_1", { value: 1000.0001 }],
  ["float()", () => new FloatField(), "1e1_0", { value: 1e10 }],
  ["float()", () => new FloatField(), "1._5", INVALID],
  ["float()", () => new FloatField(), "1__0", INVALID],
  ["float()", () => new FloatField(), "_1", INVALID],
  ["float()", () => new FloatField(), ".", INVALID],
  ["float()", () => new FloatField(), "e5", INVALID],
  ["float()", () => new FloatField(), "0x10", INVALID],
  ["float()", () => new FloatField(), "1,5", INVALID],
  ["float()", () => new FloatField(), "١٫٥", INVALID],
  ["float()", () => new FloatField(), "٣.٥", { value: 3.5 }],
  ["float()", () => new FloatField(), "\u20031.5\n", { value: 1.5 }],
  ["float()", () => new FloatField(), "infinity", INVALID],
  ["float()", () => new FloatField(), "-nan", INVALID],
  ["float()", () => new FloatField(), "1e400", INVALID],
  ["float(True) is 1.0", () => new FloatField(), true, { value: 1 }],
  ["float(False) is 0.0, not empty", () => new FloatField(), false, { value: 0 }],
  ["float([1]) raises", () => new FloatField(), [1], INVALID],
  ["float({...}) raises", () => new FloatField(), { a: 1 }, INVALID],
  [
    "Django's isclose tolerance",
    () => new FloatField({ stepSize: 0.1 }),
    0.30000000001,
    { value: 0.30000000001 },
  ],
  [
    "Django's isclose tolerance",
    () => new FloatField({ stepSize: 0.1 }),
    0.3001,
    step("Ensure this value is a multiple of step size 0.1."),
  ],
];

describe("FloatField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("toPython keeps inf and nan for validate() to refuse, as Django", () => {
    expect(new FloatField().toPython("-inf")).toBe(-Infinity);
    expect(new FloatField().toPython("nan")).toBeNaN();
  });

  test("is an IntegerField, with its own invalid message", () => {
    const f = new FloatField();
    expect(f).toBeInstanceOf(IntegerField);
    expect(f.errorMessages.invalid).toBe("Enter a number.");
  });

  test("test_floatfield_changed", () => {
    expect(new FloatField().hasChanged(4.35, "4.3500")).toBe(false);
    expect(new FloatField().hasChanged(4.35, "4.36")).toBe(true);
  });
});

describe("FloatField widget and schema", () => {
  test("test_floatfield_1/3/4: step is 'any' unless a step size is given", () => {
    expect(new FloatField().describe().widget.attrs).toEqual({ step: "any" });
    expect(new FloatField({ maxValue: 1.5, minValue: 0.5 }).describe().widget.attrs).toEqual({
      min: 0.5,
      max: 1.5,
      step: "any",
    });
    expect(new FloatField({ stepSize: 0.02 }).describe().widget.attrs).toEqual({ step: 0.02 });
  });

  test("test_floatfield_widget_attrs: the widget's own step, max and min are kept", () => {
    const f = new FloatField({ widget: new NumberInput({ step: 0.01, max: 1.0, min: 0.0 }) });
    expect(f.describe().widget.attrs).toEqual({ step: 0.01, max: 1, min: 0 });
  });

  test("test_floatfield_localized: a TextInput without number attrs", () => {
    expect(new FloatField({ localize: true }).describe().widget).toMatchObject({
      type: "TextInput",
      attrs: {},
    });
  });

  test("jsonSchema", () => {
    const f = new FloatField({ maxValue: 1.5 });
    f.name = "ratio";
    expect(f.jsonSchema()).toEqual({
      type: ["number", "string"],
      maximum: 1.5,
      title: "Ratio",
      errorMessage: { required: "This field is required.", invalid: "Enter a number." },
      "x-mizan-message-keys": { invalid: "FloatField.invalid", required: "Field.required" },
      "x-mizan-field": "FloatField",
      "x-mizan-required": true,
      "x-mizan-empty": null,
      "x-mizan-widget": "NumberInput",
      "x-mizan-ts": { input: "number | string", output: "number" },
      "x-mizan-coerce": { kind: "float", params: {} },
      "x-mizan-validate": [
        {
          rule: "finite",
          code: "invalid",
          key: "FloatField.invalid",
          message: "Enter a number.",
          params: {},
        },
      ],
      "x-mizan-rules": [
        {
          rule: "max_value",
          code: "max_value",
          message: "Ensure this value is less than or equal to 1.5.",
          key: "MaxValueValidator.max_value",
          params: { limit_value: 1.5 },
        },
      ],
    });
  });

  test("describe", () => {
    const d = new FloatField({ minValue: 0 }).describe();
    expect(d).toMatchObject({ type: "FloatField", max_value: null, min_value: 0, step_size: null });
  });

  test("cleaned types", () => {
    expectTypeOf(new FloatField().clean).returns.toEqualTypeOf<number>();
    expectTypeOf(new FloatField({ required: false }).clean).returns.toEqualTypeOf<number | null>();
  });
});
