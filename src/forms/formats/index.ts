// Per-language number and date input formats (Django's django/utils/formats.py, the part form
// input needs). Browser-safe and small; the shared rules never import it: a localized field
// is checked by the server, which picks the request's language (see docs/forms.md, localize).
import { activeLocale } from "../message-format.js";
import { pyLen } from "../rules/core.js";
import { compileFormat } from "../rules/strptime.js";
import {
  DATE_INPUT_FORMATS,
  DATETIME_INPUT_FORMATS,
  TIME_INPUT_FORMATS,
} from "../rules/temporal.js";
import { ar } from "./ar.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import type { FormatModule, FormatName } from "./types.js";

export type { FormatModule, FormatName } from "./types.js";

/** The formats of the languages mizan ships, by language code. */
export const SHIPPED_FORMATS: Readonly<Record<string, FormatModule>> = { en, fr, de, es, ar };

/** Project-wide settings: the defaults a language leaves out, and USE_THOUSAND_SEPARATOR. */
export interface FormatSettings extends Required<FormatModule> {
  /**
   * Django's USE_THOUSAND_SEPARATOR (default false): whether localized number input may carry
   * the language's thousand separator ("1.234,5" in German).
   */
  useThousandSeparator: boolean;
}

// Django's global_settings.
const DEFAULTS: FormatSettings = {
  dateInputFormats: DATE_INPUT_FORMATS,
  timeInputFormats: TIME_INPUT_FORMATS,
  datetimeInputFormats: DATETIME_INPUT_FORMATS,
  decimalSeparator: ".",
  thousandSeparator: ",",
  numberGrouping: 0,
  useThousandSeparator: false,
};

let settings: FormatSettings = { ...DEFAULTS };
const custom = new Map<string, FormatModule>();

// Django's ISO_INPUT_FORMATS: added to a language's input formats when it lacks them.
const ISO_INPUT_FORMATS: Partial<Record<FormatName, readonly string[]>> = {
  dateInputFormats: ["%Y-%m-%d"],
  timeInputFormats: ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"],
  datetimeInputFormats: ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
};

/**
 * Change the project-wide format settings (Django's USE_THOUSAND_SEPARATOR, and the defaults
 * used for a language that does not define a format); returns the previous settings.
 *
 * @example
 * configureFormats({ useThousandSeparator: true }); // "1.234,5" is 1234.5 in German
 */
export function configureFormats(changes: Partial<FormatSettings>): FormatSettings {
  checkInputFormats(changes);
  const previous = settings;
  settings = { ...settings, ...changes };
  return previous;
}

/**
 * Add or override a language's formats (Django's FORMAT_MODULE_PATH): its names win over
 * the shipped ones, the names it leaves out fall back to them, then to the settings.
 *
 * @example
 * registerFormats("de-ch", { thousandSeparator: "'" });
 */
export function registerFormats(language: string, formats: FormatModule): void {
  checkInputFormats(formats);
  custom.set(normalize(language), { ...formats });
}

/** A format that repeats a directive is a programming error: refuse it now, not per request. */
function checkInputFormats(formats: Partial<FormatModule>): void {
  for (const name of ["dateInputFormats", "timeInputFormats", "datetimeInputFormats"] as const) {
    for (const format of formats[name] ?? []) compileFormat(format);
  }
}

function normalize(language: string): string {
  return language.toLowerCase().replace(/_/g, "-");
}

/** Django's `get_format_modules`: "fr-CA" reads fr-ca's formats, then fr's; custom first. */
function modulesOf(language: string): FormatModule[] {
  const code = normalize(language);
  const codes = code.includes("-") ? [code, code.split("-")[0] as string] : [code];
  const modules: FormatModule[] = [];
  for (const table of [custom, new Map(Object.entries(SHIPPED_FORMATS))]) {
    for (const c of codes) {
      const module = table.get(c);
      if (module) modules.push(module);
    }
  }
  return modules;
}

/**
 * Django's `get_format(name)` for a language (default: the active one): the first format
 * module of the language that defines it, with Django's ISO input formats added to input
 * formats when missing; else the project-wide setting.
 *
 * @example
 * getFormat("dateInputFormats", "de"); // ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
 * getFormat("decimalSeparator", "fr"); // ","
 */
export function getFormat<K extends FormatName>(
  name: K,
  language: string = activeLocale(),
): NonNullable<FormatModule[K]> {
  for (const module of modulesOf(language)) {
    const value = module[name];
    if (value === undefined || value === null) continue;
    const iso = ISO_INPUT_FORMATS[name];
    if (!iso) return value as NonNullable<FormatModule[K]>;
    const formats = [...(value as readonly string[])];
    for (const format of iso) if (!formats.includes(format)) formats.push(format);
    return formats as unknown as NonNullable<FormatModule[K]>;
  }
  return settings[name] as NonNullable<FormatModule[K]>;
}

/**
 * Django's `sanitize_separators`: localized number text in the language's separators turned
 * into Python's syntax ("1001,10" → "1001.10" in French). The text before the first decimal
 * separator loses its thousand separators (and their NFKD form, so a plain space stands in
 * for French's no-break space) when USE_THOUSAND_SEPARATOR is on, except a single "." not
 * followed by three digits, which is kept as the decimal point it probably is. Non-strings
 * are returned as they are.
 *
 * @example
 * sanitizeSeparators("1234,5", "fr"); // "1234.5"
 */
export function sanitizeSeparators(value: unknown, language: string = activeLocale()): unknown {
  if (typeof value !== "string") return value;
  let text = value;
  const parts: string[] = [];
  const decimal = getFormat("decimalSeparator", language);
  const at = decimal ? text.indexOf(decimal) : -1;
  if (at >= 0) {
    parts.push(text.slice(at + decimal.length));
    text = text.slice(0, at);
  }
  if (settings.useThousandSeparator) {
    const thousand = getFormat("thousandSeparator", language);
    const dots = text.split(".");
    const looksDecimal = thousand === "." && dots.length === 2 && pyLen(dots[1] as string) !== 3;
    if (!looksDecimal && thousand) {
      for (const separator of new Set([thousand, thousand.normalize("NFKD")])) {
        text = text.split(separator).join("");
      }
    }
  }
  parts.push(text);
  return parts.reverse().join(".");
}
