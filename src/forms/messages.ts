import { hasLocale, localeVersion, messageIn, registerLocale } from "./locale-registry.js";
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
  return registeredText(key, language) ?? en[key] ?? key;
}

/** A key's last lookup in the registry: its language, the registry's version, the text. */
interface Lookup {
  language: string;
  version: number;
  template: MessageTemplate | undefined;
}

// Per key, the last registry lookup (a failing field asks the same key in the same language
// again and again); the registry copies each table it is given and bumps its version on every
// registration, so a remembered text is never stale. Capped: some keys are built from codes.
const MAX_KEYS = 2_000;
const lookups = new Map<string, Lookup>();

/** `messageIn(key, language)`, remembered per key while the language and version match. */
function registeredText(key: string, language: string): MessageTemplate | undefined {
  const last = lookups.get(key);
  const version = localeVersion();
  if (last !== undefined && last.language === language && last.version === version) {
    return last.template;
  }
  const template = messageIn(key, language);
  if (last !== undefined) {
    last.language = language;
    last.version = version;
    last.template = template;
  } else {
    if (lookups.size >= MAX_KEYS) lookups.clear();
    lookups.set(key, { language, version, template });
  }
  return template;
}

/** A field class as `classDefaultMessage` walks it: up the constructor chain. */
interface FieldClassChain {
  defaultErrorMessages: Record<string, string>;
}

/**
 * @internal The active language's template for `code` from a field class chain's
 * `defaultErrorMessages` (the nearest class naming `code`), or undefined.
 */
export function classDefaultMessage(cls: object, code: string): MessageTemplate | undefined {
  let current = cls as FieldClassChain | null;
  while (current && current !== (Function.prototype as unknown)) {
    if (Object.hasOwn(current, "defaultErrorMessages")) {
      const key = current.defaultErrorMessages[code];
      if (key !== undefined && Object.hasOwn(current.defaultErrorMessages, code)) {
        return lookupMessage(key);
      }
    }
    current = Object.getPrototypeOf(current) as FieldClassChain | null;
  }
  return undefined;
}
