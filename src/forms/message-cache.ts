import { pythonFormat, templateText } from "./message-format.js";
import type { MessageParams, MessageTemplate } from "./message-types.js";

// The server's `formatMessage` for templates (the per-failure hot path of fields and
// validators): the same text, with each template text split into its `%(name)s` parts once.
// Server-only (the browser keeps message-format.ts's smaller one-pass replace).

const PLACEHOLDER = /%\((\w+)\)([sdr])/;
const MAX_TEXTS = 2_000;
/** Text → [literal, name, conversion, literal, name, conversion, ..., literal]. */
const split = new Map<string, readonly string[]>();

/** @internal A template text's parts (remembered per text, up to MAX_TEXTS). */
export function partsOf(text: string): readonly string[] {
  let parts = split.get(text);
  if (!parts) {
    parts = text.split(PLACEHOLDER);
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

/** @internal A template text given as its `partsOf`, with `params` in place. */
export function fillParts(parts: readonly string[], params: MessageParams): string {
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i] as string;
    const conversion = parts[i + 1] as string;
    out += Object.hasOwn(params, name)
      ? pythonFormat(params[name], conversion)
      : `%(${name})${conversion}`;
    out += parts[i + 2] as string;
  }
  return out;
}
