import { describe, expect, expectTypeOf, test } from "vitest";
import { URLField } from "../../../src/forms/fields/url-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: URLField<string | null>, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const INVALID = { errors: [{ code: "invalid", message: "Enter a valid URL." }] };

// Django 6's tests/forms_tests/field_tests/test_urlfield.py.
describe("URLField", () => {
  test("test_urlfield_widget", () => {
    expect(new URLField().describe().widget).toMatchObject({ type: "URLInput", input_type: "url" });
  });

  test.each<[string, Outcome]>([
    ["http://example.com", { value: "http://example.com" }],
    [
      "http://f.com",
      {
        errors: [
          {
            code: "min_length",
            message: "Ensure this value has at least 15 characters (it has 12).",
          },
        ],
      },
    ],
    [
      "http://abcdefghijklmnopqrstuvwxyz.com",
      {
        errors: [
          {
            code: "max_length",
            message: "Ensure this value has at most 20 characters (it has 37).",
          },
        ],
      },
    ],
  ])("test_urlfield_widget_max_min_length: %j", (input, expected) => {
    expect(check(new URLField({ minLength: 15, maxLength: 20 }), input)).toEqual(expected);
  });

  test.each([
    ["http://localhost", "http://localhost"],
    ["http://example.com", "http://example.com"],
    ["http://example.com/test", "http://example.com/test"],
    ["http://example.com.", "http://example.com."],
    ["http://www.example.com", "http://www.example.com"],
    ["http://www.example.com:8000/test", "http://www.example.com:8000/test"],
    ["http://example.com?some_param=some_value", "http://example.com?some_param=some_value"],
    ["valid-with-hyphens.com", "https://valid-with-hyphens.com"],
    ["subdomain.domain.com", "https://subdomain.domain.com"],
    ["http://200.8.9.10", "http://200.8.9.10"],
    ["http://200.8.9.10:8000/test", "http://200.8.9.10:8000/test"],
    ["http://valid-----hyphens.com", "http://valid-----hyphens.com"],
    [
      "http://some.idn.xyzäöüßabc.domain.com:123/blah",
      "http://some.idn.xyz\xe4\xf6\xfc\xdfabc.domain.com:123/blah",
    ],
    [
      "www.example.com/s/http://code.djangoproject.com/ticket/13804",
      "https://www.example.com/s/http://code.djangoproject.com/ticket/13804",
    ],
    ["http://example.com/     ", "http://example.com/"],
    ["http://עברית.idn.icann.org/", "http://עברית.idn.icann.org/"],
    ["http://sãopaulo.com/", "http://sãopaulo.com/"],
    ["http://sãopaulo.com.br/", "http://sãopaulo.com.br/"],
    ["http://пример.испытание/", "http://пример.испытание/"],
    ["http://مثال.إختبار/", "http://مثال.إختبار/"],
    ["http://例子.测试/", "http://例子.测试/"],
    ["http://例子.測試/", "http://例子.測試/"],
    ["http://उदाहरण.परीक्षा/", "http://उदाहरण.परीक्षा/"],
    ["http://例え.テスト/", "http://例え.テスト/"],
    ["http://مثال.آزمایشی/", "http://مثال.آزمایشی/"],
    ["http://실례.테스트/", "http://실례.테스트/"],
    ["http://العربية.idn.icann.org/", "http://العربية.idn.icann.org/"],
    ["http://[12:34::3a53]/", "http://[12:34::3a53]/"],
    ["http://[a34:9238::]:8080/", "http://[a34:9238::]:8080/"],
  ])("test_urlfield_clean: %j cleans to %j", (input, expected) => {
    expect(check(new URLField({ required: false, assumeScheme: "https" }), input)).toEqual({
      value: expected,
    });
  });

  test.each<unknown>([
    "foo",
    "com.",
    ".",
    "http://",
    "http://example",
    "http://example.",
    "http://.com",
    "http://invalid-.com",
    "http://-invalid.com",
    "http://inv-.alid-.com",
    "http://inv-.-alid.com",
    "[a",
    "http://[a",
    23,
    `http://${"X".repeat(60)}`,
    `http://${"X".repeat(200)}`,
    "////]@N.AN",
    "#@A.bO",
  ])("test_urlfield_clean_invalid: %j", (input) => {
    expect(check(new URLField(), input)).toEqual(INVALID);
  });

  test("test_urlfield_clean_required", () => {
    const required = { errors: [{ code: "required", message: "This field is required." }] };
    expect(check(new URLField(), null)).toEqual(required);
    expect(check(new URLField(), "")).toEqual(required);
  });

  test("test_urlfield_clean_not_required", () => {
    expect(check(new URLField({ required: false }), null)).toEqual({ value: "" });
    expect(check(new URLField({ required: false }), "")).toEqual({ value: "" });
  });

  test("test_urlfield_strip_on_none_value", () => {
    const f = new URLField({ required: false, emptyValue: null });
    expect(check(f, "")).toEqual({ value: null });
    expect(check(f, null)).toEqual({ value: null });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string | null>();
  });

  test("test_urlfield_unable_to_set_strip_kwarg", () => {
    // @ts-expect-error: URLField always strips.
    expect(new URLField({ strip: false }).strip).toBe(true);
  });

  test("test_urlfield_assume_scheme (Django 6: https by default)", () => {
    expect(check(new URLField(), "example.com")).toEqual({ value: "https://example.com" });
    expect(check(new URLField({ assumeScheme: "http" }), "example.com")).toEqual({
      value: "http://example.com",
    });
    expect(check(new URLField({ assumeScheme: "https" }), "example.com")).toEqual({
      value: "https://example.com",
    });
  });

  test("errorMessages.invalid replaces the validator's message too", () => {
    const f = new URLField({ errorMessages: { invalid: "Not a link." } });
    expect(check(f, "foo")).toEqual({ errors: [{ code: "invalid", message: "Not a link." }] });
  });

  test("jsonSchema and describe", () => {
    const f = new URLField({ maxLength: 200 });
    f.name = "homepage";
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      maxLength: 200,
      title: "Homepage",
      errorMessage: { required: "This field is required.", invalid: "Enter a valid URL." },
      "x-mizan-field": "URLField",
      "x-mizan-widget": "URLInput",
      "x-mizan-coerce": { kind: "url", params: { empty: "", assume_scheme: "https" } },
      "x-mizan-rules": [
        {
          rule: "url",
          code: "invalid",
          message: "Enter a valid URL.",
          params: { schemes: ["http", "https", "ftp", "ftps"] },
        },
        { rule: "max_length" },
        { rule: "null_characters" },
      ],
    });
    expect(f.describe()).toMatchObject({
      name: "homepage",
      type: "URLField",
      max_length: 200,
      assume_scheme: "https",
    });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string>();
  });
});
