import { formatMessage, pythonFormat, templateText } from "./message-format.js";
import type { MessageParams, MessageTemplate } from "./message-types.js";

// The server's `formatMessage` for templates (the per-failure hot path of fields and
// validators): the same text, with each template text split into its `%(name)s` parts once.
// Server-only (the browser keeps message-format.ts's smaller one-pass replace).

const PLACEHOLDER = /%\((\w+)\)([sdr])/;
const MAX_TEXTS = 2_000;

/** A template text split at its placeholders. */
export interface TextParts {
  /** [literal, name, conversion, literal, name, conversion, ..., literal]. */
  readonly list: readonly string[];
  /**
   * Whether the literals alone may leave a `%(` in a filled text: one holds it, or one ends
   * with `%` before a placeholder (a `(` after a param's text needs a `%` in that text).
   */
  readonly open: boolean;
}

const split = new Map<string, TextParts>();

/** @internal A template text's parts (remembered per text, up to MAX_TEXTS). */
export function partsOf(text: string): TextParts {
  let parts = split.get(text);
  if (!parts) {
    const list = text.split(PLACEHOLDER);
    let open = false;
    for (let i = 0; i < list.length; i += 3) {
      const literal = list[i] as string;
      if (literal.includes("%(") || (i + 1 < list.length && literal.endsWith("%"))) open = true;
    }
    parts = { list, open };
    if (split.size >= MAX_TEXTS) split.clear();
    split.set(text, parts);
  }
  return parts;
}

/**
 * `formatMessage(template, params)` in the current language, for a template (a locale table's
 * text or an `errorMessages` override), not for an already formatted message (whose texts
 * are not worth keeping).
 *
 * @example
 * formatTemplate("Ensure this value is at least %(limit_value)s.", { limit_value: 13 });
 * // "Ensure this value is at least 13."
 */
export function formatTemplate(template: MessageTemplate, params: MessageParams = {}): string {
  const text = templateText(template, params);
  if (!text.includes("%(")) return text;
  return fillParts(partsOf(text), params);
}

// Whether the last `fillParts` text may hold a `%(`: a param absent (its placeholder kept), a
// `%` in a param's text, or the template's own (`open`). Else it has none, and a caller that
// formats the text a second time need not search it (nor flatten it to search).
let leftOpen = false;

/** @internal A template text given as its `partsOf`, with `params` in place. */
export function fillParts(parts: TextParts, params: MessageParams): string {
  const list = parts.list;
  let open = parts.open;
  let out = list[0] as string;
  for (let i = 1; i < list.length; i += 3) {
    const name = list[i] as string;
    const conversion = list[i + 1] as string;
    if (Object.hasOwn(params, name)) {
      const text = pythonFormat(params[name], conversion);
      if (!open && text.includes("%")) open = true;
      out += text;
    } else {
      out += `%(${name})${conversion}`;
      open = true;
    }
    out += list[i + 2] as string;
  }
  leftOpen = open;
  return out;
}

/**
 * @internal `formatMessage(text, params)` for `text`, a template text (`templateText`) that
 * holds a `%(`: filled once, then again if a placeholder is left, as a ValidationError built
 * from the filled text and the same params formats it (`parts`: `partsOf(text)`, if known).
 */
export function fillTwice(text: string, params: MessageParams, parts = partsOf(text)): string {
  const message = fillParts(parts, params);
  return leftOpen && message.includes("%(") ? formatMessage(message, params) : message;
}
