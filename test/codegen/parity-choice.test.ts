import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { ChoiceField } from "../../src/forms/fields/choice-field.js";
import { MultipleChoiceField } from "../../src/forms/fields/multiple-choice-field.js";
import { TypedChoiceField } from "../../src/forms/fields/typed-choice-field.js";
import { TypedMultipleChoiceField } from "../../src/forms/fields/typed-multiple-choice-field.js";
import { anyString, padded, wrongTypes } from "./parity/arbitraries.js";
import { assertParity, generatedFields } from "./parity/harness.js";

const PAIRS = [
  ["s", "Small"],
  ["m", "Medium"],
  ["l", "Large"],
] as const;
const MIXED = [
  [1, "One"],
  [true, "Yes"],
  [null, "None"],
  ["", "---"],
  [
    "Group",
    [
      ["g1", "G1"],
      ["g2", "G2"],
    ],
  ],
] as const;

const FIELDS = {
  choice: new ChoiceField({ choices: PAIRS }),
  choice_optional: new ChoiceField({ choices: PAIRS, required: false }),
  choice_mixed: new ChoiceField({ choices: MIXED, required: false }),
  choice_mapping: new ChoiceField({ choices: { a: "A", Fruit: { apple: "Apple", pear: "Pear" } } }),
  choice_messages: new ChoiceField({
    choices: PAIRS,
    errorMessages: { invalid_choice: "No %(value)s here." },
  }),
  typed_choice: new TypedChoiceField({
    choices: [
      [1, "One"],
      [2, "Two"],
    ],
    required: false,
  }),
  multiple: new MultipleChoiceField({ choices: PAIRS }),
  multiple_optional: new MultipleChoiceField({ choices: MIXED, required: false }),
  typed_multiple: new TypedMultipleChoiceField({ choices: PAIRS, required: false }),
};

const values = fc.constantFrom(
  "s",
  "m",
  "l",
  "S",
  "x",
  "1",
  "True",
  "None",
  "",
  "g1",
  "g2",
  "Group",
  "a",
  "apple",
  "Fruit",
  " s",
  "s ",
);
const single = fc.oneof(
  values,
  padded(values),
  anyString,
  wrongTypes,
  fc.constantFrom(1, true, null, 2),
);
const lists = fc.oneof(
  fc.array(fc.oneof(values, fc.constantFrom(1, true, null)), { maxLength: 4 }),
  fc.array(anyString, { maxLength: 3 }),
  single,
  fc.constantFrom([], [""], ["s", "s"], [["s"]], [{}]),
);

const INPUTS: Record<keyof typeof FIELDS, fc.Arbitrary<unknown>> = {
  choice: single,
  choice_optional: single,
  choice_mixed: single,
  choice_mapping: single,
  choice_messages: single,
  typed_choice: single,
  multiple: lists,
  multiple_optional: lists,
  typed_multiple: lists,
};

let schemas: Record<string, z.ZodType>;
let cases = 0;
beforeAll(async () => {
  schemas = await generatedFields("parity_choice", FIELDS);
}, 60_000);

describe("parity: choice fields (generated Zod vs field.clean())", () => {
  test.each(Object.keys(FIELDS) as Array<keyof typeof FIELDS>)("%s", (name) => {
    cases += assertParity(FIELDS[name], schemas[name] as z.ZodType, INPUTS[name]);
  });

  test("every case ran", () => {
    expect(cases).toBeGreaterThanOrEqual(Object.keys(FIELDS).length * 1000);
  });
});
