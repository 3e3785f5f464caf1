import { parse as parseCookies } from "cookie";
import Negotiator from "negotiator";
import { ensureLocaleScope } from "../core/locale.js";
import { SHIPPED_LOCALES } from "../forms/locales/index.js";
import { hasLocale, registerLocale } from "../forms/messages.js";

/** The language options of `createHandler`, `handleFormPost` and the SSR helpers. */
export interface LanguageOptions {
  /**
   * The languages served (`["en", "fr", "ar"]`). Each request is answered in one of them,
   * chosen as Django's LocaleMiddleware does: the `languageCookie` cookie, then
   * `Accept-Language`, then `defaultLanguage`. Left out: every answer is in the process
   * language (`activateLocale`, English by default) and nothing is negotiated.
   */
  languages?: readonly string[];
  /** The language when neither the cookie nor the header names a served one (default: the first). */
  defaultLanguage?: string;
  /** The cookie naming the user's choice (Django's `LANGUAGE_COOKIE_NAME`, `django_language`). */
  languageCookie?: string;
}

/** Language options checked and completed (see `resolveLanguages`). */
export interface ResolvedLanguages {
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly languageCookie: string;
}

/** Django's `ACCEPT_LANGUAGE_HEADER_MAX_LENGTH`: a longer header is cut at a comma. */
const MAX_HEADER_LENGTH = 500;
/** Django's `language_code_re`: `fr`, `fr-ca`, `zh-hant-tw`, `de-1996`. */
const LANGUAGE_CODE = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$/i;

let shippedRegistered = false;

/** Register the tables mizan ships (en, fr, de, es, ar), leaving any the app registered itself. */
export function registerShippedLocales(): void {
  if (shippedRegistered) return;
  shippedRegistered = true;
  for (const [name, table] of Object.entries(SHIPPED_LOCALES)) {
    if (!hasLocale(name)) registerLocale(name, table);
  }
}

/**
 * Check language options and fill in the defaults; null when no `languages` are given. Also
 * registers the shipped tables and installs the per-request scope (`AsyncLocalStorage`).
 * Throws a TypeError for a malformed list, a default outside it, or a runtime that has no
 * `AsyncLocalStorage` and no scope of the app's own (`setLocaleScope`).
 *
 * @example
 * resolveLanguages({ languages: ["en", "fr"] });
 * // { languages: ["en", "fr"], defaultLanguage: "en", languageCookie: "django_language" }
 */
export function resolveLanguages(options: LanguageOptions): ResolvedLanguages | null {
  const { languages } = options;
  if (languages === undefined) return null;
  if (!Array.isArray(languages) || languages.some((l) => !LANGUAGE_CODE.test(String(l)))) {
    throw new TypeError(`languages: expected language codes such as ["en", "fr"].`);
  }
  const defaultLanguage = options.defaultLanguage ?? languages[0] ?? "en";
  if (languages.length > 0 && !languages.includes(defaultLanguage)) {
    throw new TypeError(`defaultLanguage "${defaultLanguage}" is not one of languages.`);
  }
  const languageCookie = options.languageCookie ?? "django_language";
  if (languageCookie === "") throw new TypeError("languageCookie: expected a cookie name.");
  registerShippedLocales();
  if (!ensureLocaleScope()) {
    throw new TypeError(
      "languages needs AsyncLocalStorage (Node, Bun, Deno, Workers with nodejs_compat) to keep each request's language; install a scope with setLocaleScope() elsewhere.",
    );
  }
  return {
    languages: languages.length > 0 ? [...languages] : [defaultLanguage],
    defaultLanguage,
    languageCookie,
  };
}

/** The served language a tag stands for (`FR-ca` → `fr`), by negotiator's matching; else null. */
function served(tag: string, languages: readonly string[]): string | null {
  if (!LANGUAGE_CODE.test(tag)) return null;
  const found = new Negotiator({ headers: { "accept-language": tag } }).language(languages);
  return found ?? null;
}

/** An over-long header cut at its last comma within the limit (Django does the same). */
function bounded(header: string): string {
  if (header.length <= MAX_HEADER_LENGTH) return header;
  const cut = header.lastIndexOf(",", MAX_HEADER_LENGTH);
  return cut > 0 ? header.slice(0, cut) : "";
}

/**
 * The language to answer a request in, as Django's `get_language_from_request`: the cookie, if
 * it names a served language; else the `Accept-Language` ranges by quality (`fr-CA` also
 * matches `fr`, case-insensitively; a `*` ends the search); else the default. For pages an app
 * renders itself (`<html lang>`), with the options given to `createHandler`.
 *
 * @example
 * const request = new Request("http://x/", { headers: { "accept-language": "fr-CA" } });
 * negotiateLanguage(request, { languages: ["en", "fr"] }); // "fr"
 */
export function negotiateLanguage(
  request: Request,
  options: LanguageOptions & { languages: readonly string[] },
): string {
  return negotiate(request, resolveLanguages(options) as ResolvedLanguages);
}

/** `negotiateLanguage` with options already resolved (the handler's, once per request). */
export function negotiate(request: Request, options: ResolvedLanguages): string {
  const { languages, defaultLanguage, languageCookie } = options;
  const cookie = request.headers.get("cookie");
  if (cookie) {
    let chosen: string | undefined;
    try {
      chosen = parseCookies(cookie)[languageCookie];
    } catch {
      chosen = undefined;
    }
    const match = chosen ? served(chosen, languages) : null;
    if (match) return match;
  }
  const header = request.headers.get("accept-language");
  if (header) {
    const ranked = new Negotiator({ headers: { "accept-language": bounded(header) } }).languages();
    for (const tag of ranked) {
      if (tag === "*") break;
      const match = served(tag, languages);
      if (match) return match;
    }
  }
  return defaultLanguage;
}

/** Add `tokens` to a Vary header value, each once (case-insensitive); `*` stays as is. */
function varyWith(current: string | null, tokens: readonly string[]): string {
  const present = (current ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (present.includes("*")) return "*";
  const lower = new Set(present.map((t) => t.toLowerCase()));
  for (const token of tokens) if (!lower.has(token.toLowerCase())) present.push(token);
  return present.join(", ");
}

/**
 * Mark an answer as negotiated: `Content-Language` (unless it has one, as Django's
 * LocaleMiddleware) and `Vary: Accept-Language, Cookie` merged into any Vary it has.
 */
export function setLanguageHeaders(headers: HeaderBag, language: string): void {
  if (!headers.has("content-language")) headers.set("content-language", language);
  headers.set("vary", varyWith(headers.get("vary") ?? null, ["Accept-Language", "Cookie"]));
}

/** Web `Headers`, or a `Map` of lower-case names (a JSON answer's, see json-answer.ts). */
type HeaderBag = {
  has(name: string): boolean;
  get(name: string): string | null | undefined;
  set(name: string, value: string): unknown;
};

/** `setLanguageHeaders` on a Response, copied first when its headers are immutable. */
export function withLanguageHeaders(response: Response, language: string): Response {
  try {
    setLanguageHeaders(response.headers, language);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    setLanguageHeaders(copy.headers, language);
    return copy;
  }
}
