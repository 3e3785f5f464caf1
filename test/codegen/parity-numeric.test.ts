import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { BooleanField } from "../../src/forms/fields/boolean-field.js";
import { DecimalField } from "../../src/forms/fields/decimal-field.js";
import { FloatField } from "../../src/forms/fields/float-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { NullBooleanField } from "../../src/forms/fields/null-boolean-field.js";
import { anyString, aroundNumber, numericText, padded, wrongTypes } from "./parity/arbitraries.js";
import { assertParity, generatedFields } from "./parity/harness.js";

const FIELDS = {
  integer: new IntegerField(),
  integer_bounds: new IntegerField({ minValue: -5, maxValue: 10 }),
  integer_step: new IntegerField({ minValue: 3, stepSize: 4, required: false }),
  integer_step_only: new IntegerField({ stepSize: 5 }),
  integer_messages: new IntegerField({
    maxValue: 3,
    errorMessages: {
      invalid: "Digits only.",
      max_value: "At most %(limit_value)s, not %(value)s.",
    },
  }),
  float: new FloatField(),
  float_bounds: new FloatField({ minValue: 0.5, maxValue: 99.5, stepSize: 0.25, required: false }),
  decimal: new DecimalField(),
  decimal_digits: new DecimalField({ maxDigits: 5, decimalPlaces: 2 }),
  decimal_bounds: new DecimalField({
    minValue: "0.01",
    maxValue: "100",
    stepSize: "0.05",
    required: false,
  }),
  decimal_places0: new DecimalField({ maxDigits: 3, decimalPlaces: 0 }),
  boolean: new BooleanField(),
  boolean_optional: new BooleanField({ required: false }),
  null_boolean: new NullBooleanField(),
};

const numeric = fc.oneof(numericText, wrongTypes, anyString, fc.integer(), fc.double());
const booleanish = fc.oneof(
  wrongTypes,
  anyString,
  fc.constantFrom(
    "true",
    "True",
    "false",
    "False",
    "0",
    "1",
    "on",
    "off",
    "2",
    "3",
    "unknown",
    "None",
    "null",
    "",
  ),
  padded(fc.constantFrom("true", "false", "0")),
);

const INPUTS: Record<keyof typeof FIELDS, fc.Arbitrary<unknown>> = {
  integer: numeric,
  integer_bounds: fc.oneof(numeric, aroundNumber(-5), aroundNumber(10)),
  integer_step: fc.oneof(numeric, aroundNumber(3), aroundNumber(7), aroundNumber(11)),
  integer_step_only: fc.oneof(numeric, aroundNumber(5), aroundNumber(-10), aroundNumber(0)),
  integer_messages: fc.oneof(numeric, aroundNumber(3)),
  float: numeric,
  float_bounds: fc.oneof(
    numeric,
    aroundNumber(0.5, 0.25),
    aroundNumber(99.5, 0.25),
    aroundNumber(1, 0.125),
  ),
  decimal: numeric,
  decimal_digits: fc.oneof(
    numeric,
    aroundNumber(999.99, 0.01),
    aroundNumber(0.005, 0.001),
    fc.constantFrom("1234.5", "12345", "0.001", "-999.99", "1e2", "1E-2", "00001.10"),
  ),
  decimal_bounds: fc.oneof(
    numeric,
    aroundNumber(0.01, 0.01),
    aroundNumber(100, 0.05),
    aroundNumber(0.06, 0.01),
  ),
  decimal_places0: fc.oneof(
    numeric,
    aroundNumber(999),
    fc.constantFrom("1.0", "1.5", "1000", "-999"),
  ),
  boolean: booleanish,
  boolean_optional: booleanish,
  null_boolean: booleanish,
};

let schemas: Record<string, z.ZodType>;
let cases = 0;
beforeAll(async () => {
  schemas = await generatedFields("parity_numeric", FIELDS);
}, 60_000);

describe("parity: numeric and boolean fields (generated Zod vs field.clean())", () => {
  test.each(Object.keys(FIELDS) as Array<keyof typeof FIELDS>)("%s", (name) => {
    cases += assertParity(FIELDS[name], schemas[name] as z.ZodType, INPUTS[name]);
  });

  test("every case ran", () => {
    expect(cases).toBeGreaterThanOrEqual(Object.keys(FIELDS).length * 1000);
  });
});
