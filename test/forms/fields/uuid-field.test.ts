import { describe, expect, expectTypeOf, test } from "vitest";
import { UUIDField } from "../../../src/forms/fields/uuid-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: UUIDField<boolean>, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const INVALID = { errors: [{ code: "invalid", message: "Enter a valid UUID." }] };
const ID = "550e8400-e29b-41d4-a716-446655440000";

// Django 6's tests/forms_tests/field_tests/test_uuidfield.py, plus the forms uuid.UUID() takes.
describe("UUIDField", () => {
  test.each<[unknown, Outcome]>([
    ["550e8400e29b41d4a716446655440000", { value: ID }], // test_uuidfield_1
    ["550e8400-e29b-41d4-a716-446655440000", { value: ID }], // test_clean_value_with_dashes
    ["550e8400", INVALID], // test_uuidfield_3
    ["  550E8400-E29B-41D4-A716-446655440000 ", { value: ID }],
    ["{550e8400-e29b-41d4-a716-446655440000}", { value: ID }],
    ["{{550e8400e29b41d4a716446655440000}}", { value: ID }],
    ["urn:uuid:550e8400-e29b-41d4-a716-446655440000", { value: ID }],
    ["550e-8400-e29b-41d4-a716-4466-5544-0000", { value: ID }],
    ["+550e8400e29b41d4a71644665544000", { value: "0550e840-0e29-b41d-4a71-644665544000" }],
    ["0_50e8400e29b41d4a71644665544000", { value: "0050e840-0e29-b41d-4a71-644665544000" }],
    ["٣".repeat(32), { value: "33333333-3333-3333-3333-333333333333" }],
    ["550e8400e29b41d4a71644665544000g", INVALID],
    ["550e8400e29b41d4a71644665544000_", INVALID],
    ["550e8400e29b41d4a7164466554400000", INVALID],
    [" 550e8400e29b41d4a7164466554400", INVALID],
    [12345, INVALID],
    ["", { errors: [{ code: "required", message: "This field is required." }] }],
  ])("%j", (input, expected) => {
    expect(check(new UUIDField(), input)).toEqual(expected);
  });

  test("test_uuidfield_2: not required, empty cleans to null", () => {
    const f = new UUIDField({ required: false });
    expect(check(f, "")).toEqual({ value: null });
    expect(check(f, "  ")).toEqual({ value: null });
    expect(check(f, null)).toEqual({ value: null });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string | null>();
    expectTypeOf(new UUIDField().clean).returns.toEqualTypeOf<string>();
  });

  test("strip=false: surrounding spaces make it invalid (as uuid.UUID does)", () => {
    expect(check(new UUIDField({ strip: false }), ` ${ID}`)).toEqual(INVALID);
  });

  test("jsonSchema and describe", () => {
    const f = new UUIDField({ required: false });
    f.name = "id";
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      errorMessage: { required: "This field is required.", invalid: "Enter a valid UUID." },
      "x-mizan-field": "UUIDField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-coerce": { kind: "uuid", params: { strip: true } },
    });
    expect(f.describe()).toMatchObject({ name: "id", type: "UUIDField", required: false });
  });
});
