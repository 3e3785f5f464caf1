import { pythonFormat } from "../../forms/message-format.js";
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
 * `messageText` of a generated field's message, whose English text is always a string (the
 * generator refuses others; a plural one was settled on the server): without a catalog, its
 * placeholders filled as `formatMessage` fills them, so a page without message catalogs does not
 * download plural selection either.
 */
export function generatedText(
  key: string | undefined,
  fallback: string,
  params: MessageParams,
  words?: Readonly<Record<string, string>>,
): string {
  // A catalog's text is always a string: without one, the baked-in English text.
  return activeCatalog.text?.(key, fallback, params, words) ?? fillPlaceholders(fallback, params);
}

const PLACEHOLDER = /%\((\w+)\)([sdr])/g;

/** `formatMessage(text, params)` of a text (not a plural template); a test keeps them equal. */
export function fillPlaceholders(text: string, params: MessageParams): string {
  // Most texts have no placeholder: nothing to replace.
  return text.includes("%(")
    ? text.replace(PLACEHOLDER, (whole, name: string, conversion: string) =>
        Object.hasOwn(params, name) ? pythonFormat(params[name], conversion) : whole,
      )
    : text;
}
