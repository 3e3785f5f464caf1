import { afterEach, describe, expect, test } from "vitest";
import { DateField } from "../../../src/forms/fields/date-field.js";
import { DateTimeField } from "../../../src/forms/fields/date-time-field.js";
import { DecimalField } from "../../../src/forms/fields/decimal-field.js";
import { FloatField } from "../../../src/forms/fields/float-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { TimeField } from "../../../src/forms/fields/time-field.js";
import { Form } from "../../../src/forms/form.js";
import { formJsonSchema } from "../../../src/forms/form-schema.js";
import { activateLocale } from "../../../src/forms/messages.js";
import { inLanguage, withSettings } from "./support.js";

// Django's tests/i18n/forms.py I18nForm.
class I18nForm extends Form {
  decimal_field = new DecimalField({ localize: true });
  float_field = new FloatField({ localize: true });
  date_field = new DateField({ localize: true });
  datetime_field = new DateTimeField({ localize: true });
  time_field = new TimeField({ localize: true });
  integer_field = new IntegerField({ localize: true });
}

afterEach(() => activateLocale("en"));

async function cleaned(language: string, data: Record<string, string>) {
  activateLocale(language);
  const form = new I18nForm({ data });
  const valid = await form.isValid();
  return valid ? form.cleanedData : form.errors;
}

const CLEANED = {
  decimal_field: "66666.666",
  float_field: 99999.999,
  date_field: "2009-12-31",
  datetime_field: "2009-12-31T20:50:00",
  time_field: "20:50:00",
  integer_field: 1234,
};

describe("Django's tests/i18n/tests.py FormattingTests.test_l10n_enabled", () => {
  // Django uses Catalan; Spanish has the same separators and date formats.
  test("Spanish, without USE_THOUSAND_SEPARATOR", async () => {
    const data = {
      decimal_field: "66666,666",
      float_field: "99999,999",
      date_field: "31/12/2009",
      datetime_field: "31/12/2009 20:50",
      time_field: "20:50",
      integer_field: "1234",
    };
    expect(await cleaned("es", data)).toEqual(CLEANED);
  });

  test("Spanish, with USE_THOUSAND_SEPARATOR", async () => {
    withSettings({ useThousandSeparator: true });
    const data = {
      decimal_field: "66.666,666",
      float_field: "99.999,999",
      date_field: "31/12/2009",
      datetime_field: "31/12/2009 20:50",
      time_field: "20:50",
      integer_field: "1.234",
    };
    expect(await cleaned("es", data)).toEqual(CLEANED);
  });

  test("English", async () => {
    const data = {
      decimal_field: "66666.666",
      float_field: "99999.999",
      date_field: "12/31/2009",
      datetime_field: "12/31/2009 20:50",
      time_field: "20:50",
      integer_field: "1234",
    };
    expect(await cleaned("en", data)).toEqual(CLEANED);
  });

  test("English input in Spanish is refused field by field", async () => {
    const data = {
      decimal_field: "66666.666,1",
      float_field: "99999,999",
      date_field: "12/31/2009",
      datetime_field: "12/31/2009 20:50",
      time_field: "20:50",
      integer_field: "1234",
    };
    const errors = (await cleaned("es", data)) as Record<string, unknown>;
    expect(Object.keys(errors).sort()).toEqual(["date_field", "datetime_field", "decimal_field"]);
  });

  test("the form's schema marks every localized field as server-checked", () => {
    const schema = formJsonSchema(I18nForm);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    for (const node of Object.values(properties)) {
      expect(node["x-mizan-server-rules"]).toBe(true);
      expect(node["x-mizan-coerce"]).toBeUndefined();
    }
  });
});

describe("hasChanged with localized input (test_decimalfield_changed, test_floatfield_changed)", () => {
  test("DecimalField in French", () => {
    const f = new DecimalField({ maxDigits: 2, decimalPlaces: 2, localize: true });
    inLanguage("fr", () => {
      expect(f.hasChanged("0,1", "0,10")).toBe(false);
      expect(f.hasChanged("0,1", "0,101")).toBe(true);
    });
  });

  test("FloatField in French", () => {
    const f = new FloatField({ localize: true });
    inLanguage("fr", () => {
      expect(f.hasChanged("4,35", "4,35")).toBe(false);
      expect(f.hasChanged(4.35, "4,3500")).toBe(false);
      expect(f.hasChanged(4.35, "4,36")).toBe(true);
    });
  });
});
