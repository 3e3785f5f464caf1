import { describe, expect, expectTypeOf, test } from "vitest";
import type { Field, FieldInput } from "../../../src/forms/field.js";
import { BooleanField } from "../../../src/forms/fields/boolean-field.js";
import { NullBooleanField } from "../../../src/forms/fields/null-boolean-field.js";
import { HiddenInput, RadioSelect } from "../../../src/forms/widgets/widget.js";
import { browser, type Outcome, server } from "./support/outcome.js";

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
      "x-mizan-message-keys": { required: "Field.required" },
      "x-mizan-field": "NullBooleanField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "NullBooleanSelect",
      "x-mizan-ts": { input: "boolean | string | null", output: "boolean | null" },
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
