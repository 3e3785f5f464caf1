import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { ChoiceField } from "../../../src/forms/fields/choice-field.js";
import { MultipleChoiceField } from "../../../src/forms/fields/multiple-choice-field.js";
import { browser, type Outcome, server } from "./support/outcome.js";

const REQUIRED: Outcome = { errors: [["required", "This field is required."]] };
const LIST: Outcome = { errors: [["invalid_list", "Enter a list of values."]] };
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
const required = () => new MultipleChoiceField({ choices: ONE_TWO });
const optional = () => new MultipleChoiceField({ choices: ONE_TWO, required: false });

// Django's tests/forms_tests/field_tests/test_multiplechoicefield.py (tuples are arrays here).
const CASES: Array<[string, () => Field, unknown, Outcome]> = [
  ["test_multiplechoicefield_1", required, "", REQUIRED],
  ["test_multiplechoicefield_1", required, null, REQUIRED],
  ["test_multiplechoicefield_1", required, [1], { value: ["1"] }],
  ["test_multiplechoicefield_1", required, ["1"], { value: ["1"] }],
  ["test_multiplechoicefield_1", required, ["1", "2"], { value: ["1", "2"] }],
  ["test_multiplechoicefield_1", required, [1, "2"], { value: ["1", "2"] }],
  ["test_multiplechoicefield_1", required, "hello", LIST],
  ["test_multiplechoicefield_1", required, [], REQUIRED],
  ["test_multiplechoicefield_1", required, ["3"], notAChoice("3")],
  ["test_multiplechoicefield_2", optional, "", { value: [] }],
  ["test_multiplechoicefield_2", optional, null, { value: [] }],
  ["test_multiplechoicefield_2", optional, [1], { value: ["1"] }],
  ["test_multiplechoicefield_2", optional, ["1"], { value: ["1"] }],
  ["test_multiplechoicefield_2", optional, ["1", "2"], { value: ["1", "2"] }],
  ["test_multiplechoicefield_2", optional, [1, "2"], { value: ["1", "2"] }],
  ["test_multiplechoicefield_2", optional, "hello", LIST],
  ["test_multiplechoicefield_2", optional, [], { value: [] }],
  ["test_multiplechoicefield_2", optional, ["3"], notAChoice("3")],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    [1],
    { value: ["1"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    ["1"],
    { value: ["1"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    [1, 5],
    { value: ["1", "5"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    [1, "5"],
    { value: ["1", "5"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    ["1", 5],
    { value: ["1", "5"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    ["1", "5"],
    { value: ["1", "5"] },
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    ["6"],
    notAChoice("6"),
  ],
  [
    "test_multiplechoicefield_3",
    () => new MultipleChoiceField({ choices: GROUPED }),
    ["1", "6"],
    notAChoice("6"),
  ],
  // to_python: falsy → [], anything but a list → invalid_list; "" inside a list is checked.
  ["to_python", optional, 0, { value: [] }],
  ["to_python", optional, false, { value: [] }],
  ["to_python", optional, {}, { value: [] }],
  ["to_python", optional, "1", LIST],
  ["to_python", optional, 1, LIST],
  ["to_python", optional, { 0: "1" }, LIST],
  ["to_python", optional, [""], notAChoice("")],
  ["to_python", optional, [null], notAChoice("None")],
];

describe("MultipleChoiceField clean", () => {
  test.each(CASES)("%s: %j", (_name, make, input, expected) => {
    expect(server(make(), input)).toEqual(expected);
  });

  test.each(CASES)("the browser agrees (%s: %j)", (_name, make, input, expected) => {
    expect(browser(make(), input)).toEqual(expected);
  });

  test("is a ChoiceField, with its own messages", () => {
    const f = new MultipleChoiceField({
      choices: ONE_TWO,
      errorMessages: { invalid_list: "A list!" },
    });
    expect(f).toBeInstanceOf(ChoiceField);
    expect(server(f, "x")).toEqual({ errors: [["invalid_list", "A list!"]] });
    expect(browser(f, "x")).toEqual({ errors: [["invalid_list", "A list!"]] });
  });

  test("test_multiplechoicefield_changed", () => {
    const f = new MultipleChoiceField({
      choices: [
        ["1", "One"],
        ["2", "Two"],
        ["3", "Three"],
      ],
    });
    expect(f.hasChanged(null, null)).toBe(false);
    expect(f.hasChanged([], null)).toBe(false);
    expect(f.hasChanged(null, ["1"])).toBe(true);
    expect(f.hasChanged([1, 2], ["1", "2"])).toBe(false);
    expect(f.hasChanged([2, 1], ["1", "2"])).toBe(false);
    expect(f.hasChanged([1, 2], ["1"])).toBe(true);
    expect(f.hasChanged([1, 2], ["1", "3"])).toBe(true);
  });

  test("test_disabled_has_changed", () => {
    const f = new MultipleChoiceField({ choices: ONE_TWO, disabled: true });
    expect(f.hasChanged("x", "y")).toBe(false);
  });
});

describe("MultipleChoiceField schema", () => {
  test("jsonSchema", () => {
    const f = new MultipleChoiceField({ choices: ONE_TWO, required: false });
    f.name = "toppings";
    expect(f.jsonSchema()).toEqual({
      type: "array",
      items: { type: "string", enum: ["1", "2"] },
      title: "Toppings",
      errorMessage: {
        required: "This field is required.",
        invalid_choice: "Select a valid choice. %(value)s is not one of the available choices.",
        invalid_list: "Enter a list of values.",
      },
      "x-mizan-message-keys": {
        invalid_choice: "MultipleChoiceField.invalid_choice",
        invalid_list: "MultipleChoiceField.invalid_list",
        required: "Field.required",
      },
      "x-mizan-field": "MultipleChoiceField",
      "x-mizan-required": false,
      "x-mizan-empty": [],
      "x-mizan-widget": "SelectMultiple",
      "x-mizan-ts": { input: "string[]", output: 'Array<"1" | "2">' },
      "x-mizan-coerce": { kind: "str_list", params: {} },
      "x-mizan-validate": [
        {
          rule: "choice_list",
          code: "invalid_choice",
          message: "Select a valid choice. %(value)s is not one of the available choices.",
          key: "MultipleChoiceField.invalid_choice",
          params: { values: ["1", "2"] },
        },
      ],
    });
  });

  test("describe", () => {
    expect(new MultipleChoiceField({ choices: GROUPED }).describe()).toMatchObject({
      type: "MultipleChoiceField",
      widget: { type: "SelectMultiple", allow_multiple_selected: true },
      choices: [
        ["1", "One"],
        ["2", "Two"],
        ["3", "A"],
        ["4", "B"],
        ["5", "Other"],
      ],
    });
  });

  test("cleaned types", () => {
    expectTypeOf(new MultipleChoiceField({ choices: ONE_TWO }).clean).returns.toEqualTypeOf<
      Array<"1" | "2">
    >();
    expectTypeOf(
      new MultipleChoiceField({ choices: ONE_TWO, required: false }).clean,
    ).returns.toEqualTypeOf<Array<"1" | "2">>();
    expectTypeOf(new MultipleChoiceField().clean).returns.toEqualTypeOf<string[]>();
    expectTypeOf<FieldInput<MultipleChoiceField>>().toEqualTypeOf<string[]>();
  });
});
