// Python-checked corners of the strptime and fromisoformat ports (the field tests cover the
// Django tables). Every expectation here was produced by CPython 3.11's datetime module.
import { describe, expect, test } from "vitest";
import { formatDateTime } from "../../../src/forms/rules/calendar.js";
import { fromIsoFormat } from "../../../src/forms/rules/iso-datetime.js";
import { strptime } from "../../../src/forms/rules/strptime.js";

function parse(text: string, format: string): string | null {
  const dt = strptime(text, format);
  return dt ? formatDateTime(dt) : null;
}

function iso(text: string): string | null {
  const dt = fromIsoFormat(text);
  return dt ? formatDateTime(dt) : null;
}

describe("strptime (CPython's _strptime, C locale)", () => {
  test.each([
    ["Oct 25   2006", "%b %d %Y", "2006-10-25T00:00:00"],
    [" 5", "%d", "1900-01-05T00:00:00"],
    ["31", "%d", "1900-01-31T00:00:00"],
    ["69", "%y", "1969-01-01T00:00:00"],
    ["68", "%y", "2068-01-01T00:00:00"],
    ["2006 0 0", "%Y %U %w", "2006-01-01T00:00:00"],
    ["2006 43 Wed", "%Y %W %a", "2006-10-25T00:00:00"],
    ["2006 43 3", "%G %V %u", "2006-10-25T00:00:00"],
    ["366", "%j", "1901-01-01T00:00:00"],
    ["2004 366", "%Y %j", "2004-12-31T00:00:00"],
    ["+0530", "%z", "1900-01-01T00:00:00+05:30"],
    ["Z", "%z", "1900-01-01T00:00:00+00:00"],
    ["+05:30:15.5", "%z", "1900-01-01T00:00:00+05:30:15.500000"],
    ["2006 %", "%Y %%", "2006-01-01T00:00:00"],
    ["2006-10-25t10", "%Y-%m-%dT%H", "2006-10-25T10:00:00"],
    ["Wed Oct 25 14:30:59 2006", "%c", "2006-10-25T14:30:59"],
    ["10/25/06", "%x", "2006-10-25T00:00:00"],
    ["14:30:59", "%X", "1900-01-01T14:30:59"],
    ["12 am", "%I %p", "1900-01-01T00:00:00"],
    ["12 PM", "%I %p", "1900-01-01T12:00:00"],
    ["UTC", "%Z", "1900-01-01T00:00:00"],
    ["12", "%I", "1900-01-01T00:00:00"], // no %p: read as am
    ["10/2\u0665/\u0662\u0660\u0660\u0666", "%m/%d/%Y", "2006-10-25T00:00:00"], // \d in %d, %Y
    ["pm 3:05", "%p %I:%M", "1900-01-01T15:05:00"],
  ])("strptime(%j, %j) = %j", (text, format, expected) => {
    expect(parse(text, format)).toBe(expected);
  });

  test.each([
    ["13", "%m"], // "unconverted data remains": no backtracking to the end
    ["2006-4-31", "%Y-%m-%d"],
    ["10:00:60", "%H:%M:%S"],
    ["Feb 29", "%b %d"], // 1900 is not a leap year
    ["z", "%z"], // only an upper-case Z
    ["+0530:15", "%z"], // mixed colons
    ["+99:00", "%z"], // offset beyond 24 h
    ["x", "%q"], // bad directive
    ["x", "%"], // stray %
    ["2006 43 3", "%V %u"], // %V needs %G
  ])("strptime(%j, %j) raises ValueError", (text, format) => {
    expect(parse(text, format)).toBeNull();
  });

  test("a repeated directive is an error in the format (Python's re.error), not a ValueError", () => {
    expect(() => strptime("2006 2006", "%Y %Y")).toThrow(/a directive is repeated/);
    expect(() => strptime("x", "%c %d")).toThrow(/a directive is repeated/);
  });
});

describe("fromisoformat (CPython's C parser, kept lenient where it is)", () => {
  test.each([
    ["2014-09-23T22:34", "2014-09-23T22:34:00"],
    ["2014-09-23 22", "2014-09-23T22:00:00"],
    ["20140923T2234", "2014-09-23T22:34:00"],
    ["2014-W39-2T10:00", "2014-09-23T10:00:00"],
    ["2014-W39", "2014-09-22T00:00:00"],
    ["2015-W53-1", "2015-12-28T00:00:00"],
    ["2014-09-23é22:34", "2014-09-23T22:34:00"],
    ["2014-09-23😀22:34", "2014-09-23T22:34:00"],
    ["2014-09-23T22:34:41,5", "2014-09-23T22:34:41.500000"],
    ["2014-09-23T22:34:41.1234567", "2014-09-23T22:34:41.123456"],
    ["2014-09-23T22:34-00:00", "2014-09-23T22:34:00+00:00"],
    ["2014-09-23T22:34+07:99", "2014-09-23T22:34:00+08:39"],
    ["2014-09-23T22:34:41.Z", "2014-09-23T22:34:41+00:00"],
    ["2014-09-23T22:34x+07:00", "2014-09-23T22:34:00+07:00"],
    ["2014-09-23T22:34:41:5", "2014-09-23T22:34:41.500000"],
    ["2014-09-23T22344155", "2014-09-23T22:34:41.550000"],
    ["2014-09-23T22:34:41.1234567é+07:00", "2014-09-23T22:34:41.123456+07:00"],
    ["2014-09-23\ud80022:34", "2014-09-23T22:34:00"], // a lone surrogate as the separator
  ])("fromisoformat(%j) = %j", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  test.each([
    "2014-09-23T22:34z",
    "2014-09-23T24:00",
    "2014-09-23T22:34+24:00",
    "2014-09-23T22:3",
    "2014-09-23T",
    "2014-09-23 ",
    "2014-09-23T22:34é",
    "2014-09-23T22:34:41.",
    "2014-09-23T22:34:41xx+07:00",
    "2014-W53-1",
    "2014W01-1",
    "9999-W52-6",
    "٢٠١٤-09-23",
    "2014-09-23T22:34\ud800",
    "2014-09-23T22:34:41.5é",
    "2014-09-23T2é:34",
  ])("fromisoformat(%j) raises ValueError", (text) => {
    expect(iso(text)).toBeNull();
  });
});
