import { hasLocale, messageIn, registerLocale } from "./locale-registry.js";
import { en } from "./locales/en.js";
import { activeLocale, setProcessLocale } from "./message-format.js";
import type { MessageTemplate } from "./message-types.js";

// The locale tables and lookups. Formatting and the current language live in
// message-format.ts (no tables there, for browser bundles); they are re-exported here so that
// `formatMessage` and `activeLocale` stay where callers found them.

export { hasLocale, registerLocale } from "./locale-registry.js";
export {
  activeLocale,
  formatMessage,
  localeScope,
  pluralCategory,
  setLocaleScope,
} from "./message-format.js";
export type {
  LocaleScope,
  LocaleTable,
  MessageParams,
  MessageTemplate,
  PluralCategory,
  PluralMessage,
} from "./message-types.js";

registerLocale("en", en);

/**
 * Set the process-wide default language (Django's `translation.activate`), for scripts,
 * tests and the generator. A request served with `languages` configured, or a `withLocale`
 * block, uses its own language instead.
 *
 * @example
 * activateLocale("fr");
 * lookupMessage("Field.required"); // the French text, outside any request
 */
export function activateLocale(name: string): void {
  if (!hasLocale(name)) {
    throw new Error(`Unknown locale "${name}"; register it with registerLocale().`);
  }
  setProcessLocale(name);
}

/**
 * The text for a key in `language` (default: the current one, `activeLocale()`), falling back
 * to English, then to the key itself. A language tag with a region uses its base language's
 * table when it has none of its own (`fr-CA` → `fr`).
 *
 * @example
 * lookupMessage("Field.required"); // "This field is required."
 */
export function lookupMessage(key: string, language: string = activeLocale()): MessageTemplate {
  return messageIn(key, language) ?? en[key] ?? key;
}
