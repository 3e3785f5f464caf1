import { describe, expect, test } from "vitest";
import { JSONField } from "../../../src/forms/fields/json-field.js";
import { browser, server } from "./support/outcome.js";

const INVALID = { errors: [["invalid", "Enter a valid JSON."]] };

describe("JSONField and numbers a double cannot hold", () => {
  // Python's json.loads reads integer literals as exact ints; JSON.parse would round them, so
  // mizan refuses them instead of cleaning to a different number.
  test.each([
    "9007199254740992",
    "-9007199254740993",
    "12345678901234567890",
    '{"id": 12345678901234567890}',
    '[1, [2, {"a": 99999999999999999999}]]',
  ])("%j is invalid on both sides", (input) => {
    const field = new JSONField();
    expect(server(field, input)).toEqual(INVALID);
    expect(browser(field, input)).toEqual(INVALID);
  });

  test.each<[string, unknown]>([
    ["9007199254740991", 9007199254740991],
    ["-9007199254740991", -9007199254740991],
    ['{"big": "12345678901234567890"}', { big: "12345678901234567890" }], // a string is kept
    ['["\\"", 12]', ['"', 12]], // an escaped quote does not end the string
    ["1e20", 1e20], // a float in Python too
    ["0.1000000000000000055511151231257827", 0.1],
    ["[-0, 1.5e-3]", [-0, 0.0015]],
  ])("%j is kept", (input, value) => {
    const field = new JSONField();
    expect(server(field, input)).toEqual({ value });
    expect(browser(field, input)).toEqual({ value });
  });
});
