import { describe, expect, expectTypeOf, test } from "vitest";
import { cleanField, type FieldSpec } from "../../../src/codegen/runtime/field.js";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { BooleanField } from "../../../src/forms/fields/boolean-field.js";
import { NullBooleanField } from "../../../src/forms/fields/null-boolean-field.js";
import { COERCERS, RULES } from "../../../src/forms/rules/index.js";
import type { RuleSpec } from "../../../src/forms/rules/types.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { HiddenInput, RadioSelect } from "../../../src/forms/widgets/widget.js";

type Outcome = { value: unknown } | { errors: Array<[string, string]> };

function server(field: Field, input: unknown): Outcome {
  try {
    return { value: field.clean(input) };
  } catch (e) {
    if (e instanceof ValidationError) return { errors: e.errors.map((x) => [x.code, x.message]) };
    throw e;
  }
}

/** The same input through the field's JSON Schema, as a generated client runs it. */
function browser(field: Field, input: unknown): Outcome {
  const node = field.jsonSchema();
  const calls = (specs: unknown) =>
    ((specs ?? []) as RuleSpec[]).map(
      (r) =>
        [
          RULES[r.rule] as NonNullable<(typeof RULES)[string]>,
          r.code,
          r.message,
          r.params,
        ] as const,
    );
  const coerce = node["x-mizan-coerce"] as { kind: string; params: never };
  const spec: FieldSpec = {
    coerce: [COERCERS[coerce.kind] as NonNullable<(typeof COERCERS)[string]>, coerce.params],
    required: node["x-mizan-required"] as boolean,
    falsy: node["x-mizan-required-kind"] === "falsy",
    messages: node.errorMessage as Record<string, string>,
    validate: calls(node["x-mizan-validate"]),
    rules: calls(node["x-mizan-rules"]),
  };
  const ctx: Parameters<typeof cleanField>[2] = { issues: [] };
  const result = cleanField(spec, input, ctx);
  if (result) return { value: result.value };
  return { errors: ctx.issues.map((i) => [String(i.params?.code), i.message]) };
}

// Django's tests/forms_tests/field_tests/test_nullbooleanfield.py, case by case.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ...(
    [
      ["", null],
      [true, true],
      [false, false],
      [null, null],
      ["0", false],
      ["1", true],
      ["2", null],
      ["3", null],
      ["hello", null],
      ["true", true],
      ["false", false],
    ] as Array<[unknown, boolean | null]>
  ).map(([input, value]): [string, () => Field, unknown, Outcome] => [
    "test_nullbooleanfield_clean",
    () => new NullBooleanField(),
    input,
    { value },
  ]),
  // test_nullbooleanfield_3 (HiddenInput) and _4 (RadioSelect with MySQL's 1/0/"").
  [
    "test_nullbooleanfield_3",
    () => new NullBooleanField({ widget: new HiddenInput(), initial: true }),
    "True",
    { value: true },
  ],
  [
    "test_nullbooleanfield_3",
    () => new NullBooleanField({ widget: new HiddenInput(), initial: false }),
    "False",
    { value: false },
  ],
  [
    "test_nullbooleanfield_4",
    () => new NullBooleanField({ widget: new RadioSelect() }),
    "1",
    { value: true },
  ],
  [
    "test_nullbooleanfield_4",
    () => new NullBooleanField({ widget: new RadioSelect() }),
    "0",
    { value: false },
  ],
  [
    "test_nullbooleanfield_4",
    () => new NullBooleanField({ widget: new RadioSelect() }),
    "",
    { value: null },
  ],
  // Python's `in` compares with ==: 1 == True, 0 == False; "TRUE" is not in the tuple.
  ["==", () => new NullBooleanField(), 1, { value: true }],
  ["==", () => new NullBooleanField(), 0, { value: false }],
  ["==", () => new NullBooleanField(), "TRUE", { value: null }],
  ["==", () => new NullBooleanField(), "on", { value: null }],
  ["==", () => new NullBooleanField(), 2, { value: null }],
  ["never required", () => new NullBooleanField({ required: true }), undefined, { value: null }],
];

describe("NullBooleanField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("test_nullbooleanfield_changed", () => {
    const f = new NullBooleanField();
    expect(f.hasChanged(false, null)).toBe(true);
    expect(f.hasChanged(null, false)).toBe(true);
    expect(f.hasChanged(null, null)).toBe(false);
    expect(f.hasChanged(false, false)).toBe(false);
    expect(f.hasChanged(true, false)).toBe(true);
    expect(f.hasChanged(true, null)).toBe(true);
    expect(f.hasChanged(false, "False")).toBe(false);
    expect(f.hasChanged(true, "True")).toBe(false);
    expect(f.hasChanged(null, "")).toBe(false);
    expect(f.hasChanged(false, "True")).toBe(true);
    expect(f.hasChanged(true, "False")).toBe(true);
    expect(f.hasChanged(null, "False")).toBe(true);
  });

  test("is a BooleanField, as in Django", () => {
    expect(new NullBooleanField()).toBeInstanceOf(BooleanField);
  });
});

describe("NullBooleanField schema", () => {
  test("jsonSchema: no required check in the browser, since validate() never raises", () => {
    const f = new NullBooleanField();
    f.name = "attending";
    expect(f.jsonSchema()).toEqual({
      type: ["boolean", "string", "null"],
      title: "Attending",
      errorMessage: { required: "This field is required." },
      "x-mizan-field": "NullBooleanField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "NullBooleanSelect",
      "x-mizan-coerce": { kind: "null_bool", params: {} },
    });
  });

  test("describe keeps Django's required flag for renderers", () => {
    expect(new NullBooleanField().describe()).toMatchObject({
      type: "NullBooleanField",
      required: true,
      widget: { type: "NullBooleanSelect" },
    });
  });

  test("cleaned type", () => {
    expectTypeOf(new NullBooleanField().clean).returns.toEqualTypeOf<boolean | null>();
    expectTypeOf<FieldInput<NullBooleanField>>().toEqualTypeOf<boolean | string | null>();
  });
});
