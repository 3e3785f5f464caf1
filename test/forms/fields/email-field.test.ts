import { describe, expect, expectTypeOf, test } from "vitest";
import { EmailField } from "../../../src/forms/fields/email-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: EmailField<string | null>, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const INVALID = { errors: [{ code: "invalid", message: "Enter a valid email address." }] };
const REQUIRED = { errors: [{ code: "required", message: "This field is required." }] };

// Django 6's tests/forms_tests/field_tests/test_emailfield.py.
describe("EmailField", () => {
  test.each<[unknown, Outcome]>([
    ["", REQUIRED],
    [null, REQUIRED],
    ["person@example.com", { value: "person@example.com" }],
    ["foo", INVALID],
    [
      "local@domain.with.idn.xyzäöüßabc.part.com",
      { value: "local@domain.with.idn.xyz\xe4\xf6\xfc\xdfabc.part.com" },
    ],
    // test_email_regexp_for_performance: Django 5.2+ rejects digits in the TLD.
    ["viewx3dtextx26qx3d@yahoo.comx26latlngx3d15854521645943074058", INVALID],
  ])("test_emailfield_1: %j", (input, expected) => {
    expect(check(new EmailField(), input)).toEqual(expected);
  });

  test("test_emailfield_1: max_length defaults to 320, EmailInput", () => {
    const f = new EmailField();
    expect(f.maxLength).toBe(320);
    expect(f.describe().widget).toMatchObject({ type: "EmailInput", input_type: "email" });
    expect(f.describe()).toMatchObject({ type: "EmailField", max_length: 320, strip: true });
  });

  test.each<[unknown, Outcome]>([
    ["", { value: "" }],
    [null, { value: "" }],
    ["person@example.com", { value: "person@example.com" }],
    ["      example@example.com  \t   \t ", { value: "example@example.com" }],
    ["foo", INVALID],
  ])("test_emailfield_not_required: %j", (input, expected) => {
    expect(check(new EmailField({ required: false }), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    [
      "a@foo.com",
      {
        errors: [
          {
            code: "min_length",
            message: "Ensure this value has at least 10 characters (it has 9).",
          },
        ],
      },
    ],
    ["alf@foo.com", { value: "alf@foo.com" }],
    [
      "alf123456788@foo.com",
      {
        errors: [
          {
            code: "max_length",
            message: "Ensure this value has at most 15 characters (it has 20).",
          },
        ],
      },
    ],
  ])("test_emailfield_min_max_length: %j", (input, expected) => {
    expect(check(new EmailField({ minLength: 10, maxLength: 15 }), input)).toEqual(expected);
  });

  test("test_emailfield_strip_on_none_value", () => {
    const f = new EmailField({ required: false, emptyValue: null });
    expect(check(f, "")).toEqual({ value: null });
    expect(check(f, null)).toEqual({ value: null });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string | null>();
  });

  test("test_emailfield_unable_to_set_strip_kwarg", () => {
    // @ts-expect-error: EmailField always strips.
    const f = new EmailField({ strip: false });
    expect(f.strip).toBe(true);
  });

  test("validators run in Django's order: validate_email, then the length checks", () => {
    expect(check(new EmailField({ maxLength: 3 }), "abcd")).toEqual({
      errors: [
        { code: "invalid", message: "Enter a valid email address." },
        { code: "max_length", message: "Ensure this value has at most 3 characters (it has 4)." },
      ],
    });
  });

  test("errorMessages override the validator's message, on both sides", () => {
    const f = new EmailField({ errorMessages: { invalid: "Check your address." } });
    expect(check(f, "nope")).toEqual({
      errors: [{ code: "invalid", message: "Check your address." }],
    });
  });

  test("jsonSchema", () => {
    const f = new EmailField();
    f.name = "email";
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      maxLength: 320,
      title: "Email",
      "x-mizan-field": "EmailField",
      "x-mizan-widget": "EmailInput",
      "x-mizan-required": true,
      "x-mizan-empty": "",
      "x-mizan-coerce": { kind: "str", params: { strip: true, empty: "" } },
      "x-mizan-rules": [
        {
          rule: "email",
          code: "invalid",
          message: "Enter a valid email address.",
          params: { allowlist: ["localhost"] },
        },
        { rule: "max_length", code: "max_length" },
        { rule: "null_characters", code: "null_characters_not_allowed" },
      ],
    });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string>();
  });
});
