import { describe, expect, test } from "vitest";
import { RegexField } from "../../../src/forms/fields/regex-field.js";
import { SlugField } from "../../../src/forms/fields/slug-field.js";
import { browser, server } from "./support/outcome.js";

const INVALID = { errors: [["invalid", "Enter a valid value."]] };

// docs/parity.md: a RegexField's pattern is a JavaScript RegExp on both sides. Python's `$`
// would also match before a final newline and its `\w` is Unicode; JavaScript's are not.
describe("RegexField patterns keep JavaScript semantics on both sides", () => {
  test.each<[RegExp, string, unknown]>([
    [/^\d+$/, "123", { value: "123" }],
    [/^\d+$/, "123\n", INVALID], // Python's re.search("^\d+$", "123\n") matches
    [/^\d+\n?$/, "123\n", { value: "123\n" }], // the JS spelling of Python's `$`
    [/^\w+$/, "café", INVALID], // Python's \w is Unicode
    [/^[\p{L}\p{N}_]+$/u, "café", { value: "café" }], // the JS spelling of Python's \w
    [/^\d+$/u, "١٢٣", INVALID], // Python's \d is Unicode too
  ])("%s on %j", (regex, input, expected) => {
    const field = new RegexField(regex);
    expect(server(field, input)).toEqual(expected);
    expect(browser(field, input)).toEqual(expected);
  });
});

describe("Django's own slug patterns are translated exactly", () => {
  test.each<[boolean, string, boolean]>([
    [true, "café-2_x", true], // validate_unicode_slug: Python's Unicode \w
    [true, "١٢٣", true], // Unicode digits are \w
    [true, "a\u0301", false], // a combining mark is not \w in Python
    [false, "café", false], // validate_slug: ASCII only
    [false, "slug-1_x", true],
  ])("allowUnicode: %s, %j → %s", (allowUnicode, input, ok) => {
    const field = new SlugField({ allowUnicode });
    const outcome = server(field, input);
    expect("value" in outcome).toBe(ok);
    expect(browser(field, input)).toEqual(outcome);
  });
});
