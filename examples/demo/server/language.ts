import Negotiator from "negotiator";
import {
  DEMO_LANGUAGE_CODES,
  type DemoLanguage,
  isDemoLanguage,
  LANGUAGE_COOKIE,
} from "../client/src/languages.js";

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/**
 * The language a page is rendered in, chosen as Django's LocaleMiddleware does: the
 * `django_language` cookie when it names an offered language, else the best match of
 * Accept-Language (q-values; `fr-CA` gets `fr`), else English.
 */
export function pageLanguage(request: Request): DemoLanguage {
  const chosen = cookieValue(request, LANGUAGE_COOKIE);
  if (isDemoLanguage(chosen)) return chosen;
  const header = request.headers.get("accept-language");
  if (header) {
    const best = new Negotiator({ headers: { "accept-language": header } }).language([
      ...DEMO_LANGUAGE_CODES,
    ]);
    if (isDemoLanguage(best)) return best;
  }
  return "en";
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
