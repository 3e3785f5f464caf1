import type { LocaleTable, MessageTemplate } from "./message-types.js";

// The registered locale tables, by language. No table is imported here: messages.ts registers
// English, the server the other shipped ones, apps their own. Code that must stay small in a
// browser bundle (the error class, which the client imports) reads texts through this module
// and falls back to its own English when nothing is registered.

const tables = new Map<string, LocaleTable>();

/** Bumped by every registration: a remembered lookup from an older version is not used. */
let version = 0;

/** A key's last lookup: its language, the registry's version then, and what it found. */
interface Lookup {
  language: string;
  version: number;
  template: MessageTemplate | undefined;
}

// Per key, the last lookup (a failing field asks the same key in the same language again and
// again). Keys come from code, but some are built from a status or a code: capped.
const MAX_KEYS = 2_000;
const lookups = new Map<string, Lookup>();

/**
 * Add (or replace) a language. Missing keys fall back to English. The table is copied: to
 * change a text later, register the language again.
 *
 * @example
 * registerLocale("fr", { "Field.required": "Ce champ est obligatoire." });
 */
export function registerLocale(name: string, table: LocaleTable): void {
  tables.set(name, { ...table });
  version++;
}

/** Whether a table is registered under `name`. */
export function hasLocale(name: string): boolean {
  return tables.has(name);
}

/**
 * The text of `key` in `language`'s own table (a tag with a region uses its base language's
 * table when it has none: `fr-CA` → `fr`), without falling back to another language.
 */
export function messageIn(key: string, language: string): MessageTemplate | undefined {
  const last = lookups.get(key);
  if (last !== undefined && last.language === language && last.version === version) {
    return last.template;
  }
  const table = tables.get(language) ?? tables.get(language.split("-")[0] as string);
  const template = table && Object.hasOwn(table, key) ? table[key] : undefined;
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
