import { afterEach, describe, expect, test } from "vitest";
import { formatMessage, pluralCategory } from "../../src/forms/message-format.js";
import {
  activateLocale,
  activeLocale,
  lookupMessage,
  type PluralMessage,
  registerLocale,
} from "../../src/forms/messages.js";

// Six forms, each naming its category, so the test sees which one was picked.
const sixForms: PluralMessage = {
  count: "n",
  zero: "zero:%(n)d",
  one: "one:%(n)d",
  two: "two:%(n)d",
  few: "few:%(n)d",
  many: "many:%(n)d",
  other: "other:%(n)d",
};

afterEach(() => activateLocale("en"));

describe("plural categories (Intl.PluralRules per language)", () => {
  test.each([
    ["ar", [0, 1, 2, 3, 11, 100], ["zero", "one", "two", "few", "many", "other"]],
    ["fr", [0, 1, 2, 1_000_000], ["one", "one", "other", "many"]],
    ["es", [0, 1, 2, 1_000_000], ["other", "one", "other", "many"]],
    ["de", [0, 1, 2, 1_000_000], ["other", "one", "other", "other"]],
    ["en", [0, 1, 2, 1_000_000], ["other", "one", "other", "other"]],
  ])("%s", (language, counts, categories) => {
    expect(counts.map((n) => pluralCategory(n, language))).toEqual(categories);
    expect(counts.map((n) => formatMessage(sixForms, { n }, language))).toEqual(
      counts.map((n, i) => `${categories[i]}:${n}`),
    );
  });

  test("a category the message leaves out falls back to other", () => {
    const pair: PluralMessage = { count: "n", one: "%(n)d form", other: "%(n)d forms" };
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(pair, { n }, "ar"))).toEqual([
      "0 forms",
      "1 form",
      "2 forms",
      "3 forms",
      "11 forms",
      "100 forms",
    ]);
  });

  test("counts as gettext's ngettext takes them: truncated to an integer; else other", () => {
    expect(formatMessage(sixForms, { n: 1.9 }, "en")).toBe("one:1");
    expect(formatMessage(sixForms, { n: 2.5 }, "ar")).toBe("two:2");
    expect(formatMessage(sixForms, { n: -1 }, "en")).toBe("other:-1");
    expect(formatMessage(sixForms, { n: Number.NaN }, "ar")).toBe("other:NaN");
    expect(formatMessage(sixForms, { n: "1" }, "en")).toBe("other:1");
    // No count: `other`, its placeholders kept for the browser to fill.
    expect(formatMessage(sixForms, {}, "ar")).toBe("other:%(n)d");
  });

  test("large counts keep their own category per language, asked again and again", () => {
    // Counts past the small-count array are remembered too; each language keeps its own.
    const counts = [501, 511, 1_000_000, 501, 511, 1_000_000];
    for (let round = 0; round < 3; round++) {
      expect(counts.map((n) => pluralCategory(n, "ru"))).toEqual([
        "one",
        "many",
        "many",
        "one",
        "many",
        "many",
      ]);
      expect(counts.map((n) => pluralCategory(n, "en"))).toEqual(Array(6).fill("other"));
      expect(pluralCategory(1_000_000, "fr")).toBe("many");
    }
    // Many distinct large counts in one language (past the map's bound) stay exact.
    for (let n = 300; n < 2_000; n++) {
      expect(pluralCategory(n, "ru")).toBe(new Intl.PluralRules("ru").select(n));
    }
  });

  test("a name that is no language tag gets English rules", () => {
    expect(pluralCategory(0, "not a tag!")).toBe("other");
    expect(pluralCategory(1, "not a tag!")).toBe("one");
  });
});

describe("the current language", () => {
  test("formatMessage and lookupMessage default to activeLocale()", () => {
    registerLocale("x-test", { "Field.required": "Required (test)." });
    expect(activeLocale()).toBe("en");
    expect(formatMessage(sixForms, { n: 0 })).toBe("other:0");
    expect(lookupMessage("Field.required")).toBe("This field is required.");
    activateLocale("x-test");
    expect(lookupMessage("Field.required")).toBe("Required (test).");
  });

  test("activateLocale refuses a language without a table", () => {
    expect(() => activateLocale("xx-unknown")).toThrow(/Unknown locale "xx-unknown"/);
    expect(activeLocale()).toBe("en");
  });

  test("a registered table is used, missing keys fall back to English, then to the key", () => {
    registerLocale("x-test", { "Field.required": "Required (test)." });
    activateLocale("x-test");
    expect(activeLocale()).toBe("x-test");
    expect(lookupMessage("Field.required")).toBe("Required (test).");
    expect(lookupMessage("IntegerField.invalid")).toBe("Enter a whole number.");
    expect(lookupMessage("No.such_key")).toBe("No.such_key");
    expect(lookupMessage("Field.required", "en")).toBe("This field is required.");
  });

  test("a tag with a region uses its base language's table", () => {
    registerLocale("zz", { "Field.required": "zz required" });
    expect(lookupMessage("Field.required", "zz-CA")).toBe("zz required");
    expect(lookupMessage("Field.required", "zy-CA")).toBe("This field is required.");
  });
});
