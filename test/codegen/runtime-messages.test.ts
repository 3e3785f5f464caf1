/**
 * Generated fields fill their English messages without the plural machinery (their texts are
 * always strings): the same text `formatMessage` gives, for every kind of param.
 */
import { describe, expect, test } from "vitest";
import { field, maxLength, withCatalog } from "../../src/codegen/runtime/index.js";
import { fillPlaceholders, generatedText } from "../../src/codegen/runtime/message-text.js";
import { formatMessage } from "../../src/forms/message-format.js";

const TEMPLATES = [
  "Enter a valid value.",
  "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
  "Select a valid choice. %(value)s is not one of the available choices.",
  "%(value)r is %(what)s; %(missing)s stays; 100%% and %(x) too.",
  "Values: %(list)s, %(flag)s, %(none)s, %(n)d, %(f)s, %(s)r.",
];
const PARAMS = [
  {},
  { limit_value: 3, show_value: 5.7 },
  { value: "x", what: true },
  { value: ["a", 1, null], what: false, list: [true, "b"] },
  { list: [1, [2, "c"]], flag: false, none: null, n: 2.9, f: 2.9, s: "it's" },
  { value: { a: 1 }, n: "7", s: 3 },
];

describe("generated messages", () => {
  test("fillPlaceholders gives formatMessage's text for every string template", () => {
    for (const template of TEMPLATES) {
      for (const params of PARAMS) {
        expect(fillPlaceholders(template, params)).toBe(formatMessage(template, params, "en"));
      }
    }
  });

  test("a field's failure carries the filled English text; a catalog's replaces it", () => {
    const name = field<string, string>({
      rules: [
        [
          maxLength,
          "max_length",
          "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
          { limit_value: 3 },
          "forms.max_length",
        ],
      ],
    });
    const english = name.safeParse("abcde");
    expect(english.error?.issues[0]?.message).toBe(
      "Ensure this value has at most 3 characters (it has 5).",
    );
    const catalog = {
      language: "fr",
      messages: {
        "forms.max_length": {
          count: "limit_value",
          one: "Au plus %(limit_value)d caractère (%(show_value)d).",
          other: "Au plus %(limit_value)d caractères (%(show_value)d).",
        },
      },
    };
    const french = withCatalog(catalog, () => name.safeParse("abcde"));
    expect(french.error?.issues[0]?.message).toBe("Au plus 3 caractères (5).");
    expect(generatedText(undefined, "%(a)s", { a: 1 })).toBe("1");
  });
});
