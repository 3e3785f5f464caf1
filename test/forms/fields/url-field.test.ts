import { describe, expect, expectTypeOf, test } from "vitest";
import type { JsonSchema } from "../../../src/forms/field.js";
import { isEmptyValue } from "../../../src/forms/field.js";
import { URLField } from "../../../src/forms/fields/url-field.js";
import { formatMessage } from "../../../src/forms/messages.js";
import { COERCERS, RULES } from "../../../src/forms/rules/index.js";
import type { CoerceSpec, RuleSpec } from "../../../src/forms/rules/types.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

type Outcome = { value: unknown } | { errors: Array<{ code: string; message: string }> };

function serverClean(field: { clean(v: unknown): unknown }, input: unknown): Outcome {
  try {
    return { value: field.clean(input) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { errors: e.errors.map(({ code, message }) => ({ code, message })) };
  }
}

/** The pipeline a generated client runs from the schema (docs/schema-vocabulary.md). */
function browserClean(node: JsonSchema, input: unknown): Outcome {
  const messages = node.errorMessage as Record<string, string>;
  const coerce = node["x-mizan-coerce"] as CoerceSpec;
  const result = COERCERS[coerce.kind]?.(input, coerce.params) ?? { ok: true, value: input };
  if (!result.ok) {
    const message = formatMessage(messages[result.code] ?? result.code, result.params ?? {});
    return { errors: [{ code: result.code, message }] };
  }
  if (node["x-mizan-required"] && isEmptyValue(result.value)) {
    return { errors: [{ code: "required", message: messages.required as string }] };
  }
  if (isEmptyValue(result.value)) return { value: result.value };
  const errors = ((node["x-mizan-rules"] ?? []) as RuleSpec[]).flatMap((spec) => {
    const failure = RULES[spec.rule]?.(result.value, spec.params);
    return failure ? [{ code: spec.code, message: formatMessage(spec.message, failure) }] : [];
  });
  return errors.length ? { errors } : { value: result.value };
}

function check(field: URLField<string | null>, input: unknown): Outcome {
  const outcome = serverClean(field, input);
  expect(browserClean(field.jsonSchema(), input)).toEqual(outcome);
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
