import { negotiateLanguage } from "mizan/server";
import { DEMO_LANGUAGE_CODES, isDemoLanguage, LANGUAGE_COOKIE } from "../client/src/languages.js";

/** The handler's language options: the demo's five, English by default. */
export const LANGUAGE_OPTIONS = { languages: DEMO_LANGUAGE_CODES, defaultLanguage: "en" };

/**
 * The language a page is rendered in, as the handler chooses it for the calls (Django's
 * LocaleMiddleware): the `django_language` cookie when it names an offered language, else the
 * best match of Accept-Language (q-values; `fr-CA` gets `fr`), else English.
 */
export function pageLanguage(request: Request): string {
  return negotiateLanguage(request, LANGUAGE_OPTIONS);
}

/** Where `/i18n/setlang/` sends the user back: a same-site path, else the home page. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/";
}

/**
 * `POST /i18n/setlang/` (Django's `set_language` view, for browsers without JavaScript): sets
 * the `django_language` cookie to the posted `language` and redirects (303) to `next`. `body`
 * is the urlencoded form.
 */
export function setLanguage(body: string): Response {
  const form = new URLSearchParams(body);
  const language = form.get("language");
  const headers = new Headers({
    location: safeNext(form.get("next")),
    "cache-control": "no-store",
  });
  if (isDemoLanguage(language)) {
    headers.append("set-cookie", `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax`);
  }
  return new Response(null, { status: 303, headers });
}
