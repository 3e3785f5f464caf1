import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { ChoiceField } from "../../../src/forms/fields/choice-field.js";
import { TypedChoiceField } from "../../../src/forms/fields/typed-choice-field.js";
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

/** What the browser decides from the schema: coerce to str, required, then membership. */
function browserVerdict(field: Field, input: unknown): string | null {
  const node = field.jsonSchema();
  const coerce = node["x-mizan-coerce"] as { kind: string; params: never };
  const result = COERCERS[coerce.kind]?.(input, coerce.params);
  if (!result?.ok) return result?.code ?? "?";
  if (node["x-mizan-required"] && (result.value === "" || result.value === null)) return "required";
  for (const spec of node["x-mizan-validate"] as RuleSpec[]) {
    if (RULES[spec.rule]?.(result.value, spec.params)) return spec.code;
  }
  return null;
}

// Python's int(), float() and bool() as coerce functions: a failure throws, like ValueError.
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
const bool = (value: string): boolean => pyTruthy(value);
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

// Django's tests/forms_tests/field_tests/test_typedchoicefield.py, case by case.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  [
    "test_typedchoicefield_1",
    () => new TypedChoiceField({ choices: PLUS_MINUS, coerce: int }),
    "1",
    { value: 1 },
  ],
  [
    "test_typedchoicefield_1",
    () => new TypedChoiceField({ choices: PLUS_MINUS, coerce: int }),
    "2",
    notAChoice("2"),
  ],
  [
    "test_typedchoicefield_2",
    () => new TypedChoiceField({ choices: PLUS_MINUS, coerce: float }),
    "1",
    { value: 1 },
  ],
  [
    "test_typedchoicefield_3",
    () => new TypedChoiceField({ choices: PLUS_MINUS, coerce: bool }),
    "-1",
    { value: true },
  ],
  [
    "test_typedchoicefield_4",
    () =>
      new TypedChoiceField({
        choices: [
          ["A", "A"],
          ["B", "B"],
        ],
        coerce: int,
      }),
    "B",
    notAChoice("B"),
  ],
  [
    "test_typedchoicefield_4",
    () =>
      new TypedChoiceField({
        choices: [
          ["A", "A"],
          ["B", "B"],
        ],
        coerce: int,
      }),
    "",
    REQUIRED,
  ],
  [
    "test_typedchoicefield_5",
    () => new TypedChoiceField({ choices: PLUS_MINUS, coerce: int, required: false }),
    "",
    { value: "" },
  ],
  [
    "test_typedchoicefield_6",
    () =>
      new TypedChoiceField({ choices: PLUS_MINUS, coerce: int, required: false, emptyValue: null }),
    "",
    { value: null },
  ],
  [
    "test_typedchoicefield_special_coerce",
    () =>
      new TypedChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v) => `1.${v}`,
        required: true,
      }),
    "2",
    { value: "1.2" },
  ],
  [
    "test_typedchoicefield_special_coerce",
    () =>
      new TypedChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v) => `1.${v}`,
      }),
    "",
    REQUIRED,
  ],
  [
    "test_typedchoicefield_special_coerce",
    () =>
      new TypedChoiceField({
        choices: [
          [1, "1"],
          [2, "2"],
        ],
        coerce: (v) => `1.${v}`,
      }),
    "3",
    notAChoice("3"),
  ],
  [
    "default coerce is identity",
    () => new TypedChoiceField({ choices: PLUS_MINUS }),
    -1,
    { value: "-1" },
  ],
];

describe("TypedChoiceField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser's membership verdict (%s: %j)", (name, make, input, expected) => {
    const code = "errors" in expected ? (expected.errors[0]?.[0] ?? null) : null;
    // test_typedchoicefield_4's "B" is a valid choice that only the server's coerce refuses.
    const serverOnly = name === "test_typedchoicefield_4" && input === "B";
    expect(browserVerdict(make(), input)).toBe(serverOnly ? null : code);
  });

  test("an error other than a conversion error is not swallowed", () => {
    const f = new TypedChoiceField({
      choices: [["a", "A"]],
      coerce: () => {
        throw new Error("bug");
      },
    });
    expect(() => f.clean("a")).toThrow("bug");
    const v = new TypedChoiceField({
      choices: [["a", "A"]],
      coerce: () => {
        throw new ValidationError("nope");
      },
    });
    expect(server(v, "a")).toEqual(notAChoice("a"));
  });

  test("test_typedchoicefield_has_changed", () => {
    const f = new TypedChoiceField({ choices: PLUS_MINUS, coerce: int, required: true });
    expect(f.hasChanged(null, "")).toBe(false);
    expect(f.hasChanged(1, "1")).toBe(false);
    expect(f.hasChanged("1", "1")).toBe(false);
    const g = new TypedChoiceField({
      choices: [
        ["", "---------"],
        ["a", "a"],
        ["b", "b"],
      ],
      coerce: String,
      required: false,
      initial: null,
      emptyValue: null,
    });
    expect(g.hasChanged(null, "")).toBe(false);
    expect(g.hasChanged("", "a")).toBe(true);
    expect(g.hasChanged("a", "a")).toBe(false);
  });

  test("is a ChoiceField", () => {
    expect(new TypedChoiceField()).toBeInstanceOf(ChoiceField);
  });
});

describe("TypedChoiceField schema", () => {
  test("membership is shared; coerce is server-only", () => {
    const f = new TypedChoiceField({
      choices: PLUS_MINUS,
      coerce: int,
      required: false,
      emptyValue: null,
    });
    f.name = "sign";
    expect(f.jsonSchema()).toEqual({
      type: ["string", "null"],
      enum: ["1", "-1", "", null],
      title: "Sign",
      errorMessage: {
        required: "This field is required.",
        invalid_choice: "Select a valid choice. %(value)s is not one of the available choices.",
      },
      "x-mizan-message-keys": {
        invalid_choice: "ChoiceField.invalid_choice",
        required: "Field.required",
      },
      "x-mizan-field": "TypedChoiceField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "Select",
      "x-mizan-ts": { input: "string", output: '"1" | "-1" | null' },
      "x-mizan-coerce": { kind: "str", params: { strip: false, empty: "" } },
      "x-mizan-validate": [
        {
          rule: "choice",
          code: "invalid_choice",
          message: "Select a valid choice. %(value)s is not one of the available choices.",
          key: "ChoiceField.invalid_choice",
          params: { values: ["1", "-1"] },
        },
      ],
      "x-mizan-server-rules": true,
    });
    expect(new TypedChoiceField({ choices: PLUS_MINUS }).jsonSchema()).not.toHaveProperty(
      "x-mizan-server-rules",
    );
  });

  test("describe", () => {
    expect(new TypedChoiceField({ choices: PLUS_MINUS, coerce: int }).describe()).toMatchObject({
      type: "TypedChoiceField",
      choices: [
        [1, "+1"],
        [-1, "-1"],
      ],
    });
  });

  test("cleaned types: the coerce result, and emptyValue when optional", () => {
    expectTypeOf(
      new TypedChoiceField({ choices: PLUS_MINUS, coerce: int }).clean,
    ).returns.toEqualTypeOf<number>();
    expectTypeOf(
      new TypedChoiceField({ choices: PLUS_MINUS, coerce: int, required: false, emptyValue: null })
        .clean,
    ).returns.toEqualTypeOf<number | null>();
    expectTypeOf(
      new TypedChoiceField({ choices: PLUS_MINUS, coerce: int, required: false }).clean,
    ).returns.toEqualTypeOf<number | "">();
    expectTypeOf(new TypedChoiceField({ choices: PLUS_MINUS }).clean).returns.toEqualTypeOf<
      "1" | "-1"
    >();
  });
});
