// The shapes of message texts and locale tables: what messages.ts formats and a locale
// (locales/en.ts) provides. Types only.

/** A message text with Django's `%(name)s` / `%(name)d` placeholders, or a plural pair. */
export type MessageTemplate = string | PluralMessage;

/** Chosen by the number in `params[count]`, like Django's `ngettext_lazy(..., "limit_value")`. */
export interface PluralMessage {
  one: string;
  other: string;
  count: string;
}

export type MessageParams = Record<string, unknown>;

/** A language: message key (`"IntegerField.invalid"`, `"MaxLengthValidator.max_length"`) → text. */
export type LocaleTable = Record<string, MessageTemplate>;
