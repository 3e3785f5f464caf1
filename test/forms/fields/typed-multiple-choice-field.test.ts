import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { MultipleChoiceField } from "../../../src/forms/fields/multiple-choice-field.js";
import { TypedMultipleChoiceField } from "../../../src/forms/fields/typed-multiple-choice-field.js";
import { COERCERS, RULES } from "../../../src/forms/rules/index.js";
import { pyFloat, pyInt } from "../../../src/forms/rules/numeric.js";
import { pyTruthy } from "../../../src/forms/rules/py.js";
import type { RuleSpec } from "../../../src/forms/rules/types.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

type Outcome = { value: unknown } | { errors: Array<[string, string]> };

function server(field: Field, input: unknown): Outcome {
  try {
    return { value: field.clean(input) };
  } catch (e) {
    if (e instanceof ValidationError) return { errors: e.errors.map((x) => [x.code, x.message]) };
    throw e;
  }
}

/** What the browser decides from the schema: coerce to a str list, required, then membership. */
function browserVerdict(field: Field, input: unknown): string | null {
  const node = field.jsonSchema();
  const coerce = node["x-mizan-coerce"] as { kind: string; params: never };
  const result = COERCERS[coerce.kind]?.(input, coerce.params);
  if (!result?.ok) return result?.code ?? "?";
  if (node["x-mizan-required"] && (result.value as unknown[]).length === 0) return "required";
  for (const spec of node["x-mizan-validate"] as RuleSpec[]) {
    if (RULES[spec.rule]?.(result.value, spec.params)) return spec.code;
  }
  return null;
}

const int = (value: string): number => {
  const n = pyInt(value);
  if (n === null) throw new RangeError(`invalid literal for int(): ${value}`);
  return n;
};
const float = (value: string): number => {
  const n = pyFloat(value);
  if (n === null) throw new RangeError(`could not convert string to float: ${value}`);
  return n;
};
const PLUS_MINUS = [
  [1, "+1"],
  [-1, "-1"],
] as const;
const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const notAChoice = (value: string): Outcome => ({
  errors: [
    ["invalid_choice", `Select a valid choice. ${value} is not one of the available choices.`],
  ],
});

// Django's tests/forms_tests/field_tests/test_typedmultiplechoicefield.py, case by case.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  [
    "test_typedmultiplechoicefield_1",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }),
    ["1"],
    { value: [1] },
  ],
  [
    "test_typedmultiplechoicefield_1",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }),
    ["2"],
    notAChoice("2"),
  ],
  [
    "test_typedmultiplechoicefield_2",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: float }),
    ["1"],
    { value: [1] },
  ],
  [
    "test_typedmultiplechoicefield_3",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: (v: string) => pyTruthy(v) }),
    ["-1"],
    { value: [true] },
  ],
  [
    "test_typedmultiplechoicefield_4",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }),
    ["1", "-1"],
    { value: [1, -1] },
  ],
  [
    "test_typedmultiplechoicefield_4",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }),
    ["1", "2"],
    notAChoice("2"),
  ],
  [
    "test_typedmultiplechoicefield_5",
    () =>
      new TypedMultipleChoiceField({
        choices: [
          ["A", "A"],
          ["B", "B"],
        ],
        coerce: int,
      }),
    ["B"],
    notAChoice("B"),
  ],
  [
    "test_typedmultiplechoicefield_5",
    () =>
      new TypedMultipleChoiceField({
        choices: [
          ["A", "A"],
          ["B", "B"],
        ],
        coerce: int,
      }),
    [],
    REQUIRED,
  ],
  [
    "test_typedmultiplechoicefield_6",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int, required: false }),
    [],
    { value: [] },
  ],
  [
    "test_typedmultiplechoicefield_7",
    () =>
      new TypedMultipleChoiceField({
        choices: PLUS_MINUS,
        coerce: int,
        required: false,
        emptyValue: null,
      }),
    [],
    { value: null },
  ],
  [
    "test_typedmultiplechoicefield_special_coerce",
    () =>
      new TypedMultipleChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v: string) => `1.${v}`,
        required: true,
      }),
    ["2"],
    { value: ["1.2"] },
  ],
  [
    "test_typedmultiplechoicefield_special_coerce",
    () =>
      new TypedMultipleChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v: string) => `1.${v}`,
      }),
    [],
    REQUIRED,
  ],
  [
    "test_typedmultiplechoicefield_special_coerce",
    () =>
      new TypedMultipleChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v: string) => `1.${v}`,
      }),
    ["3"],
    notAChoice("3"),
  ],
  [
    "invalid_list",
    () => new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }),
    "1",
    { errors: [["invalid_list", "Enter a list of values."]] },
  ],
];

describe("TypedMultipleChoiceField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser's membership verdict (%s: %j)", (name, make, input, expected) => {
    const code = "errors" in expected ? (expected.errors[0]?.[0] ?? null) : null;
    // "B" is a valid choice that only the server's coerce refuses.
    const serverOnly = name === "test_typedmultiplechoicefield_5" && code === "invalid_choice";
    expect(browserVerdict(make(), input)).toBe(serverOnly ? null : code);
  });

  test("test_typedmultiplechoicefield_has_changed", () => {
    const f = new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int, required: true });
    expect(f.hasChanged(null, "")).toBe(false);
    expect(f.hasChanged([1], ["1"])).toBe(false);
    expect(f.hasChanged([1], ["-1"])).toBe(true);
  });

  test("is a MultipleChoiceField", () => {
    expect(new TypedMultipleChoiceField()).toBeInstanceOf(MultipleChoiceField);
  });
});

describe("TypedMultipleChoiceField schema", () => {
  test("membership is shared; coerce is server-only", () => {
    const node = new TypedMultipleChoiceField({
      choices: PLUS_MINUS,
      coerce: int,
      required: false,
      emptyValue: null,
    }).jsonSchema();
    expect(node).toMatchObject({
      type: "array",
      items: { type: "string", enum: ["1", "-1"] },
      "x-mizan-field": "TypedMultipleChoiceField",
      "x-mizan-widget": "SelectMultiple",
      "x-mizan-empty": null,
      "x-mizan-coerce": { kind: "str_list", params: {} },
      "x-mizan-validate": [
        { rule: "choice_list", code: "invalid_choice", params: { values: ["1", "-1"] } },
      ],
      "x-mizan-server-rules": true,
    });
    expect(
      new TypedMultipleChoiceField({ choices: PLUS_MINUS }).jsonSchema()["x-mizan-empty"],
    ).toEqual([]);
  });

  test("cleaned types", () => {
    expectTypeOf(
      new TypedMultipleChoiceField({ choices: PLUS_MINUS, coerce: int }).clean,
    ).returns.toEqualTypeOf<number[]>();
    expectTypeOf(
      new TypedMultipleChoiceField({
        choices: PLUS_MINUS,
        coerce: int,
        required: false,
        emptyValue: null,
      }).clean,
    ).returns.toEqualTypeOf<number[] | null>();
    expectTypeOf(new TypedMultipleChoiceField({ choices: PLUS_MINUS }).clean).returns.toEqualTypeOf<
      Array<"1" | "-1">
    >();
  });
});
