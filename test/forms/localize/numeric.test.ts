import { describe, expect, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { DecimalField } from "../../../src/forms/fields/decimal-field.js";
import { FloatField } from "../../../src/forms/fields/float-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { TextInput } from "../../../src/forms/widgets/widget.js";
import { browser, server } from "../fields/support/outcome.js";
import { clean, INVALID, inLanguage, withSettings } from "./support.js";

describe("localized number input (Django's test_floatfield/test_decimalfield)", () => {
  // test_*_support_thousands_separator: the default separators ("." and ",").
  test.each<[string, () => Field, string, unknown]>([
    ["FloatField", () => new FloatField({ localize: true }), "1,001.1", { value: 1001.1 }],
    ["FloatField", () => new FloatField({ localize: true }), "1.001,1", INVALID],
    ["DecimalField", () => new DecimalField({ localize: true }), "1,001.1", { value: "1001.1" }],
    ["DecimalField", () => new DecimalField({ localize: true }), "1.001,1", INVALID],
  ])("%s, English, USE_THOUSAND_SEPARATOR: %j", (_, make, input, expected) => {
    withSettings({ useThousandSeparator: true });
    expect(clean(make(), input)).toEqual(expected);
  });

  // test_*_support_decimal_separator: "," decimals and "." thousands, as in German.
  test.each<[string, () => Field, string, unknown]>([
    ["FloatField", () => new FloatField({ localize: true }), "1001,10", { value: 1001.1 }],
    ["FloatField", () => new FloatField({ localize: true }), "1001.10", { value: 1001.1 }],
    ["DecimalField", () => new DecimalField({ localize: true }), "1001,10", { value: "1001.10" }],
    ["DecimalField", () => new DecimalField({ localize: true }), "1001.10", { value: "1001.10" }],
  ])("%s, German, USE_THOUSAND_SEPARATOR: %j", (_, make, input, expected) => {
    withSettings({ useThousandSeparator: true });
    expect(inLanguage("de", () => clean(make(), input))).toEqual(expected);
  });

  // test_*_localized: a TextInput without number attributes.
  test.each([
    new IntegerField({ localize: true, minValue: 1, maxValue: 9, stepSize: 2 }),
    new FloatField({ localize: true, minValue: 1 }),
    new DecimalField({ localize: true, decimalPlaces: 2 }),
  ])("%# renders as a text input", (field) => {
    expect(field.widget).toBeInstanceOf(TextInput);
    expect(field.describe().widget.attrs).toEqual({});
  });
});

describe("every shipped language", () => {
  const cases: Array<[string, () => Field, string, unknown]> = [
    // English: "." decimals; "," is no separator without USE_THOUSAND_SEPARATOR.
    ["en", () => new FloatField({ localize: true }), "1.5", { value: 1.5 }],
    ["en", () => new FloatField({ localize: true }), "1,5", INVALID],
    ["en", () => new IntegerField({ localize: true }), "1,234", INVALID],
    // French, German, Spanish, Arabic: "," decimals.
    ["fr", () => new FloatField({ localize: true }), "1,5", { value: 1.5 }],
    ["fr", () => new DecimalField({ localize: true }), " -0,50 ", { value: "-0.50" }],
    ["fr", () => new IntegerField({ localize: true }), "12,0", { value: 12 }],
    ["fr", () => new IntegerField({ localize: true }), "12,5", INVALID],
    ["fr", () => new IntegerField({ localize: true }), "1\u00a0234", INVALID],
    ["de", () => new FloatField({ localize: true }), "3,25", { value: 3.25 }],
    ["de", () => new DecimalField({ localize: true }), "1.5", { value: "1.5" }],
    ["de", () => new IntegerField({ localize: true }), "1.234", INVALID],
    ["es", () => new DecimalField({ localize: true }), "7,125", { value: "7.125" }],
    ["es", () => new FloatField({ localize: true }), "1,5e3", { value: 1500 }],
    ["ar", () => new FloatField({ localize: true }), "2,5", { value: 2.5 }],
    ["ar", () => new IntegerField({ localize: true }), "٤٢", { value: 42 }],
    ["ar", () => new DecimalField({ localize: true }), "٣,١٤", { value: "3.14" }],
  ];
  test.each(cases)("%s: %#", (language, make, input, expected) => {
    expect(inLanguage(language, () => clean(make(), input))).toEqual(expected);
  });

  const grouped: typeof cases = [
    ["en", () => new IntegerField({ localize: true }), "1,234", { value: 1234 }],
    ["en", () => new FloatField({ localize: true }), "1,234.5", { value: 1234.5 }],
    ["fr", () => new IntegerField({ localize: true }), "1\u00a0234", { value: 1234 }],
    ["fr", () => new IntegerField({ localize: true }), "1 234 567", { value: 1234567 }],
    ["fr", () => new DecimalField({ localize: true }), "1 234,50", { value: "1234.50" }],
    ["de", () => new IntegerField({ localize: true }), "1.234", { value: 1234 }],
    ["de", () => new IntegerField({ localize: true }), "1.234.567", { value: 1234567 }],
    ["de", () => new IntegerField({ localize: true }), "1.5", INVALID], // taken as a decimal point
    ["de", () => new DecimalField({ localize: true }), "1.234,5", { value: "1234.5" }],
    ["es", () => new FloatField({ localize: true }), "12.345,6", { value: 12345.6 }],
    ["ar", () => new IntegerField({ localize: true }), "1.000", { value: 1000 }],
  ];
  test.each(grouped)("%s with USE_THOUSAND_SEPARATOR: %#", (language, make, input, expected) => {
    withSettings({ useThousandSeparator: true });
    expect(inLanguage(language, () => clean(make(), input))).toEqual(expected);
  });

  test("the language is read per call, not when the field is made", () => {
    const field = new DecimalField({ localize: true });
    expect(inLanguage("fr", () => clean(field, "2,5"))).toEqual({ value: "2.5" });
    expect(clean(field, "2,5")).toEqual(INVALID);
    expect(clean(field, "2.5")).toEqual({ value: "2.5" });
  });

  test("the validators run on the parsed value", () => {
    const field = new DecimalField({ localize: true, maxDigits: 4, decimalPlaces: 2, minValue: 1 });
    expect(inLanguage("de", () => clean(field, "0,5"))).toEqual({ codes: ["min_value"] });
    expect(inLanguage("de", () => clean(field, "1,234"))).toEqual({
      codes: ["max_decimal_places"],
    });
    expect(inLanguage("de", () => clean(field, "12,34"))).toEqual({ value: "12.34" });
  });

  test("non-localized fields read Python syntax in every language", () => {
    expect(inLanguage("fr", () => clean(new FloatField(), "1,5"))).toEqual(INVALID);
    expect(inLanguage("de", () => clean(new DecimalField(), "1.5"))).toEqual({ value: "1.5" });
  });
});

describe("the browser", () => {
  test("a localized number field is checked by the server only", () => {
    const field = new FloatField({ localize: true, minValue: 0 });
    const node = field.jsonSchema();
    expect(node["x-mizan-coerce"]).toBeUndefined();
    expect(node["x-mizan-rules"]).toBeUndefined();
    expect(node["x-mizan-validate"]).toBeUndefined();
    expect(node["x-mizan-server-rules"]).toBe(true);
    expect(field.hasServerRules()).toBe(true);
    expect(field.tsTypes()).toEqual({ input: "number | string", output: "number | string" });
    // The browser keeps the text; the server parses it in the request's language.
    expect(browser(field, "1,5")).toEqual({ value: "1,5" });
    expect(browser(field, "")).toEqual({ errors: [["required", "This field is required."]] });
    expect(inLanguage("fr", () => server(field, "1,5"))).toEqual({ value: 1.5 });
  });

  test("non-localized number fields keep their shared rules", () => {
    const field = new DecimalField({ minValue: 0 });
    const node = field.jsonSchema();
    expect(node["x-mizan-coerce"]).toEqual({ kind: "decimal", params: {} });
    expect(node["x-mizan-server-rules"]).toBeUndefined();
    expect(field.tsTypes()?.output).toBe("string");
  });
});
