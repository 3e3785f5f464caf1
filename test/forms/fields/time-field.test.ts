import { describe, expect, expectTypeOf, test } from "vitest";
import { TimeField } from "../../../src/forms/fields/time-field.js";
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

const INVALID = [{ code: "invalid", message: "Enter a valid time." }];

describe("TimeField (Django's test_timefield.py)", () => {
  // test_timefield_1 and test_timefield_3; Django's time objects are JS Dates (local clock).
  test.each<[unknown, string]>([
    [new Date(2000, 0, 1, 14, 25), "14:25:00"],
    [new Date(2000, 0, 1, 14, 25, 59), "14:25:59"],
    ["14:25", "14:25:00"],
    ["14:25:59", "14:25:59"],
    [" 14:25 ", "14:25:00"],
    [" 14:25:59 ", "14:25:59"],
    ["14:30:59.000200", "14:30:59.000200"],
    ["14:30:59.5", "14:30:59.500000"],
    ["4:5", "04:05:00"],
  ])("%j cleans to %j", (input, expected) => {
    expect(new TimeField().clean(input)).toBe(expected);
  });

  test.each([
    "hello",
    "1:24 p.m.",
    "   ",
    "24:00",
    "14:60",
    "14:30:60",
    "14:30:59.1234567",
    "14:30Z",
  ])("%j is invalid", (input) => {
    expect(errorsOf(() => new TimeField().clean(input))).toEqual(INVALID);
  });

  test("test_timefield_2: %I and %p", () => {
    const f = new TimeField({ inputFormats: ["%I:%M %p"] });
    expect(f.clean(new Date(2000, 0, 1, 14, 25))).toBe("14:25:00");
    expect(f.clean(new Date(2000, 0, 1, 14, 25, 59))).toBe("14:25:59");
    expect(f.clean("4:25 AM")).toBe("04:25:00");
    expect(f.clean("4:25 PM")).toBe("16:25:00");
    expect(f.clean("12:05 am")).toBe("00:05:00");
    expect(f.clean("12:05 pm")).toBe("12:05:00");
    expect(errorsOf(() => f.clean("14:30:45"))).toEqual(INVALID);
  });

  test("test_timefield_changed", () => {
    const f = new TimeField({ inputFormats: ["%H:%M", "%H:%M %p"] });
    expect(f.hasChanged("12:51:34.482548", "12:51")).toBe(true);
    expect(f.hasChanged("12:51:00", "12:51")).toBe(false);
    expect(f.hasChanged("12:51:00", "12:51 PM")).toBe(false);
    expect(f.hasChanged(new Date(2000, 0, 1, 12, 51), "12:51")).toBe(false);
  });

  test("a %z offset is dropped (Python's datetime.time())", () => {
    expect(new TimeField({ inputFormats: ["%H:%M%z"] }).clean("14:30+0530")).toBe("14:30:00");
  });

  test("not required: empty cleans to null", () => {
    expect(new TimeField({ required: false }).clean("")).toBeNull();
  });
});

describe("TimeField schema", () => {
  test("jsonSchema", () => {
    const f = new TimeField();
    f.name = "opens_at";
    expect(f.jsonSchema()).toEqual({
      type: "string",
      title: "Opens at",
      errorMessage: { required: "This field is required.", invalid: "Enter a valid time." },
      "x-mizan-message-keys": { invalid: "TimeField.invalid", required: "Field.required" },
      "x-mizan-field": "TimeField",
      "x-mizan-required": true,
      "x-mizan-empty": null,
      "x-mizan-widget": "TimeInput",
      "x-mizan-ts": { input: "string | Date", output: "string" },
      "x-mizan-coerce": {
        kind: "time",
        params: { input_formats: ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"] },
      },
    });
  });

  test("describe", () => {
    const f = new TimeField();
    f.name = "opens_at";
    expect(f.describe()).toMatchObject({
      type: "TimeField",
      input_formats: ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"],
      widget: { type: "TimeInput", input_type: "time" },
    });
  });

  test("cleaned type follows `required`", () => {
    expectTypeOf(new TimeField().clean).returns.toEqualTypeOf<string>();
    expectTypeOf(new TimeField({ required: false }).clean).returns.toEqualTypeOf<string | null>();
  });
});
