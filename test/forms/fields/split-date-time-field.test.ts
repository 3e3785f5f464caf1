import { describe, expect, test } from "vitest";
import { SplitDateTimeField } from "../../../src/forms/fields/split-date-time-field.js";
import { Form } from "../../../src/forms/form.js";
import { formMeta } from "../../../src/forms/form-meta.js";
import { SplitDateTimeWidget } from "../../../src/forms/widgets/multi-widget.js";
import { server } from "./support/outcome.js";

// Django's tests/forms_tests/field_tests/test_splitdatetimefield.py. Django's date and time
// objects are JS Dates here, read on the local calendar and clock like DateField/TimeField.
const DATE = new Date(2006, 0, 10);
const TIME = new Date(1970, 0, 1, 7, 30);
const CLEANED = { value: "2006-01-10T07:30:00" };
const REQUIRED = { errors: [["required", "This field is required."]] };
const LIST = { errors: [["invalid", "Enter a list of values."]] };
const BAD_DATE = ["invalid", "Enter a valid date."];
const BAD_TIME = ["invalid", "Enter a valid time."];

describe("SplitDateTimeField (Django's test_splitdatetimefield.py)", () => {
  test("test_splitdatetimefield_1: the widget is SplitDateTimeWidget", () => {
    expect(new SplitDateTimeField().widget).toBeInstanceOf(SplitDateTimeWidget);
  });

  // test_splitdatetimefield_1
  test.each([
    ["date and time objects", [DATE, TIME], CLEANED],
    ["None", null, REQUIRED],
    ["''", "", REQUIRED],
    ["'hello'", "hello", LIST],
    ["['hello', 'there']", ["hello", "there"], { errors: [BAD_DATE, BAD_TIME] }],
    ["['2006-01-10', 'there']", ["2006-01-10", "there"], { errors: [BAD_TIME] }],
    ["['hello', '07:30']", ["hello", "07:30"], { errors: [BAD_DATE] }],
    // mizan: the required field's other cases.
    ["['2006-01-10', '07:30']", ["2006-01-10", "07:30"], CLEANED],
    ["['', '']", ["", ""], REQUIRED],
    ["['2006-01-10', '']", ["2006-01-10", ""], REQUIRED],
    ["['', '07:30']", ["", "07:30"], REQUIRED],
    ["['2006-01-10']", ["2006-01-10"], REQUIRED],
    ["['hello', ''] (required stops the loop)", ["hello", ""], REQUIRED],
    [
      "ISO parts with spaces",
      [" 2006-01-10 ", " 07:30:45.000200 "],
      {
        value: "2006-01-10T07:30:45.000200",
      },
    ],
    ["US date, seconds", ["10/25/2006", "14:30:59"], { value: "2006-10-25T14:30:59" }],
    ["impossible date", ["2006-02-30", "07:30"], { errors: [BAD_DATE] }],
    ["a number is not a list", 7, LIST],
  ])("required: %s", (_name, input, expected) => {
    expect(server(new SplitDateTimeField(), input)).toEqual(expected);
  });

  // test_splitdatetimefield_2
  test.each([
    ["date and time objects", [DATE, TIME], CLEANED],
    ["['2006-01-10', '07:30']", ["2006-01-10", "07:30"], CLEANED],
    ["None", null, { value: null }],
    ["''", "", { value: null }],
    ["['']", [""], { value: null }],
    ["['', '']", ["", ""], { value: null }],
    ["'hello'", "hello", LIST],
    ["['hello', 'there']", ["hello", "there"], { errors: [BAD_DATE, BAD_TIME] }],
    ["['2006-01-10', 'there']", ["2006-01-10", "there"], { errors: [BAD_TIME] }],
    ["['hello', '07:30']", ["hello", "07:30"], { errors: [BAD_DATE] }],
    [
      "['2006-01-10', '']",
      ["2006-01-10", ""],
      { errors: [["invalid_time", "Enter a valid time."]] },
    ],
    ["['2006-01-10']", ["2006-01-10"], { errors: [["invalid_time", "Enter a valid time."]] }],
    ["['', '07:30']", ["", "07:30"], { errors: [["invalid_date", "Enter a valid date."]] }],
  ])("optional: %s", (_name, input, expected) => {
    expect(server(new SplitDateTimeField({ required: false }), input)).toEqual(expected);
  });

  // test_splitdatetimefield_changed
  test.each([
    [["11/01/2012", "09:18:15"], ["11/01/2012", "09:18:15"], false],
    ["2008-05-06T12:40:00", ["2008-05-06", "12:40:00"], true],
    ["2008-05-06T12:40:00", ["06/05/2008", "12:40"], false],
    ["2008-05-06T12:40:00", ["06/05/2008", "12:41"], true],
  ])("test_splitdatetimefield_changed: %j → %j changed: %s", (initial, data, changed) => {
    const f = new SplitDateTimeField({ inputDateFormats: ["%d/%m/%Y"] });
    expect(f.hasChanged(initial, data)).toBe(changed);
  });

  test("input formats per part", () => {
    const f = new SplitDateTimeField({
      inputDateFormats: ["%d.%m.%Y"],
      inputTimeFormats: ["%I:%M %p"],
    });
    expect(server(f, ["25.10.2006", "4:25 PM"])).toEqual({ value: "2006-10-25T16:25:00" });
    expect(server(f, ["2006-10-25", "16:25"])).toEqual({ errors: [BAD_DATE, BAD_TIME] });
    expect(f.describe()).toMatchObject({
      input_date_formats: ["%d.%m.%Y"],
      input_time_formats: ["%I:%M %p"],
    });
  });

  test("errorMessages: invalid_date/invalid_time reach the parts", () => {
    const f = new SplitDateTimeField({
      required: false,
      errorMessages: { invalid_date: "Which day?", invalid_time: "What time?" },
    });
    // A part that does not parse keeps the part's code, with this field's text (Django).
    expect(server(f, ["x", "y"])).toEqual({
      errors: [
        ["invalid", "Which day?"],
        ["invalid", "What time?"],
      ],
    });
    expect(server(f, ["", "07:30"])).toEqual({ errors: [["invalid_date", "Which day?"]] });
  });

  // test_form_as_table: two inputs, both required; mizan's renderer reads the descriptor.
  test("test_form_as_table: a date input and a time input, both required", () => {
    class TestForm extends Form<TestForm> {
      static override meta = formMeta({ name: "split_table" });
      datetime = new SplitDateTimeField();
    }
    const field = new TestForm().fields.get("datetime") as SplitDateTimeField;
    field.name = "datetime";
    const descriptor = field.describe();
    expect(descriptor).toMatchObject({
      label: "Datetime",
      required: true,
      required_parts: [true, true],
      widget: {
        type: "SplitDateTimeWidget",
        subwidgets: [
          { type: "DateInput", input_type: "date" },
          { type: "TimeInput", input_type: "time" },
        ],
      },
    });
  });

  test("a form cleans [date, time] from its data", async () => {
    class EventForm extends Form<EventForm> {
      static override meta = formMeta({ name: "split_event" });
      starts = new SplitDateTimeField();
      ends = new SplitDateTimeField({ required: false });
    }
    const form = new EventForm({ data: { starts: ["2006-01-10", "07:30"], ends: ["", ""] } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({ starts: "2006-01-10T07:30:00", ends: null });
    const bad = new EventForm({ data: { starts: ["hello", "there"], ends: ["2006-01-10"] } });
    expect(await bad.isValid()).toBe(false);
    expect(bad.errors).toEqual({
      starts: [
        { code: "invalid", message: "Enter a valid date." },
        { code: "invalid", message: "Enter a valid time." },
      ],
      ends: [{ code: "invalid_time", message: "Enter a valid time." }],
    });
  });

  test("a disabled field cleans its initial, split by the widget", async () => {
    class EventForm extends Form<EventForm> {
      static override meta = formMeta({ name: "split_disabled" });
      starts = new SplitDateTimeField({ disabled: true, initial: "2006-01-10T07:30:00" });
    }
    const form = new EventForm({ data: { starts: ["2020-01-01", "00:00"] } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({ starts: "2006-01-10T07:30:00" });
    expect(form.hasChanged()).toBe(false);
  });

  test("the initial value reaches the renderer as its parts", () => {
    const f = new SplitDateTimeField({ initial: "2006-01-10 07:30:45.5+02:00" });
    expect(f.describe().initial).toEqual(["2006-01-10", "07:30:45.500000"]);
    expect(new SplitDateTimeField({ initial: ["2006-01-10", "07:30"] }).describe().initial).toEqual(
      ["2006-01-10", "07:30"],
    );
  });

  test.each([
    [null, [null, null]],
    ["", [null, null]],
    ["not a datetime", [null, null]],
    ["2006-01-10T07:30:00", ["2006-01-10", "07:30:00"]],
    ["2014-09-23T22:34Z", ["2014-09-23", "22:34:00"]],
    [new Date(Date.UTC(2006, 0, 10, 7, 30)), ["2006-01-10", "07:30:00"]],
  ])("SplitDateTimeWidget.decompress(%j) is %j", (value, parts) => {
    expect(new SplitDateTimeWidget().decompress(value)).toEqual(parts);
  });

  test("SplitDateTimeWidget: date_attrs and time_attrs, else attrs for both", () => {
    const both = new SplitDateTimeWidget({ attrs: { class: "dt" } }).describe();
    expect(both.subwidgets.map((w) => w.attrs)).toEqual([{ class: "dt" }, { class: "dt" }]);
    const split = new SplitDateTimeWidget({
      attrs: { class: "dt" },
      timeAttrs: { step: 1 },
    }).describe();
    expect(split.subwidgets.map((w) => w.attrs)).toEqual([{ class: "dt" }, { step: 1 }]);
  });

  test("server-rules: the browser only sees that something was entered", () => {
    const schema = new SplitDateTimeField().jsonSchema();
    expect(schema["x-mizan-server-rules"]).toBe(true);
    expect(schema["x-mizan-coerce"]).toBeUndefined();
    expect(schema["x-mizan-required"]).toBe(true);
    expect(schema.errorMessage).toMatchObject({
      required: "This field is required.",
      invalid: "Enter a list of values.",
      invalid_date: "Enter a valid date.",
      invalid_time: "Enter a valid time.",
    });
  });
});
