import { en } from "./locales/en.js";
import type { LocaleTable, MessageParams, MessageTemplate } from "./message-types.js";

export type {
  LocaleTable,
  MessageParams,
  MessageTemplate,
  PluralMessage,
} from "./message-types.js";

const locales = new Map<string, LocaleTable>([["en", en]]);
let active: LocaleTable = en;
let activeName = "en";

/** Add (or replace) a language. Missing keys fall back to English. */
export function registerLocale(name: string, table: LocaleTable): void {
  locales.set(name, table);
  if (name === activeName) active = table;
}

/** Switch the language used for default messages (Django's `translation.activate`). */
export function activateLocale(name: string): void {
  const table = locales.get(name);
  if (!table) throw new Error(`Unknown locale "${name}"; register it with registerLocale().`);
  active = table;
  activeName = name;
}

export function activeLocale(): string {
  return activeName;
}

/** The active language's text for a key, falling back to English, then to the key itself. */
export function lookupMessage(key: string): MessageTemplate {
  return active[key] ?? en[key] ?? key;
}

function pythonFormat(value: unknown, conversion: string): string {
  if (conversion === "d" && typeof value === "number") return String(Math.trunc(value));
  if (conversion === "r" && typeof value === "string") return `'${value}'`;
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `[${value.map((v) => pythonFormat(v, "r")).join(", ")}]`;
  return String(value);
}

const PLACEHOLDER = /%\((\w+)\)([sdr])/g;

/**
 * Pick the plural form and fill `%(name)s` placeholders. Placeholders whose param is absent
 * are kept, so a schema can carry a template whose dynamic part (e.g. `%(show_value)d`) the
 * browser fills in.
 *
 * @example
 * formatMessage(lookupMessage("MaxLengthValidator.max_length"), { limit_value: 3, show_value: 5 });
 * // "Ensure this value has at most 3 characters (it has 5)."
 */
export function formatMessage(template: MessageTemplate, params: MessageParams = {}): string {
  let text: string;
  if (typeof template === "string") {
    text = template;
  } else {
    const n = params[template.count];
    if (typeof n !== "number") return formatMessage(template.other, params);
    text = n === 1 ? template.one : template.other;
  }
  return text.replace(PLACEHOLDER, (whole, name: string, conversion: string) =>
    Object.hasOwn(params, name) ? pythonFormat(params[name], conversion) : whole,
  );
}
