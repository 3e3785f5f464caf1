import { describe, expect, test } from "vitest";
import {
  getFormat,
  registerFormats,
  SHIPPED_FORMATS,
  sanitizeSeparators,
} from "../../../src/forms/formats/index.js";
import { DATE_INPUT_FORMATS, TIME_INPUT_FORMATS } from "../../../src/forms/rules/temporal.js";
import { inLanguage, LANGUAGES, withSettings } from "./support.js";

describe("sanitizeSeparators (Django's tests/i18n/tests.py test_sanitize_separators)", () => {
  test("non-strings are untouched", () => {
    expect(sanitizeSeparators(123, "fr")).toBe(123);
    expect(sanitizeSeparators(null, "de")).toBe(null);
  });

  // Django uses Russian (no-break space thousands, "," decimals); French has the same separators.
  test.each<[string, string]>([
    ["1\u00a0234\u00a0567", "1234567"],
    ["77\u00a0777,777", "77777.777"],
    ["12 345", "12345"], // the plain space (NFKD of the no-break space) is accepted too
    ["77 777,777", "77777.777"],
  ])("French with USE_THOUSAND_SEPARATOR: %j → %j", (input, expected) => {
    withSettings({ useThousandSeparator: true });
    expect(sanitizeSeparators(input, "fr")).toBe(expected);
  });

  test("a no-break space is no separator where the thousand separator is '.'", () => {
    withSettings({ useThousandSeparator: true });
    expect(sanitizeSeparators("12\u00a0345", "ar")).toBe("12\u00a0345");
  });

  test.each<[string, string]>([
    ["10.234", "10234"],
    ["10.10", "10.10"], // a dot not followed by three digits is taken as a decimal point (#22171)
    ["1.001,10", "1001.10"],
    ["1001,10", "1001.10"],
    ["1001.10", "1001.10"],
    ["1,001.10", "1.001.10"], // invalid output, as Django's
  ])('German ("." thousands, "," decimals) with USE_THOUSAND_SEPARATOR: %j → %j', (input, out) => {
    withSettings({ useThousandSeparator: true });
    expect(sanitizeSeparators(input, "de")).toBe(out);
  });

  test.each<[string, string]>([
    ["1001,10", "1001.10"],
    ["1001.10", "1001.10"],
    ["1.001,10", "1.001.10"], // thousand separators are left alone by default
  ])("Spanish without USE_THOUSAND_SEPARATOR (the default): %j → %j", (input, out) => {
    expect(sanitizeSeparators(input, "es")).toBe(out);
  });

  test("the active language is the default", () => {
    expect(inLanguage("fr", () => sanitizeSeparators("3,5"))).toBe("3.5");
    expect(sanitizeSeparators("3,5")).toBe("3,5");
  });
});

describe("getFormat (Django's get_format)", () => {
  test("each shipped language's separators, from Django's locale formats", () => {
    const separators = LANGUAGES.map((l) => [
      l,
      getFormat("decimalSeparator", l),
      getFormat("thousandSeparator", l),
      getFormat("numberGrouping", l),
    ]);
    expect(separators).toEqual([
      ["en", ".", ",", 3],
      ["fr", ",", "\u00a0", 3],
      ["de", ",", ".", 3],
      ["es", ",", ".", 3],
      ["ar", ",", ".", 0], // Arabic leaves NUMBER_GROUPING to the settings (0)
    ]);
  });

  test("a language's input formats get Django's ISO formats when they lack them", () => {
    expect(getFormat("dateInputFormats", "de")).toEqual(["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]);
    expect(getFormat("datetimeInputFormats", "de")).toEqual([
      "%d.%m.%Y %H:%M:%S",
      "%d.%m.%Y %H:%M:%S.%f",
      "%d.%m.%Y %H:%M",
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%Y-%m-%d",
    ]);
    expect(getFormat("dateInputFormats", "en")).toEqual(DATE_INPUT_FORMATS);
    expect(SHIPPED_FORMATS.fr?.dateInputFormats).not.toContain("%Y-%m-%d");
  });

  test("what a language leaves out comes from the settings", () => {
    expect(getFormat("timeInputFormats", "fr")).toEqual(TIME_INPUT_FORMATS);
    expect(getFormat("dateInputFormats", "ar")).toEqual(DATE_INPUT_FORMATS);
    withSettings({ dateInputFormats: ["%d.%m.%Y"] });
    expect(getFormat("dateInputFormats", "ar")).toEqual(["%d.%m.%Y"]); // no ISO added
    expect(getFormat("dateInputFormats", "es")).toEqual(["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]);
  });

  test("a regional variant reads its language's formats; an unknown language the settings'", () => {
    expect(getFormat("decimalSeparator", "fr-CA")).toBe(",");
    expect(getFormat("decimalSeparator", "de_AT")).toBe(",");
    expect(getFormat("decimalSeparator", "xx")).toBe(".");
    expect(getFormat("thousandSeparator", "xx")).toBe(",");
  });

  test("registered formats win, name by name (FORMAT_MODULE_PATH)", () => {
    registerFormats("de-CH", { thousandSeparator: "'" });
    expect(getFormat("thousandSeparator", "de-ch")).toBe("'");
    expect(getFormat("decimalSeparator", "de-CH")).toBe(",");
    expect(getFormat("dateInputFormats", "de-CH")).toEqual(getFormat("dateInputFormats", "de"));
  });
});

describe("bad formats are refused when they are registered", () => {
  test("a format repeating a directive (Python's re.error)", () => {
    expect(() => registerFormats("xx", { dateInputFormats: ["%d/%d/%Y"] })).toThrow();
    expect(() => withSettings({ timeInputFormats: ["%H:%H"] })).toThrow();
    expect(getFormat("dateInputFormats", "xx")).toEqual(DATE_INPUT_FORMATS);
  });
});
