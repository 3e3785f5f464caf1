import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { ar } from "../../src/forms/locales/ar.js";
import { de } from "../../src/forms/locales/de.js";
import { en } from "../../src/forms/locales/en.js";
import { es } from "../../src/forms/locales/es.js";
import { fr } from "../../src/forms/locales/fr.js";
import { formatMessage } from "../../src/forms/message-format.js";
import type { LocaleTable, MessageTemplate } from "../../src/forms/message-types.js";

// The shipped translations against English: the same keys, the same placeholders in every
// text (each plural form too), exactly the plural categories CLDR gives the language, no
// empty text, and one consistent kind of typographic quotes per language.

const TRANSLATED: Record<string, LocaleTable> = { fr, de, es, ar };

const CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;

/** Every text of a template: the string, or each plural form present. */
function texts(template: MessageTemplate): Array<[string, string]> {
  if (typeof template === "string") return [["text", template]];
  const record = template as unknown as Record<string, unknown>;
  return CATEGORIES.filter((c) => record[c] !== undefined).map((c) => [c, String(record[c])]);
}

/** `%(name)s`-style placeholders, conversion included, as a sorted list of distinct tokens. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/%\(\w+\)[sdr]/g) ?? [])].sort();
}

/** The placeholders English uses in any form of a message (a plural's forms all agree). */
function englishPlaceholders(template: MessageTemplate): string[] {
  return [...new Set(texts(template).flatMap(([, text]) => placeholders(text)))].sort();
}

/** The quote characters a language may use, and its opening/closing pair. */
const QUOTES: Record<string, { open: string; close: string; others: string }> = {
  fr: { open: "«", close: "»", others: "’" },
  de: { open: "„", close: "“", others: "" },
  es: { open: "“", close: "”", others: "" },
  ar: { open: "«", close: "»", others: "" },
};
const ANY_QUOTE = /["'“”„‟«»‹›‘’‚]/g;

describe.each(Object.entries(TRANSLATED))("%s", (language, table) => {
  test("has every English key and no other", () => {
    const missing = Object.keys(en).filter((key) => !Object.hasOwn(table, key));
    const extra = Object.keys(table).filter((key) => !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  test("keeps every placeholder of the English message, in every plural form", () => {
    const wrong: string[] = [];
    for (const [key, english] of Object.entries(en)) {
      const translated = table[key];
      if (translated === undefined) continue;
      const expected = englishPlaceholders(english);
      for (const [form, text] of texts(translated)) {
        const got = placeholders(text);
        if (got.join() !== expected.join()) wrong.push(`${key} [${form}]: ${got} ≠ ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("a plural message has exactly the language's CLDR categories and English's count", () => {
    const cldr = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    const wrong: string[] = [];
    for (const [key, english] of Object.entries(en)) {
      const translated = table[key];
      if (translated === undefined) continue;
      if (typeof english === "string") {
        if (typeof translated !== "string") wrong.push(`${key}: plural where English has one text`);
        continue;
      }
      if (typeof translated === "string") {
        wrong.push(`${key}: one text where English has a plural`);
        continue;
      }
      const forms = texts(translated)
        .map(([form]) => form)
        .sort();
      if (forms.join() !== cldr.join()) wrong.push(`${key}: ${forms} ≠ ${cldr}`);
      if (translated.count !== english.count) wrong.push(`${key}: count ${translated.count}`);
    }
    expect(wrong).toEqual([]);
  });

  test("has no empty or untrimmed text", () => {
    const wrong = Object.entries(table).flatMap(([key, template]) =>
      texts(template)
        .filter(([, text]) => text.trim() === "" || text.trim() !== text)
        .map(([form]) => `${key} [${form}]`),
    );
    expect(wrong).toEqual([]);
  });

  test("uses its own typographic quotes, paired, and no straight ones", () => {
    const { open, close, others } = QUOTES[language] as (typeof QUOTES)[string];
    const wrong: string[] = [];
    for (const [key, template] of Object.entries(table)) {
      for (const [form, text] of texts(template)) {
        const where = `${key} [${form}]`;
        const marks = text.match(ANY_QUOTE) ?? [];
        const foreign = marks.filter((m) => m !== open && m !== close && !others.includes(m));
        if (foreign.length > 0) wrong.push(`${where}: ${foreign.join("")}`);
        // Quotes open and close in turn (the text never nests them).
        const pairs = marks.filter((m) => m === open || m === close).join("");
        if (pairs !== `${open}${close}`.repeat(pairs.length / 2) || pairs.length % 2) {
          wrong.push(`${where}: unpaired ${pairs}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

test("French guillemets hold no-break spaces, and the high punctuation has one before it", () => {
  const wrong: string[] = [];
  for (const [key, template] of Object.entries(fr)) {
    for (const [form, text] of texts(template)) {
      if (/«(?!\u00a0)|(?<!\u00a0)»|[^\u00a0][:;!?](?:\s|$)/.test(text))
        wrong.push(`${key} [${form}]`);
    }
  }
  expect(wrong).toEqual([]);
});

test("formatted through formatMessage, a plural message agrees with its count", () => {
  const tooFew = (table: LocaleTable, num: number, language: string) =>
    formatMessage(table["FormSet.too_few_forms"] as MessageTemplate, { num }, language);
  expect(tooFew(ar, 0, "ar")).toBe("الرجاء إرسال 0 نموذج على الأقل.");
  expect(tooFew(ar, 2, "ar")).toBe("الرجاء إرسال 2 نموذجين على الأقل.");
  expect(tooFew(ar, 3, "ar")).toBe("الرجاء إرسال 3 نماذج على الأقل.");
  expect(tooFew(ar, 11, "ar")).toBe("الرجاء إرسال 11 نموذجًا على الأقل.");
  expect(tooFew(ar, 100, "ar")).toBe("الرجاء إرسال 100 نموذج على الأقل.");
  expect(tooFew(fr, 0, "fr")).toBe("Veuillez soumettre au moins 0 formulaire.");
  expect(tooFew(fr, 2, "fr")).toBe("Veuillez soumettre au moins 2 formulaires.");
  expect(tooFew(de, 1, "de")).toBe("Bitte mindestens 1 Formular abschicken.");
  expect(tooFew(es, 1_000_000, "es")).toBe("Por favor, envíe 1000000 formularios como mínimo.");
});

test("every text formats with its placeholders filled and nothing left over", () => {
  const leftovers: string[] = [];
  for (const [language, table] of Object.entries(TRANSLATED)) {
    for (const [key, template] of Object.entries(table)) {
      const params: Record<string, unknown> = {};
      for (const [, text] of texts(template)) {
        for (const token of placeholders(text)) params[token.slice(2, token.indexOf(")"))] = 7;
      }
      for (const count of [0, 1, 2, 3, 11, 100]) {
        if (typeof template !== "string") params[template.count] = count;
        const text = formatMessage(template, params, language);
        if (/%\(|\)[sdr]\b/.test(text) || text === "")
          leftovers.push(`${language} ${key}: ${text}`);
      }
    }
  }
  expect(leftovers).toEqual([]);
});

describe("every key the code looks up is in the English table", () => {
  test("Field classes' defaultErrorMessages", async () => {
    const forms = (await import("../../src/forms/index.js")) as Record<string, unknown>;
    const missing: string[] = [];
    let classes = 0;
    for (const [name, value] of Object.entries(forms)) {
      if (typeof value !== "function" || !Object.hasOwn(value, "defaultErrorMessages")) continue;
      classes++;
      const table = (value as unknown as { defaultErrorMessages: Record<string, string> })
        .defaultErrorMessages;
      for (const key of Object.values(table))
        if (!Object.hasOwn(en, key)) missing.push(`${name}: ${key}`);
    }
    expect(classes).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  test("keys named in the sources (messageKey, lookupMessage, http.*, page.*)", () => {
    const root = fileURLToPath(new URL("../../src/", import.meta.url));
    const keys = new Set<string>();
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
      const path = join(entry.parentPath, entry.name);
      if (path.includes(`${sep}locales${sep}`)) continue;
      const text = readFileSync(path, "utf8");
      for (const m of text.matchAll(/(?:messageKey: |lookupMessage\()"([\w.]+)"/g))
        keys.add(m[1] as string);
      for (const m of text.matchAll(/"((?:http|page)\.[A-Za-z_]+(?:\.[a-z_]+)?)"/g))
        keys.add(m[1] as string);
    }
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((key) => !Object.hasOwn(en, key)).sort()).toEqual([]);
  });
});
