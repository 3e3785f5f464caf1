import type { LocaleTable, MessageTemplate } from "./message-types.js";

// The registered locale tables, by language. No table is imported here: messages.ts registers
// English, the server the other shipped ones, apps their own. Code that must stay small in a
// browser bundle (the error class, which the client imports) reads texts through this module
// and falls back to its own English when nothing is registered.

const tables = new Map<string, LocaleTable>();

// Bumped by every registration: what a lookup found under an older version is not used again.
let version = 0;

/** @internal The registry's version, bumped by every registerLocale (see lookupMessage). */
export function localeVersion(): number {
  return version;
}

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
  const table = tables.get(language) ?? tables.get(language.split("-")[0] as string);
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
