// The shapes of message texts and locale tables: what message-format.ts formats and a locale
// (locales/en.ts) provides. Types only.

/** A message text with Django's `%(name)s` / `%(name)d` placeholders, or a plural message. */
export type MessageTemplate = string | PluralMessage;

/**
 * A text per CLDR plural category, chosen by the number in `params[count]` (Django's
 * `ngettext_lazy(singular, plural, "limit_value")`, with as many forms as the language has).
 * The category comes from `Intl.PluralRules(language).select(n)`; a category the message
 * leaves out falls back to `other`. English needs `one` and `other`; Arabic has all six.
 *
 * @example
 * const tooFew: PluralMessage = {
 *   count: "num",
 *   one: "Please submit at least %(num)d form.",
 *   other: "Please submit at least %(num)d forms.",
 * };
 */
export interface PluralMessage {
  /** The param holding the number (`"limit_value"`, `"num"`). */
  count: string;
  /** Required: every language has it, and it stands in for any category left out. */
  other: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
}

/** A CLDR plural category (the keys of `PluralMessage` besides `count`). */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

export type MessageParams = Record<string, unknown>;

/** A language: message key (`"IntegerField.invalid"`, `"MaxLengthValidator.max_length"`) → text. */
export type LocaleTable = Record<string, MessageTemplate>;

/**
 * Where the current language lives while a request (or a `withLocale` block) runs: the server
 * installs one backed by `AsyncLocalStorage`, so concurrent requests each see their own.
 */
export interface LocaleScope {
  /** The language of the running scope, or undefined outside any. */
  get(): string | undefined;
  /** Run `fn` with `language` current, for everything it calls and awaits. */
  run<T>(language: string, fn: () => T): T;
}
