import { describe, expect, test } from "vitest";
import { DecimalField } from "../../../src/forms/fields/decimal-field.js";
import { browser, server } from "./support/outcome.js";

// Python's Decimal keeps the sign of zero: Decimal("-0"), Decimal("-0.00") and str() of them
// are "-0" and "-0.00"; DecimalField cleans to that Decimal, which equals zero.
describe("DecimalField and negative zero", () => {
  test.each<[unknown, string]>([
    ["-0", "-0"],
    ["-0.0", "-0.0"],
    [" -0.00 ", "-0.00"],
    ["-.0", "-0.0"],
    ["-0E-2", "-0.00"],
    ["-0E+2", "-0"],
    ["+0", "0"],
    ["0.00", "0.00"],
  ])("%j cleans to %j on both sides", (input, cleaned) => {
    const field = new DecimalField();
    expect(server(field, input)).toEqual({ value: cleaned });
    expect(browser(field, input)).toEqual({ value: cleaned });
  });

  test("negative zero is zero for the limits, the digits and hasChanged", () => {
    const field = new DecimalField({ minValue: 0, maxValue: "0", maxDigits: 1, decimalPlaces: 0 });
    expect(server(field, "-0")).toEqual({ value: "-0" });
    expect(browser(field, "-0")).toEqual({ value: "-0" });
    expect(field.hasChanged("0", "-0")).toBe(false);
    expect(field.hasChanged("0", "-0.1")).toBe(true);
  });
});
