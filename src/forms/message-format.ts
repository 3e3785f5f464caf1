import type {
  LocaleScope,
  MessageParams,
  MessageTemplate,
  PluralCategory,
} from "./message-types.js";

// Formatting of message templates (plural choice, Django's `%(name)s` placeholders) and the
// current language. No locale table is imported here, so browser code that formats messages
// (the generated validation runtime) stays small; the tables live in messages.ts.

let scope: LocaleScope | null = null;
let processLanguage = "en";

/**
 * Install (or, with `null`, remove) where the current language is kept while a request runs.
 * The server installs one backed by `AsyncLocalStorage` when it needs one; a runtime without
 * it can bring its own. Browser code never needs this: one page has one language.
 *
 * @example
 * const store = new AsyncLocalStorage<string>();
 * setLocaleScope({ get: () => store.getStore(), run: (lang, fn) => store.run(lang, fn) });
 */
export function setLocaleScope(next: LocaleScope | null): void {
  scope = next;
}

/** The installed scope, if any (the server checks before installing its own). */
export function localeScope(): LocaleScope | null {
  return scope;
}

/** @internal Set the process default; `activateLocale` (messages.ts) checks the name first. */
export function setProcessLocale(language: string): void {
  processLanguage = language;
}

/**
 * The current language: the one of the request being served (or of the `withLocale` block
 * running), else the process default that `activateLocale()` sets (`"en"` to begin with).
 *
 * @example
 * activeLocale(); // "fr" while serving a request negotiated to French
 */
export function activeLocale(): string {
  return scope?.get() ?? processLanguage;
}

/**
 * Run `fn` in the process language (the one `activateLocale` sets), whatever request is being
 * served: for what is computed once and shared by every request (the manifest, a form's
 * version), which must not depend on the language of the request that happened to build it.
 *
 * @example
 * const version = withProcessLocale(() => contentHash(formJsonSchema(form)));
 */
export function withProcessLocale<T>(fn: () => T): T {
  return scope && scope.get() !== undefined ? scope.run(processLanguage, fn) : fn();
}

const MAX_CACHED_LANGUAGES = 64;
/** Counts remembered per language before the memory starts again (a 500-character limit...). */
const MAX_COUNTS = 512;

interface PluralRulesCache {
  rules: Intl.PluralRules;
  /** Category by count (an array: small counts are its elements, larger ones its keys). */
  seen: PluralCategory[];
  size: number;
}

const pluralRules = new Map<string, PluralRulesCache>();

/**
 * The CLDR plural category of a count in a language (`Intl.PluralRules`, cached per
 * language). As gettext's `ngettext`, which takes an integer, a fractional count is truncated
 * first; a negative, infinite or non-number count is `other`.
 *
 * @example
 * pluralCategory(3, "ar"); // "few"
 * pluralCategory(1, "fr"); // "one"
 * pluralCategory(1.5, "en"); // "one" (as 1)
 */
export function pluralCategory(count: unknown, language: string = activeLocale()): PluralCategory {
  if (typeof count !== "number" || !Number.isFinite(count) || count < 0) return "other";
  const n = Math.trunc(count);
  let cached = pluralRules.get(language);
  if (!cached) {
    let rules: Intl.PluralRules;
    try {
      rules = new Intl.PluralRules(language);
    } catch {
      // Not a BCP 47 tag: English rules, as the English texts are what such a name gets.
      rules = new Intl.PluralRules("en");
    }
    if (pluralRules.size >= MAX_CACHED_LANGUAGES) pluralRules.clear();
    cached = { rules, seen: [], size: 0 };
    pluralRules.set(language, cached);
  }
  // `select` costs about a microsecond: each count's category is asked once per language.
  let category = cached.seen[n];
  if (category === undefined) {
    if (++cached.size > MAX_COUNTS) {
      cached.seen = [];
      cached.size = 1;
    }
    category = cached.seen[n] = cached.rules.select(n);
  }
  return category;
}

/** @internal Python's `%s`/`%d`/`%r` of one param, as `formatMessage` fills it in. */
export function pythonFormat(value: unknown, conversion: string): string {
  if (conversion === "d" && typeof value === "number") return String(Math.trunc(value));
  if (conversion === "r" && typeof value === "string") return `'${value}'`;
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (Array.isArray(value)) return `[${value.map((v) => pythonFormat(v, "r")).join(", ")}]`;
  return String(value);
}

const PLACEHOLDER = /%\((\w+)\)([sdr])/g;

/**
 * Pick the plural form for `language` (default: the current one, `activeLocale()`) and fill
 * `%(name)s` placeholders. A plural message whose count param is absent (or not a number)
 * uses `other`; placeholders whose param is absent are kept, so a schema can carry a template
 * whose dynamic part (e.g. `%(show_value)d`) the browser fills in.
 *
 * @example
 * formatMessage(lookupMessage("MaxLengthValidator.max_length"), { limit_value: 3, show_value: 5 });
 * // "Ensure this value has at most 3 characters (it has 5)."
 * formatMessage({ count: "n", one: "%(n)d jour", other: "%(n)d jours" }, { n: 0 }, "fr");
 * // "0 jour"
 */
export function formatMessage(
  template: MessageTemplate,
  params: MessageParams = {},
  language?: string,
): string {
  const text = templateText(template, params, language);
  // Most texts have no placeholder (and a formatted one has none left): nothing to replace.
  if (!text.includes("%(")) return text;
  return text.replace(PLACEHOLDER, (whole, name: string, conversion: string) =>
    Object.hasOwn(params, name) ? pythonFormat(params[name], conversion) : whole,
  );
}

/**
 * The text of `template` before its placeholders are filled: itself, or for a plural template
 * the form its `count` param takes in `language` (default: the active one).
 */
export function templateText(
  template: MessageTemplate,
  params: MessageParams,
  language?: string,
): string {
  if (typeof template === "string") return template;
  const count = Object.hasOwn(params, template.count) ? params[template.count] : undefined;
  return template[pluralCategory(count, language ?? activeLocale())] ?? template.other;
}

/** Django's `LANGUAGES_BIDI`: the languages written right to left (by primary subtag). */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(["ar", "ckb", "fa", "he", "ug", "ur"]);

/**
 * The writing direction of a language, as Django's `get_language_bidi()` decides it: `"rtl"`
 * for Arabic, Hebrew, Persian, Urdu, Uyghur and Central Kurdish (any region: `ar-EG`,
 * `fa-IR`), `"ltr"` for every other language; `undefined` when no language is known.
 *
 * @example
 * languageDirection("ar"); // "rtl"
 * languageDirection("fr-CA"); // "ltr"
 */
export function languageDirection(language: string | null | undefined): "ltr" | "rtl" | undefined {
  if (!language) return undefined;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (!primary) return undefined;
  return RIGHT_TO_LEFT.has(primary) ? "rtl" : "ltr";
}
