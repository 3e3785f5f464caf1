import { describe, expect, test } from "vitest";
import { IntegerField } from "../../../src/forms/fields/integer-field.js";
import { browser, server } from "./support/outcome.js";

const INVALID = { errors: [["invalid", "Enter a whole number."]] };

describe("IntegerField and the size of integers (docs/parity.md)", () => {
  test.each<[string, unknown]>([
    ["9007199254740991", { value: 9007199254740991 }],
    ["-9007199254740991", { value: -9007199254740991 }],
    ["9007199254740991.0", { value: 9007199254740991 }],
    // Django accepts these (Python ints are unbounded); a JS number cannot hold them exactly.
    ["9007199254740992", INVALID],
    ["-9007199254740993", INVALID],
    ["12345678901234567890", INVALID],
    // Python's int() refuses text of more than 4300 digits (the default int_max_str_digits
    // limit, a ValueError), so Django answers `invalid` too.
    ["1".repeat(5000), INVALID],
  ])("%j", (input, expected) => {
    const field = new IntegerField();
    expect(server(field, input)).toEqual(expected);
    expect(browser(field, input)).toEqual(expected);
  });

  // Django would run the validators on the int and answer max_value here.
  test("bounds do not change the verdict on an integer too large to hold", () => {
    const field = new IntegerField({ maxValue: 10 });
    expect(server(field, "12345678901234567890")).toEqual(INVALID);
    expect(browser(field, "12345678901234567890")).toEqual(INVALID);
  });
});
