import { describe, expect, expectTypeOf, test } from "vitest";
import { DateTimeField } from "../../../src/forms/fields/date-time-field.js";
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

const INVALID = [{ code: "invalid", message: "Enter a valid date/time." }];

describe("DateTimeField (Django's test_datetimefield.py)", () => {
  // test_datetimefield_clean. Django's typed date/datetime inputs are the cleaned strings.
  test.each([
    ["2006-10-25", "2006-10-25T00:00:00"],
    ["2006-10-25T14:30:00", "2006-10-25T14:30:00"],
    ["2006-10-25T14:30:59", "2006-10-25T14:30:59"],
    ["2006-10-25T14:30:59.000200", "2006-10-25T14:30:59.000200"],
    ["2006-10-25 14:30:45.000200", "2006-10-25T14:30:45.000200"],
    ["2006-10-25 14:30:45.0002", "2006-10-25T14:30:45.000200"],
    ["2006-10-25 14:30:45", "2006-10-25T14:30:45"],
    ["2006-10-25 14:30:00", "2006-10-25T14:30:00"],
    ["2006-10-25 14:30", "2006-10-25T14:30:00"],
    ["10/25/2006 14:30:45.000200", "2006-10-25T14:30:45.000200"],
    ["10/25/2006 14:30:45", "2006-10-25T14:30:45"],
    ["10/25/2006 14:30:00", "2006-10-25T14:30:00"],
    ["10/25/2006 14:30", "2006-10-25T14:30:00"],
    ["10/25/2006", "2006-10-25T00:00:00"],
    ["10/25/06 14:30:45.000200", "2006-10-25T14:30:45.000200"],
    ["10/25/06 14:30:45", "2006-10-25T14:30:45"],
    ["10/25/06 14:30:00", "2006-10-25T14:30:00"],
    ["10/25/06 14:30", "2006-10-25T14:30:00"],
    ["10/25/06", "2006-10-25T00:00:00"],
    // ISO 8601 formats.
    ["2014-09-23T22:34:41.614804", "2014-09-23T22:34:41.614804"],
    ["2014-09-23T22:34:41", "2014-09-23T22:34:41"],
    ["2014-09-23T22:34", "2014-09-23T22:34:00"],
    ["2014-09-23", "2014-09-23T00:00:00"],
    ["2014-09-23T22:34Z", "2014-09-23T22:34:00+00:00"],
    ["2014-09-23T22:34+07:00", "2014-09-23T22:34:00+07:00"],
    // Whitespace stripping.
    [" 2006-10-25   14:30:45 ", "2006-10-25T14:30:45"],
    [" 2006-10-25 ", "2006-10-25T00:00:00"],
    [" 10/25/2006 14:30:45 ", "2006-10-25T14:30:45"],
    [" 10/25/2006 14:30 ", "2006-10-25T14:30:00"],
    [" 10/25/2006 ", "2006-10-25T00:00:00"],
    [" 10/25/06 14:30:45 ", "2006-10-25T14:30:45"],
    [" 10/25/06 ", "2006-10-25T00:00:00"],
    [" 2014-09-23T22:34:41.614804 ", "2014-09-23T22:34:41.614804"],
    [" 2014-09-23T22:34Z ", "2014-09-23T22:34:00+00:00"],
  ])("%j cleans to %j", (input, expected) => {
    expect(new DateTimeField().clean(input)).toBe(expected);
  });

  // test_datetimefield_clean_invalid
  test.each(["hello", "2006-10-25 4:30 p.m.", "   ", "2014-09-23T28:23"])(
    "%j is invalid",
    (input) => {
      expect(errorsOf(() => new DateTimeField().clean(input))).toEqual(INVALID);
    },
  );

  test("test_datetimefield_clean_invalid: input_formats", () => {
    const f = new DateTimeField({ inputFormats: ["%Y %m %d %I:%M %p"] });
    expect(errorsOf(() => f.clean("2006.10.25 14:30:45"))).toEqual(INVALID);
  });

  // test_datetimefield_clean_input_formats
  test.each([
    ["%Y %m %d %I:%M %p", "2006-10-25", "2006-10-25T00:00:00"],
    ["%Y %m %d %I:%M %p", "2006-10-25T14:30:00", "2006-10-25T14:30:00"],
    ["%Y %m %d %I:%M %p", "2006-10-25T14:30:59", "2006-10-25T14:30:59"],
    ["%Y %m %d %I:%M %p", "2006-10-25T14:30:59.000200", "2006-10-25T14:30:59.000200"],
    ["%Y %m %d %I:%M %p", "2006 10 25 2:30 PM", "2006-10-25T14:30:00"],
    // ISO-like formats are always accepted.
    ["%Y %m %d %I:%M %p", "2006-10-25 14:30:45", "2006-10-25T14:30:45"],
    ["%Y.%m.%d %H:%M:%S.%f", "2006.10.25 14:30:45.0002", "2006-10-25T14:30:45.000200"],
  ])("input_formats [%j]: %j cleans to %j", (format, input, expected) => {
    expect(new DateTimeField({ inputFormats: [format] }).clean(input)).toBe(expected);
  });

  test("test_datetimefield_not_required", () => {
    const f = new DateTimeField({ required: false });
    expect(f.clean(null)).toBeNull();
    expect(f.clean("")).toBeNull();
  });

  test("test_datetimefield_changed", () => {
    const f = new DateTimeField({ inputFormats: ["%Y %m %d %I:%M %p"] });
    expect(f.hasChanged("2006-09-17T14:30:00", "2006 09 17 2:30 PM")).toBe(false);
    expect(f.hasChanged("2006-09-17T14:30:00", "2006 09 17 2:31 PM")).toBe(true);
  });

  test("has_changed compares aware datetimes as instants, like Python's ==", () => {
    const f = new DateTimeField();
    expect(f.hasChanged("2014-09-23T15:34:00+00:00", "2014-09-23T22:34+07:00")).toBe(false);
    expect(f.hasChanged("2014-09-23T22:34:00", "2014-09-23T22:34Z")).toBe(true);
    expect(f.hasChanged(new Date(Date.UTC(2014, 8, 23, 15, 34)), "2014-09-23T22:34+07:00")).toBe(
      false,
    );
  });
});

describe("parse_datetime through DateTimeField (Django's utils_tests/test_dateparse.py)", () => {
  test.each([
    ["2012-04-23", "2012-04-23T00:00:00"],
    ["2012-04-23T09:15:00", "2012-04-23T09:15:00"],
    ["2012-4-9 4:8:16", "2012-04-09T04:08:16"],
    ["2012-04-23T09:15:00Z", "2012-04-23T09:15:00+00:00"],
    ["2012-4-9 4:8:16-0320", "2012-04-09T04:08:16-03:20"],
    ["2012-04-23T10:20:30.400+02:30", "2012-04-23T10:20:30.400000+02:30"],
    ["2012-04-23T10:20:30.400+02", "2012-04-23T10:20:30.400000+02:00"],
    ["2012-04-23T10:20:30.400-02", "2012-04-23T10:20:30.400000-02:00"],
    ["2012-04-23T10:20:30,400-02", "2012-04-23T10:20:30.400000-02:00"],
    ["2012-04-23T10:20:30.400 +0230", "2012-04-23T10:20:30.400000+02:30"],
    ["2012-04-23T10:20:30,400 +00", "2012-04-23T10:20:30.400000+00:00"],
    ["2012-04-23T10:20:30   -02", "2012-04-23T10:20:30-02:00"],
    // Python 3.11+ fromisoformat: basic format, week dates, any one-character separator.
    ["20120423", "2012-04-23T00:00:00"],
    ["20120423T091500", "2012-04-23T09:15:00"],
    ["2012-W17-1T09:15", "2012-04-23T09:15:00"],
    ["2012-04-23 09:15:00.123456789", "2012-04-23T09:15:00.123456"],
    ["2012-04-23T09:15:00+05:30:15.5", "2012-04-23T09:15:00+05:30:15.500000"],
  ])("%j cleans to %j", (input, expected) => {
    expect(new DateTimeField().clean(input)).toBe(expected);
  });

  // "20120423091500" is not ISO-like for Django, and no input format matches it either;
  // "2012-04-56T09:15:90" is ISO-like but impossible: invalid without trying the formats.
  test.each([
    "20120423091500",
    "2012-04-56T09:15:90",
    "2012-04-23T09:15+24:00",
    "2012-04-23T24:00",
  ])("%j is invalid", (input) => {
    expect(errorsOf(() => new DateTimeField().clean(input))).toEqual(INVALID);
  });
});

describe("DateTimeField with JS Dates", () => {
  test("a Date is an instant, cleaned in UTC", () => {
    expect(new DateTimeField().clean(new Date(Date.UTC(2006, 9, 25, 14, 30, 59, 200)))).toBe(
      "2006-10-25T14:30:59.200000+00:00",
    );
  });

  test("an invalid Date is invalid", () => {
    expect(errorsOf(() => new DateTimeField().clean(new Date(Number.NaN)))).toEqual(INVALID);
  });
});

describe("DateTimeField schema", () => {
  test("jsonSchema: DATETIME_INPUT_FORMATS then DATE_INPUT_FORMATS", () => {
    const f = new DateTimeField({ required: false });
    f.name = "starts_at";
    const schema = f.jsonSchema();
    expect(schema).toMatchObject({
      type: "string",
      title: "Starts at",
      errorMessage: { required: "This field is required.", invalid: "Enter a valid date/time." },
      "x-mizan-field": "DateTimeField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "DateTimeInput",
      "x-mizan-coerce": { kind: "datetime" },
    });
    const formats = (schema["x-mizan-coerce"] as { params: { input_formats: string[] } }).params
      .input_formats;
    expect(formats.slice(0, 3)).toEqual([
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
    ]);
    expect(formats).toHaveLength(20);
    expect(formats[9]).toBe("%Y-%m-%d");
  });

  test("describe", () => {
    const f = new DateTimeField();
    f.name = "starts_at";
    expect(f.describe()).toMatchObject({
      type: "DateTimeField",
      widget: { type: "DateTimeInput", input_type: "datetime-local" },
    });
  });

  test("cleaned type follows `required`", () => {
    expectTypeOf(new DateTimeField().clean).returns.toEqualTypeOf<string>();
    expectTypeOf(new DateTimeField({ required: false }).clean).returns.toEqualTypeOf<
      string | null
    >();
  });
});
