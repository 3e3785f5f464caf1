import type { LocaleTable } from "../message-types.js";
import { ar } from "./ar.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";

/**
 * Every language mizan ships a table for, by name. The server registers them (see
 * `createHandler`'s `languages`); browser code should import a single table, or the catalogs
 * `mizan generate --languages` writes, never this record.
 */
export const SHIPPED_LOCALES: Readonly<Record<string, LocaleTable>> = { en, fr, de, es, ar };
