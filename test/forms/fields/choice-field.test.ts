import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import {
  ChoiceField,
  flattenChoices,
  normalizeChoices,
} from "../../../src/forms/fields/choice-field.js";
import type { ValidationError } from "../../../src/forms/validation-error.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const notAChoice = (value: string): Outcome => ({
  errors: [
    ["invalid_choice", `Select a valid choice. ${value} is not one of the available choices.`],
  ],
});
const ONE_TWO = [
  ["1", "One"],
  ["2", "Two"],
] as const;
const GROUPED = [
  [
    "Numbers",
    [
      ["1", "One"],
      ["2", "Two"],
    ],
  ],
  [
    "Letters",
    [
      ["3", "A"],
      ["4", "B"],
    ],
  ],
  ["5", "Other"],
] as const;

// Django's tests/forms_tests/field_tests/test_choicefield.py, case by case.
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_choicefield_1", () => new ChoiceField({ choices: ONE_TWO }), "", REQUIRED],
  ["test_choicefield_1", () => new ChoiceField({ choices: ONE_TWO }), null, REQUIRED],
  ["test_choicefield_1", () => new ChoiceField({ choices: ONE_TWO }), 1, { value: "1" }],
  ["test_choicefield_1", () => new ChoiceField({ choices: ONE_TWO }), "1", { value: "1" }],
  ["test_choicefield_1", () => new ChoiceField({ choices: ONE_TWO }), "3", notAChoice("3")],
  [
    "test_choicefield_2",
    () => new ChoiceField({ choices: ONE_TWO, required: false }),
    "",
    { value: "" },
  ],
  [
    "test_choicefield_2",
    () => new ChoiceField({ choices: ONE_TWO, required: false }),
    null,
    { value: "" },
  ],
  [
    "test_choicefield_2",
    () => new ChoiceField({ choices: ONE_TWO, required: false }),
    1,
    { value: "1" },
  ],
  [
    "test_choicefield_2",
    () => new ChoiceField({ choices: ONE_TWO, required: false }),
    "1",
    { value: "1" },
  ],
  [
    "test_choicefield_2",
    () => new ChoiceField({ choices: ONE_TWO, required: false }),
    "3",
    notAChoice("3"),
  ],
  [
    "test_choicefield_3",
    () =>
      new ChoiceField({
        choices: [
          ["J", "John"],
          ["P", "Paul"],
        ],
      }),
    "J",
    { value: "J" },
  ],
  [
    "test_choicefield_3",
    () =>
      new ChoiceField({
        choices: [
          ["J", "John"],
          ["P", "Paul"],
        ],
      }),
    "John",
    notAChoice("John"),
  ],
  ...([1, "1", 3, "3", 5, "5"] as const).map((v): [string, () => Field, unknown, Outcome] => [
    "test_choicefield_4",
    () => new ChoiceField({ choices: GROUPED }),
    v,
    { value: String(v) },
  ]),
  ["test_choicefield_4", () => new ChoiceField({ choices: GROUPED }), "6", notAChoice("6")],
  ["test_choicefield_choices_default", () => new ChoiceField(), "x", notAChoice("x")],
  [
    "test_choicefield_callable",
    () =>
      new ChoiceField({
        choices: () =>
          [
            ["J", "John"],
            ["P", "Paul"],
          ] as const,
      }),
    "J",
    { value: "J" },
  ],
  [
    "test_choicefield_callable_mapping",
    () => new ChoiceField({ choices: () => ({ J: "John", P: "Paul" }) }),
    "J",
    { value: "J" },
  ],
  ...["1", "2", "3", "4"].flatMap(
    (v): Array<[string, () => Field, unknown, Outcome]> => [
      [
        "test_choicefield_callable_grouped_mapping",
        () =>
          new ChoiceField({
            choices: () => ({ Numbers: { 1: "One", 2: "Two" }, Letters: { 3: "A", 4: "B" } }),
          }),
        v,
        { value: v },
      ],
      [
        "test_choicefield_grouped_mapping",
        () =>
          new ChoiceField({
            choices: {
              Numbers: [
                ["1", "One"],
                ["2", "Two"],
              ],
              Letters: [
                ["3", "A"],
                ["4", "B"],
              ],
            },
          }),
        v,
        { value: v },
      ],
      [
        "test_choicefield_grouped_mapping_inner_dict",
        () =>
          new ChoiceField({
            choices: { Numbers: { 1: "One", 2: "Two" }, Letters: { 3: "A", 4: "B" } },
          }),
        v,
        { value: v },
      ],
    ],
  ),
  [
    "test_choicefield_mapping",
    () => new ChoiceField({ choices: { J: "John", P: "Paul" } }),
    "J",
    { value: "J" },
  ],
  // str() of non-string choice values, as Django's valid_value compares them.
  [
    "str(k)",
    () =>
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
          [null, "None"],
        ],
      }),
    1,
    { value: "1" },
  ],
  [
    "str(k)",
    () =>
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
          [null, "None"],
        ],
      }),
    "True",
    { value: "True" },
  ],
  [
    "str(k)",
    () =>
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
          [null, "None"],
        ],
      }),
    true,
    { value: "True" },
  ],
  [
    "str(k)",
    () =>
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
          [null, "None"],
        ],
      }),
    "None",
    { value: "None" },
  ],
  [
    "str(k)",
    () =>
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
          [null, "None"],
        ],
      }),
    "true",
    notAChoice("true"),
  ],
  ["no strip", () => new ChoiceField({ choices: ONE_TWO }), " 1", notAChoice(" 1")],
  [
    "an empty choice",
    () =>
      new ChoiceField({
        choices: [
          ["", "---"],
          ["a", "A"],
        ],
        required: false,
      }),
    "",
    { value: "" },
  ],
];

describe("ChoiceField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("test_choicefield_callable_may_evaluate_to_different_values", () => {
    let choices: Array<[string, string]> = [];
    const f = new ChoiceField({ choices: () => choices });
    choices = [["J", "John"]];
    expect(f.choices).toEqual([["J", "John"]]);
    expect(f.describe().choices).toEqual([["J", "John"]]);
    choices = [["P", "Paul"]];
    expect(f.choices).toEqual([["P", "Paul"]]);
    expect(server(f, "J")).toEqual(notAChoice("J"));
    expect(f.jsonSchema()["x-mizan-validate"]).toMatchObject([{ params: { values: ["P"] } }]);
  });

  test("test_choicefield_choices_default, and setting choices later", () => {
    const f = new ChoiceField();
    expect(f.choices).toEqual([]);
    f.choices = { a: "A" };
    expect(f.choices).toEqual([["a", "A"]]);
    expect(f.validValue("a")).toBe(true);
  });

  test("invalid_choice carries the value as param", () => {
    try {
      new ChoiceField({ choices: ONE_TWO }).clean("9");
    } catch (e) {
      expect((e as ValidationError).errors[0]?.params).toEqual({ value: "9" });
    }
  });

  test("normalizeChoices and flattenChoices", () => {
    expect(normalizeChoices({ G: { a: "A" }, b: "B" })).toEqual([
      ["G", [["a", "A"]]],
      ["b", "B"],
    ]);
    expect(flattenChoices(normalizeChoices(GROUPED))).toEqual([
      ["1", "One"],
      ["2", "Two"],
      ["3", "A"],
      ["4", "B"],
      ["5", "Other"],
    ]);
  });
});

describe("ChoiceField schema", () => {
  test("jsonSchema: membership is shared with the browser", () => {
    const f = new ChoiceField({ choices: GROUPED });
    f.name = "pick";
    expect(f.jsonSchema()).toEqual({
      type: "string",
      enum: ["1", "2", "3", "4", "5"],
      title: "Pick",
      errorMessage: {
        required: "This field is required.",
        invalid_choice: "Select a valid choice. %(value)s is not one of the available choices.",
      },
      "x-mizan-message-keys": {
        invalid_choice: "ChoiceField.invalid_choice",
        required: "Field.required",
      },
      "x-mizan-field": "ChoiceField",
      "x-mizan-required": true,
      "x-mizan-empty": "",
      "x-mizan-widget": "Select",
      "x-mizan-ts": { input: "string", output: '"1" | "2" | "3" | "4" | "5"' },
      "x-mizan-coerce": { kind: "str", params: { strip: false, empty: "" } },
      "x-mizan-validate": [
        {
          rule: "choice",
          code: "invalid_choice",
          message: "Select a valid choice. %(value)s is not one of the available choices.",
          key: "ChoiceField.invalid_choice",
          params: { values: ["1", "2", "3", "4", "5"] },
        },
      ],
    });
  });

  test("an optional field's advisory enum admits the empty input", () => {
    expect(new ChoiceField({ choices: ONE_TWO, required: false }).jsonSchema()).toMatchObject({
      type: ["string", "null"],
      enum: ["1", "2", "", null],
    });
  });

  test("describe: flat [value, label] pairs, and optgroups when there are any", () => {
    expect(
      new ChoiceField({
        choices: [
          [1, "One"],
          ["b", "B"],
        ],
      }).describe(),
    ).toMatchObject({
      type: "ChoiceField",
      widget: { type: "Select" },
      choices: [
        [1, "One"],
        ["b", "B"],
      ],
    });
    expect(new ChoiceField({ choices: ONE_TWO }).describe()).not.toHaveProperty("grouped_choices");
    expect(new ChoiceField({ choices: GROUPED }).describe()).toMatchObject({
      choices: [
        ["1", "One"],
        ["2", "Two"],
        ["3", "A"],
        ["4", "B"],
        ["5", "Other"],
      ],
      grouped_choices: [
        [
          "Numbers",
          [
            ["1", "One"],
            ["2", "Two"],
          ],
        ],
        [
          "Letters",
          [
            ["3", "A"],
            ["4", "B"],
          ],
        ],
        ["5", "Other"],
      ],
    });
  });

  test("test_choicefield_disabled", () => {
    const f = new ChoiceField({
      choices: [
        ["J", "John"],
        ["P", "Paul"],
      ],
      disabled: true,
    });
    expect(f.describe()).toMatchObject({
      disabled: true,
      choices: [
        ["J", "John"],
        ["P", "Paul"],
      ],
    });
    expect(f.jsonSchema().readOnly).toBe(true);
  });

  test("cleaned types follow literal choices", () => {
    expectTypeOf(
      new ChoiceField({
        choices: [
          ["J", "John"],
          ["P", "Paul"],
        ],
      }).clean,
    ).returns.toEqualTypeOf<"J" | "P">();
    expectTypeOf(
      new ChoiceField({ choices: ONE_TWO, required: false }).clean,
    ).returns.toEqualTypeOf<"1" | "2" | "">();
    expectTypeOf(new ChoiceField({ choices: GROUPED }).clean).returns.toEqualTypeOf<
      "1" | "2" | "3" | "4" | "5"
    >();
    expectTypeOf(
      new ChoiceField({
        choices: [
          [1, "One"],
          [true, "Yes"],
        ],
      }).clean,
    ).returns.toEqualTypeOf<"1" | "True">();
    expectTypeOf(
      new ChoiceField({ choices: { J: "John", P: "Paul" } }).clean,
    ).returns.toEqualTypeOf<"J" | "P">();
    expectTypeOf(
      new ChoiceField({ choices: () => [["J", "John"]] as const }).clean,
    ).returns.toEqualTypeOf<"J">();
    const dynamic: Array<[string, string]> = [];
    expectTypeOf(new ChoiceField({ choices: dynamic }).clean).returns.toEqualTypeOf<string>();
    expectTypeOf(new ChoiceField().clean).returns.toEqualTypeOf<string>();
    expectTypeOf<FieldInput<ChoiceField>>().toEqualTypeOf<string>();
  });
});
