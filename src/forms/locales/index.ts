import type { LocaleTable } from "../message-types.js";
import { en } from "./en.js";

/**
 * Every language mizan ships a table for, by name. The server registers them (see
 * `createHandler`'s `languages`); browser code should import a single table, or the catalogs
 * `mizan generate --languages` writes, never this record.
 */
export const SHIPPED_LOCALES: Readonly<Record<string, LocaleTable>> = { en };
