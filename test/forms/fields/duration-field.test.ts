import { describe, expect, expectTypeOf, test } from "vitest";
import { DurationField } from "../../../src/forms/fields/duration-field.js";
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

const INVALID = [{ code: "invalid", message: "Enter a valid duration." }];
const OVERFLOW = [
  { code: "overflow", message: "The number of days must be between -999999999 and 999999999." },
];

describe("DurationField (Django's test_durationfield.py)", () => {
  // test_durationfield_clean, test_durationfield_integer_value
  test.each([
    ["30", "00:00:30"],
    ["15:30", "00:15:30"],
    ["1:15:30", "01:15:30"],
    ["1 1:15:30.3", "1 01:15:30.300000"],
    [10800, "03:00:00"],
  ])("%j cleans to %j", (input, expected) => {
    expect(new DurationField().clean(input)).toBe(expected);
  });

  // test_overflow
  test.each(["1000000000 00:00:00", "-1000000000 00:00:00"])("%j overflows", (input) => {
    expect(errorsOf(() => new DurationField().clean(input))).toEqual(OVERFLOW);
  });

  test("empty: required, or null when optional", () => {
    expect(errorsOf(() => new DurationField().clean(""))).toEqual([
      { code: "required", message: "This field is required." },
    ]);
    expect(new DurationField({ required: false }).clean(null)).toBeNull();
  });

  // test_durationfield_prepare_value: the cleaned text is Django's duration_string, which
  // cleans back to itself (Django's typed timedelta passthrough).
  test.each(["00:15:30", "1 01:15:30.300000", "-1 23:59:59"])("%j is stable", (text) => {
    expect(new DurationField().clean(text)).toBe(text);
  });

  test.each(["hello", "1:2:3:4", " 30", "30 ", "P4Y", "-01:-01", true])(
    "%j is invalid",
    (input) => {
      expect(errorsOf(() => new DurationField().clean(input))).toEqual(INVALID);
    },
  );
});

describe("parse_duration through DurationField (Django's utils_tests/test_dateparse.py)", () => {
  // test_parse_python_format: str(timedelta) of Django's seven timedeltas.
  test.each([
    ["4 days, 0:15:30.100000", "4 00:15:30.100000"],
    ["10:15:30", "10:15:30"],
    ["4 days, 0:15:30", "4 00:15:30"],
    ["1 day, 0:00:00", "1 00:00:00"],
    ["-4 days, 0:15:30", "-4 00:15:30"],
    ["0:15:30", "00:15:30"],
    ["0:00:30", "00:00:30"],
  ])("python format %j → %j", (input, expected) => {
    expect(new DurationField().clean(input)).toBe(expected);
  });

  test.each([
    // test_parse_postgresql_format
    ["1 day", "1 00:00:00"],
    ["-1 day", "-1 00:00:00"],
    ["1 day 0:00:01", "1 00:00:01"],
    ["1 day -0:00:01", "23:59:59"],
    ["-1 day -0:00:01", "-2 23:59:59"],
    ["-1 day +0:00:01", "-1 00:00:01"],
    ["4 days 0:15:30.1", "4 00:15:30.100000"],
    ["4 days 0:15:30.0001", "4 00:15:30.000100"],
    ["-4 days -15:00:30", "-5 08:59:30"],
    // test_seconds, test_minutes_seconds, test_hours_minutes_seconds, test_days
    ["30", "00:00:30"],
    ["15:30", "00:15:30"],
    ["5:30", "00:05:30"],
    ["10:15:30", "10:15:30"],
    ["1:15:30", "01:15:30"],
    ["100:200:300", "4 07:25:00"],
    ["4 15:30", "4 00:15:30"],
    ["4 10:15:30", "4 10:15:30"],
    // test_fractions_of_seconds
    ["15:30.1", "00:15:30.100000"],
    ["15:30.01", "00:15:30.010000"],
    ["15:30.001", "00:15:30.001000"],
    ["15:30.0001", "00:15:30.000100"],
    ["15:30.00001", "00:15:30.000010"],
    ["15:30.000001", "00:15:30.000001"],
    ["15:30,000001", "00:15:30.000001"],
    // test_negative
    ["-4 15:30", "-4 00:15:30"],
    ["-172800", "-2 00:00:00"],
    ["-15:30", "-1 23:44:30"],
    ["-1:15:30", "-1 22:44:30"],
    ["-30.1", "-1 23:59:29.900000"],
    ["-30,1", "-1 23:59:29.900000"],
    ["-00:01:01", "-1 23:58:59"],
    ["-01:01", "-1 23:58:59"],
    // test_iso_8601
    ["P4D", "4 00:00:00"],
    ["-P1D", "-1 00:00:00"],
    ["P0.5D", "12:00:00"],
    ["P0,5D", "12:00:00"],
    ["-P0.5D", "-1 12:00:00"],
    ["-P0,5D", "-1 12:00:00"],
    ["PT5H", "05:00:00"],
    ["-PT5H", "-1 19:00:00"],
    ["PT5M", "00:05:00"],
    ["-PT5M", "-1 23:55:00"],
    ["PT5S", "00:00:05"],
    ["-PT5S", "-1 23:59:55"],
    ["PT0.000005S", "00:00:00.000005"],
    ["PT0,000005S", "00:00:00.000005"],
    ["-PT0.000005S", "-1 23:59:59.999995"],
    ["-PT0,000005S", "-1 23:59:59.999995"],
    ["-P4DT1H", "-5 23:00:00"],
    // The brief's examples, and Python quirks kept: `$` before a final newline, "P" alone,
    // Unicode digits (Python's \d and float()).
    ["3 days, 10:11:12", "3 10:11:12"],
    ["10:11:12.123", "10:11:12.123000"],
    ["P4DT1H15M20S", "4 01:15:20"],
    ["3 days 04:05:06", "3 04:05:06"],
    ["30\n", "00:00:30"],
    ["P", "00:00:00"],
    ["٣٠", "00:00:30"],
  ])("%j → %j", (input, expected) => {
    expect(new DurationField().clean(input)).toBe(expected);
  });

  // test_negative ("-01:-01") and test_iso_8601's None cases
  test.each(["-01:-01", "P4Y", "P4M", "P4W", "P3(3D", "PT3)3H", "PT3|3M", "PT3/3S"])(
    "%j is invalid",
    (input) => {
      expect(errorsOf(() => new DurationField().clean(input))).toEqual(INVALID);
    },
  );

  test("fractions round like CPython's timedelta (half to even)", () => {
    expect(new DurationField().clean("PT0.0000015S")).toBe("00:00:00.000002");
    expect(new DurationField().clean("PT0.0000025S")).toBe("00:00:00.000002");
  });
});

describe("DurationField schema", () => {
  test("jsonSchema names the shared coercer and both messages", () => {
    const field = new DurationField({ required: false });
    field.name = "timeout";
    expect(field.jsonSchema()).toEqual({
      type: ["string", "number"],
      title: "Timeout",
      errorMessage: {
        required: "This field is required.",
        invalid: "Enter a valid duration.",
        overflow: "The number of days must be between %(min_days)s and %(max_days)s.",
      },
      "x-mizan-message-keys": {
        invalid: "DurationField.invalid",
        overflow: "DurationField.overflow",
        required: "Field.required",
      },
      "x-mizan-field": "DurationField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "TextInput",
      "x-mizan-ts": { input: "string | number", output: "string | null" },
      "x-mizan-coerce": { kind: "duration", params: {} },
    });
  });

  test("describe", () => {
    const field = new DurationField();
    field.name = "timeout";
    expect(field.describe()).toMatchObject({ type: "DurationField", required: true });
    expect(field.describe().widget).toMatchObject({ type: "TextInput", input_type: "text" });
  });

  test("cleaned type follows `required`", () => {
    expectTypeOf(new DurationField().clean).returns.toEqualTypeOf<string>();
    expectTypeOf(new DurationField({ required: false }).clean).returns.toEqualTypeOf<
      string | null
    >();
  });
});
