import { describe, expect, test } from "vitest";
import { DateField } from "../../../src/forms/fields/date-field.js";
import { DateTimeField } from "../../../src/forms/fields/date-time-field.js";
import { SplitDateTimeField } from "../../../src/forms/fields/split-date-time-field.js";
import { TimeField } from "../../../src/forms/fields/time-field.js";
import { registerFormats } from "../../../src/forms/formats/index.js";
import { browser, server } from "../fields/support/outcome.js";
import { clean, INVALID, inLanguage, withSettings } from "./support.js";

// Django's tests/forms_tests/tests/test_input_formats.py, localize=True cases. Django's Dutch
// time formats (nl/formats.py) are not shipped; they are registered here as Django has them.
registerFormats("nl", { timeInputFormats: ["%H:%M:%S", "%H.%M:%S", "%H.%M", "%H:%M"] });

const ok = (value: string) => ({ value });

describe("LocalizedTimeTests (Dutch)", () => {
  test("test_localized_timeField", () => {
    const f = new TimeField({ localize: true });
    inLanguage("nl", () => {
      expect(clean(f, "1:30:05 PM")).toEqual(INVALID);
      expect(clean(f, "13:30:05")).toEqual(ok("13:30:05"));
      expect(clean(f, "13:30")).toEqual(ok("13:30:00"));
      expect(clean(f, "13.30")).toEqual(ok("13:30:00"));
      // ISO formats are accepted, even if not in the language's formats.
      expect(clean(f, "13:30:05.000155")).toEqual(ok("13:30:05.000155"));
    });
  });

  test("test_localized_timeField_with_inputformat", () => {
    const f = new TimeField({ inputFormats: ["%H.%M.%S", "%H.%M"], localize: true });
    inLanguage("nl", () => {
      expect(clean(f, "1:30:05 PM")).toEqual(INVALID);
      expect(clean(f, "13:30:05")).toEqual(INVALID);
      expect(clean(f, "13.30.05")).toEqual(ok("13:30:05"));
      expect(clean(f, "13.30")).toEqual(ok("13:30:00"));
    });
  });
});

describe("CustomTimeInputFormatsTests (settings' TIME_INPUT_FORMATS, a language without its own)", () => {
  test("test_localized_timeField", () => {
    withSettings({ timeInputFormats: ["%I:%M:%S %p", "%I:%M %p"] });
    const f = new TimeField({ localize: true });
    inLanguage("ar", () => {
      expect(clean(f, "13:30:05")).toEqual(INVALID);
      expect(clean(f, "1:30:05 PM")).toEqual(ok("13:30:05"));
      expect(clean(f, "01:30 PM")).toEqual(ok("13:30:00"));
    });
  });

  test("test_localized_timeField_with_inputformat", () => {
    withSettings({ timeInputFormats: ["%I:%M:%S %p", "%I:%M %p"] });
    const f = new TimeField({ inputFormats: ["%H.%M.%S", "%H.%M"], localize: true });
    inLanguage("ar", () => {
      expect(clean(f, "1:30:05 PM")).toEqual(INVALID);
      expect(clean(f, "13:30:05")).toEqual(INVALID);
      expect(clean(f, "13.30.05")).toEqual(ok("13:30:05"));
      expect(clean(f, "13.30")).toEqual(ok("13:30:00"));
    });
  });
});

describe("LocalizedDateTests (German)", () => {
  test("test_localized_dateField", () => {
    const f = new DateField({ localize: true });
    inLanguage("de", () => {
      expect(clean(f, "21/12/2010")).toEqual(INVALID);
      expect(clean(f, "2010-12-21")).toEqual(ok("2010-12-21"));
      expect(clean(f, "21.12.2010")).toEqual(ok("2010-12-21"));
      expect(clean(f, "21.12.10")).toEqual(ok("2010-12-21"));
    });
  });

  test("test_localized_dateField_with_inputformat", () => {
    const f = new DateField({ inputFormats: ["%m.%d.%Y", "%m-%d-%Y"], localize: true });
    inLanguage("de", () => {
      expect(clean(f, "2010-12-21")).toEqual(INVALID);
      expect(clean(f, "21/12/2010")).toEqual(INVALID);
      expect(clean(f, "21.12.2010")).toEqual(INVALID);
      expect(clean(f, "12.21.2010")).toEqual(ok("2010-12-21"));
      expect(clean(f, "12-21-2010")).toEqual(ok("2010-12-21"));
    });
  });
});

describe("CustomDateInputFormatsTests (settings' DATE_INPUT_FORMATS)", () => {
  test("test_localized_dateField", () => {
    withSettings({ dateInputFormats: ["%d.%m.%Y", "%d-%m-%Y"] });
    const f = new DateField({ localize: true });
    inLanguage("ar", () => {
      expect(clean(f, "2010-12-21")).toEqual(INVALID);
      expect(clean(f, "21.12.2010")).toEqual(ok("2010-12-21"));
      expect(clean(f, "21-12-2010")).toEqual(ok("2010-12-21"));
    });
  });
});

describe("LocalizedDateTimeTests (German)", () => {
  test("test_localized_dateTimeField", () => {
    const f = new DateTimeField({ localize: true });
    inLanguage("de", () => {
      expect(clean(f, "1:30:05 PM 21/12/2010")).toEqual(INVALID);
      expect(clean(f, "2010-12-21 13:30:05")).toEqual(ok("2010-12-21T13:30:05"));
      expect(clean(f, "21.12.2010 13:30:05")).toEqual(ok("2010-12-21T13:30:05"));
      expect(clean(f, "21.12.2010 13:30")).toEqual(ok("2010-12-21T13:30:00"));
      // DateTimeField also reads the language's date formats.
      expect(clean(f, "21.12.2010")).toEqual(ok("2010-12-21T00:00:00"));
    });
  });

  test("test_localized_dateTimeField_with_inputformat", () => {
    const f = new DateTimeField({
      inputFormats: ["%H.%M.%S %m.%d.%Y", "%H.%M %m-%d-%Y"],
      localize: true,
    });
    inLanguage("de", () => {
      expect(clean(f, "1:30:05 PM 21/12/2010")).toEqual(INVALID);
      expect(clean(f, "13:30:05 21.12.2010")).toEqual(INVALID);
      expect(clean(f, "13.30.05 12.21.2010")).toEqual(ok("2010-12-21T13:30:05"));
      expect(clean(f, "13.30 12-21-2010")).toEqual(ok("2010-12-21T13:30:00"));
    });
  });
});

describe("CustomDateTimeInputFormatsTests (settings' DATETIME_INPUT_FORMATS)", () => {
  test("test_localized_dateTimeField", () => {
    withSettings({ datetimeInputFormats: ["%I:%M:%S %p %d/%m/%Y", "%I:%M %p %d-%m-%Y"] });
    const f = new DateTimeField({ localize: true });
    inLanguage("ar", () => {
      expect(clean(f, "1:30:05 PM 21/12/2010")).toEqual(ok("2010-12-21T13:30:05"));
      expect(clean(f, "1:30 PM 21-12-2010")).toEqual(ok("2010-12-21T13:30:00"));
      expect(clean(f, "21/12/2010 13:30")).toEqual(INVALID);
    });
  });
});

describe("every shipped language", () => {
  test.each<[string, string, unknown]>([
    ["en", "Oct 25 2006", ok("2006-10-25")],
    ["en", "10/25/2006", ok("2006-10-25")],
    ["en", "25/10/2006", INVALID],
    ["fr", "25/10/2006", ok("2006-10-25")],
    ["fr", "25/10/06", ok("2006-10-25")],
    ["fr", "25.10.2006", ok("2006-10-25")],
    ["fr", "10/25/2006", INVALID],
    ["fr", "2006-10-25", ok("2006-10-25")],
    ["de", "25.10.2006", ok("2006-10-25")],
    ["de", "25/10/2006", INVALID],
    ["es", "31/12/2009", ok("2009-12-31")],
    ["es", "31/12/09", ok("2009-12-31")],
    ["es", "31.12.2009", INVALID],
    ["ar", "10/25/2006", ok("2006-10-25")], // Arabic has the default formats
    ["ar", "25/10/2006", INVALID],
  ])("DateField, %s: %j", (language, input, expected) => {
    expect(inLanguage(language, () => clean(new DateField({ localize: true }), input))).toEqual(
      expected,
    );
  });

  test.each<[string, string, unknown]>([
    ["en", "10/25/06 14:30", ok("2006-10-25T14:30:00")],
    ["fr", "25/10/2006 14:30:59.000200", ok("2006-10-25T14:30:59.000200")],
    ["fr", "25.10.2006 14:30", ok("2006-10-25T14:30:00")],
    ["fr", "25/10/06 14:30", INVALID], // French lists no two-digit-year datetime format
    ["fr", "25/10/06", ok("2006-10-25T00:00:00")], // ...but a date format
    ["de", "25.10.2006 14:30:59", ok("2006-10-25T14:30:59")],
    ["es", "31/12/09 14:30", ok("2009-12-31T14:30:00")],
    ["ar", "10/25/2006 14:30", ok("2006-10-25T14:30:00")],
    ["ar", "25/10/2006 14:30", INVALID],
  ])("DateTimeField, %s: %j", (language, input, expected) => {
    const field = new DateTimeField({ localize: true });
    expect(inLanguage(language, () => clean(field, input))).toEqual(expected);
  });

  test.each(["en", "fr", "de", "es", "ar"])(
    "TimeField, %s: the default time formats",
    (language) => {
      const field = new TimeField({ localize: true });
      inLanguage(language, () => {
        expect(clean(field, "14:30")).toEqual(ok("14:30:00"));
        expect(clean(field, "14:30:59.000200")).toEqual(ok("14:30:59.000200"));
        expect(clean(field, "2:30 PM")).toEqual(INVALID);
      });
    },
  );

  test("SplitDateTimeField's parts are localized", () => {
    const field = new SplitDateTimeField({ localize: true });
    expect(inLanguage("fr", () => clean(field, ["25/10/2006", "14:30"]))).toEqual(
      ok("2006-10-25T14:30:00"),
    );
    // The part's own code, with SplitDateTimeField's invalid_date text, as in Django.
    expect(inLanguage("de", () => clean(field, ["25/10/2006", "14:30"]))).toEqual(INVALID);
  });

  test("the language is read per call; non-localized fields keep the default formats", () => {
    const localized = new DateField({ localize: true });
    const plain = new DateField();
    expect(inLanguage("fr", () => clean(localized, "25/10/2006"))).toEqual(ok("2006-10-25"));
    expect(clean(localized, "25/10/2006")).toEqual(INVALID);
    expect(inLanguage("fr", () => clean(plain, "25/10/2006"))).toEqual(INVALID);
    expect(inLanguage("fr", () => clean(plain, "10/25/2006"))).toEqual(ok("2006-10-25"));
    expect(inLanguage("de", () => localized.inputFormats)).toEqual([
      "%d.%m.%Y",
      "%d.%m.%y",
      "%Y-%m-%d",
    ]);
  });
});

describe("the browser", () => {
  test("a localized temporal field without its own formats is checked by the server only", () => {
    const field = new DateField({ localize: true });
    const node = field.jsonSchema();
    expect(node["x-mizan-coerce"]).toBeUndefined();
    expect(node["x-mizan-server-rules"]).toBe(true);
    expect(field.tsTypes()).toEqual({ input: "string | Date", output: "string | Date" });
    expect(browser(field, "25/10/2006")).toEqual({ value: "25/10/2006" });
    expect(inLanguage("fr", () => server(field, "25/10/2006"))).toEqual({ value: "2006-10-25" });
  });

  test("given formats do not depend on the language: the browser shares them", () => {
    const field = new DateField({ inputFormats: ["%d/%m/%Y"], localize: true });
    expect(field.jsonSchema()["x-mizan-coerce"]).toEqual({
      kind: "date",
      params: { input_formats: ["%d/%m/%Y"] },
    });
    expect(field.hasServerRules()).toBe(false);
    for (const input of ["25/10/2006", "10/25/2006", "", " 1/2/2003 "]) {
      expect(inLanguage("de", () => server(field, input))).toEqual(browser(field, input));
    }
  });
});

describe("Simple*FormatTests (English, the default formats)", () => {
  test("SimpleTimeFormatTests, localized", () => {
    const f = new TimeField({ localize: true });
    expect(clean(f, "1:30:05 PM")).toEqual(INVALID);
    expect(clean(f, "13:30:05")).toEqual(ok("13:30:05"));
    expect(clean(f, "13:30")).toEqual(ok("13:30:00"));
  });

  test("SimpleTimeFormatTests, localized with input formats", () => {
    const f = new TimeField({ inputFormats: ["%I:%M:%S %p", "%I:%M %p"], localize: true });
    expect(clean(f, "13:30:05")).toEqual(INVALID);
    expect(clean(f, "1:30:05 PM")).toEqual(ok("13:30:05"));
    expect(clean(f, "1:30 PM")).toEqual(ok("13:30:00"));
  });

  test("SimpleDateFormatTests, localized", () => {
    const f = new DateField({ localize: true });
    expect(clean(f, "21.12.2010")).toEqual(INVALID);
    expect(clean(f, "2010-12-21")).toEqual(ok("2010-12-21"));
    expect(clean(f, "12/21/2010")).toEqual(ok("2010-12-21"));
  });

  test("SimpleDateFormatTests, localized with input formats", () => {
    const f = new DateField({ inputFormats: ["%d.%m.%Y", "%d-%m-%Y"], localize: true });
    expect(clean(f, "2010-12-21")).toEqual(INVALID);
    expect(clean(f, "21.12.2010")).toEqual(ok("2010-12-21"));
    expect(clean(f, "21-12-2010")).toEqual(ok("2010-12-21"));
  });

  test("SimpleDateTimeFormatTests, localized", () => {
    const f = new DateTimeField({ localize: true });
    expect(clean(f, "13:30:05 21.12.2010")).toEqual(INVALID);
    expect(clean(f, "2010-12-21 13:30:05")).toEqual(ok("2010-12-21T13:30:05"));
    expect(clean(f, "12/21/2010 13:30:05")).toEqual(ok("2010-12-21T13:30:05"));
  });

  test("SimpleDateTimeFormatTests, localized with input formats", () => {
    const f = new DateTimeField({
      inputFormats: ["%I:%M:%S %p %d.%m.%Y", "%I:%M %p %d-%m-%Y"],
      localize: true,
    });
    expect(clean(f, "1:30:05 PM 21.12.2010")).toEqual(ok("2010-12-21T13:30:05"));
    expect(clean(f, "1:30 PM 21-12-2010")).toEqual(ok("2010-12-21T13:30:00"));
    expect(clean(f, "12/21/2010 13:30:05")).toEqual(INVALID);
  });
});
