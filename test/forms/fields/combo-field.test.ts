import fc from "fast-check";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { ComboField } from "../../../src/forms/fields/combo-field.js";
import { EmailField } from "../../../src/forms/fields/email-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { TypedChoiceField } from "../../../src/forms/fields/typed-choice-field.js";
import { Form, formMeta, formSchema } from "../../../src/index.js";
import { assertParity, generatedFields } from "../../codegen/parity/harness.js";
import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

/** The server's verdict, checked against the browser's (the field's schema, run by the runtime). */
function check(field: Field, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const emailCombo = (options = {}) =>
  new ComboField([new CharField({ maxLength: 20 }), new EmailField()], options);

const TOO_LONG = {
  errors: [
    { code: "max_length", message: "Ensure this value has at most 20 characters (it has 28)." },
  ],
};
const INVALID = { errors: [{ code: "invalid", message: "Enter a valid email address." }] };
const REQUIRED = { errors: [{ code: "required", message: "This field is required." }] };

// Django 6's tests/forms_tests/field_tests/test_combofield.py, on both sides.
describe("ComboField (Django's test_combofield.py)", () => {
  test.each<[unknown, Outcome]>([
    ["test@example.com", { value: "test@example.com" }],
    ["longemailaddress@example.com", TOO_LONG],
    ["not an email", INVALID],
    ["", REQUIRED],
    [null, REQUIRED],
  ])("test_combofield_1: %j", (input, expected) => {
    expect(check(emailCombo(), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    ["test@example.com", { value: "test@example.com" }],
    ["longemailaddress@example.com", TOO_LONG],
    ["not an email", INVALID],
    ["", { value: "" }],
    [null, { value: "" }],
  ])("test_combofield_2 (required=False): %j", (input, expected) => {
    expect(check(emailCombo({ required: false }), input)).toEqual(expected);
  });
});

describe("ComboField semantics", () => {
  test("every sub-field is made optional, as Django does", () => {
    const char = new CharField();
    new ComboField([char]);
    expect(char.required).toBe(false);
    expect(char.clean("")).toBe("");
  });

  test("each field cleans what the one before returned", () => {
    // CharField strips, so the IntegerField sees "42"; the ComboField returns its number.
    const f = new ComboField([new CharField({ maxLength: 4 }), new IntegerField({ minValue: 1 })]);
    expect(check(f, " 42 ")).toEqual({ value: 42 });
    expect(check(f, "0")).toEqual({
      errors: [{ code: "min_value", message: "Ensure this value is greater than or equal to 1." }],
    });
    // A required ComboField still lets a sub-field clean non-empty input to its empty value.
    expect(check(f, "   ")).toEqual({ value: null });
  });

  test("the first field that fails stops: later fields' errors are not reported", () => {
    // Too long and not an email: only the CharField's error, as in Django.
    expect(check(emailCombo(), "x".repeat(21))).toEqual({
      errors: [
        { code: "max_length", message: "Ensure this value has at most 20 characters (it has 21)." },
      ],
    });
  });

  test("one sub-field's errors are all reported together", () => {
    const f = new ComboField([new CharField({ maxLength: 2 }), new EmailField()]);
    expect(check(f, "a\x00b")).toEqual({
      errors: [
        { code: "max_length", message: "Ensure this value has at most 2 characters (it has 3)." },
        { code: "null_characters_not_allowed", message: "Null characters are not allowed." },
      ],
    });
  });

  test("the ComboField's own errorMessages and validators apply to the raw input", () => {
    const f = emailCombo({ errorMessages: { required: "Your email?" } });
    expect(check(f, "")).toEqual({ errors: [{ code: "required", message: "Your email?" }] });
  });

  test("cleaned type: the last field's; input type: the first field's", () => {
    const f = new ComboField([new CharField(), new IntegerField()]);
    expectTypeOf(f.clean).returns.toEqualTypeOf<number>();
    expectTypeOf<(typeof f)["__input"]>().toEqualTypeOf<string>();
  });
});

describe("ComboField schema", () => {
  test("shareable sub-fields: the browser runs their steps in order, typed by the last", () => {
    const f = emailCombo();
    f.name = "email";
    const node = f.jsonSchema();
    expect(node).toMatchObject({
      type: "string",
      "x-mizan-field": "ComboField",
      "x-mizan-required": true,
      "x-mizan-empty": "",
      "x-mizan-ts": { input: "string", output: "string" },
    });
    expect(node).not.toHaveProperty("x-mizan-server-rules");
    expect(node).not.toHaveProperty("x-mizan-coerce");
    const steps = node["x-mizan-steps"] as Array<Record<string, unknown>>;
    expect(steps.map((s) => [s["x-mizan-field"], s["x-mizan-required"]])).toEqual([
      ["CharField", false],
      ["EmailField", false],
    ]);
  });

  test("a sub-field with server-only rules ends the browser's steps and marks the field", () => {
    const sign = new TypedChoiceField({ choices: [["1", "+"]], coerce: Number });
    const f = new ComboField([new CharField(), sign, new CharField({ maxLength: 1 })]);
    const node = f.jsonSchema();
    expect(f.hasServerRules()).toBe(true);
    expect(node["x-mizan-server-rules"]).toBe(true);
    const steps = node["x-mizan-steps"] as Array<Record<string, unknown>>;
    expect(steps.map((s) => s["x-mizan-field"])).toEqual(["CharField", "TypedChoiceField"]);
    // What the browser's steps clean to: the typed field's chosen string.
    expect(node["x-mizan-ts"]).toEqual({ input: "string", output: '"1" | ""' });
  });

  test("a form marks the field as server-checked in its descriptor too", async () => {
    class SignForm extends Form<SignForm> {
      static override meta = formMeta({ name: "sign" });
      sign = new ComboField([new CharField(), new IntegerField({ validators: [() => {}] })]);
      email = emailCombo();
    }
    const schema = await formSchema(SignForm);
    expect(schema.fields.sign?.server_rules).toBe(true);
    expect(schema.fields.email?.server_rules).toBe(false);
  });
});

describe("ComboField through the generated client", () => {
  test("the generated schema agrees with clean() on many inputs", async () => {
    const fields = {
      email: emailCombo(),
      email_optional: emailCombo({ required: false }),
      number: new ComboField([new CharField({ maxLength: 4 }), new IntegerField({ maxValue: 99 })]),
    };
    const schemas = await generatedFields("combo", fields);
    const inputs = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.emailAddress(),
      fc.integer({ min: -5, max: 200 }).map(String),
      fc.constantFrom(null, "", "  ", " 7 ", "a\x00b"),
    );
    for (const [name, field] of Object.entries(fields)) {
      assertParity(field, schemas[name] as NonNullable<(typeof schemas)[string]>, inputs, 300);
    }
  }, 60_000); // generation (with a catalog per shipped language) and every language's pass
});
