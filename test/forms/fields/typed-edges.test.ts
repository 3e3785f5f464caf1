// DateField reads "YYYY-MM-DD" and IntegerField a safe integer without the general parsers.
// These inputs sit at the edges of those shortcuts; each outcome is what Django gives, on the
// server field and in the browser runtime.
import { describe, expect, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { DateField } from "../../../src/forms/fields/date-field.js";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: Field, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

describe("DateField around the ISO shortcut", () => {
  const invalid = { errors: [{ code: "invalid", message: "Enter a valid date." }] };
  test.each<[string, Outcome]>([
    ["1815-12-10", { value: "1815-12-10" }],
    ["2024-02-29", { value: "2024-02-29" }],
    ["2023-02-29", invalid],
    ["1900-02-29", invalid],
    ["0001-01-01", { value: "0001-01-01" }],
    ["9999-12-31", { value: "9999-12-31" }],
    ["0000-01-01", invalid],
    ["1815-13-45", invalid],
    ["1815-00-10", invalid],
    // "%Y-%m-%d" also takes one-digit fields and surrounding spaces (stripped first).
    ["1815-1-2", { value: "1815-01-02" }],
    [" 1815-12-10\u3000", { value: "1815-12-10" }],
    // Python's \d reads any Unicode decimal digit, and int() gives its value.
    ["\u0661\u0668\u0661\u0665-12-10", { value: "1815-12-10" }],
    ["1815-12-1\u0660", { value: "1815-12-10" }],
    ["1815/12/10", invalid],
    ["1815-12-10T00:00", invalid],
    ["12/10/1815", { value: "1815-12-10" }],
  ])("%j", (input, expected) => {
    expect(check(new DateField(), input)).toEqual(expected);
  });
});

describe("IntegerField around the safe-integer shortcut", () => {
  const invalid = { errors: [{ code: "invalid", message: "Enter a whole number." }] };
  test.each<[unknown, Outcome]>([
    [36, { value: 36 }],
    [0, { value: 0 }],
    [-0, { value: 0 }],
    [-7, { value: -7 }],
    [36.0, { value: 36 }],
    [Number.MAX_SAFE_INTEGER, { value: Number.MAX_SAFE_INTEGER }],
    [Number.MIN_SAFE_INTEGER, { value: Number.MIN_SAFE_INTEGER }],
    // str(36.5) is "36.5": int() refuses it; a bool's str() is "True".
    [36.5, invalid],
    [true, invalid],
    ["36", { value: 36 }],
    [" 36.00 ", { value: 36 }],
  ])("%j", (input, expected) => {
    expect(check(new IntegerField(), input)).toEqual(expected);
  });

  test("-0 cleans to +0", () => {
    expect(Object.is(new IntegerField().clean(-0), 0)).toBe(true);
  });
});
