import { formatMessage } from "../../forms/message-format.js";
import type { MessageParams, MessageTemplate } from "../../forms/message-types.js";

/** A message's text for `messageText`'s arguments. */
export type MessageTextFn = (
  key: string | undefined,
  fallback: MessageTemplate,
  params: MessageParams,
  words?: Readonly<Record<string, string>>,
) => string;

/**
 * The active catalog's text, set by `withCatalog` (catalog.ts) while a parse runs, so a page
 * without message catalogs does not download the catalog lookup.
 */
export const activeCatalog: { text?: MessageTextFn | undefined } = {};

/**
 * A message's text: the active catalog's template for `key` when there is one, formatted for
 * the catalog's language, else the baked-in `fallback` (the schema's English text). `words`
 * names params that are words to translate (param → key): the catalog's text replaces them.
 *
 * @example
 * messageText("forms.max_length", "Ensure this value has at most %(limit_value)d characters.", { limit_value: 3 });
 */
export const messageText: MessageTextFn = (key, fallback, params, words) =>
  activeCatalog.text
    ? activeCatalog.text(key, fallback, params, words)
    : formatMessage(fallback, params, "en");
