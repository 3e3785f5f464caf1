import { afterEach } from "vitest";
import { configureFormats, type FormatSettings } from "../../../src/forms/formats/index.js";
import { activateLocale, registerLocale } from "../../../src/forms/messages.js";
import { ValidationError } from "../../../src/forms/validation-error.js";

// The languages' message tables are not what these tests are about: missing keys fall back
// to English, so every language is registered with an empty table when none is known yet.
export const LANGUAGES = ["en", "fr", "de", "es", "ar"] as const;
for (const language of [...LANGUAGES, "nl", "xx"]) {
  try {
    activateLocale(language);
  } catch {
    registerLocale(language, {});
  }
}
activateLocale("en");

/** Run `fn` with `language` active (Django's `translation.override`), then go back to English. */
export function inLanguage<T>(language: string, fn: () => T): T {
  activateLocale(language);
  try {
    return fn();
  } finally {
    activateLocale("en");
  }
}

/** Django's `override_settings` for the format settings, undone after each test. */
let saved: FormatSettings | undefined;
export function withSettings(changes: Partial<FormatSettings>): void {
  const previous = configureFormats(changes);
  saved ??= previous;
}
afterEach(() => {
  if (saved) configureFormats(saved);
  saved = undefined;
});

/** What `clean()` gives: the value, or the error codes. */
export function clean(field: { clean(value: unknown): unknown }, value: unknown): unknown {
  try {
    return { value: field.clean(value) };
  } catch (e) {
    if (e instanceof ValidationError) return { codes: e.errors.map((x) => x.code) };
    throw e;
  }
}

export const INVALID = { codes: ["invalid"] };
