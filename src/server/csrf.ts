import { parse as parseCookies } from "cookie";
import { errorText } from "../core/error-text.js";
import { MizanError } from "../core/errors.js";
import { trustedOriginTest } from "./origins.js";

/**
 * CSRF protection of `POST {base}/call/`. Either way it applies only to requests that carry a
 * Cookie header (a browser's, whose cookies a forged cross-site request would carry too);
 * token-authenticated API clients send no cookies and are not asked for a token.
 */
export interface CsrfOptions {
  /**
   * `"double-submit"` (default): the `cookieName` cookie, which the handler issues, must come
   * back in the `headerName` header; another site can neither read the cookie nor send the
   * header. `"origin"`: the Origin header (else the Referer's origin) must be the request's
   * own origin or one of `trustedOrigins`; no cookie is issued.
   */
  mode?: "double-submit" | "origin";
  /** Django's `CSRF_COOKIE_NAME` (default `csrftoken`). */
  cookieName?: string;
  /** The header carrying the token (default `X-CSRFToken`, Django's). */
  headerName?: string;
  /**
   * Origins accepted besides the request's own, e.g. `"https://app.example.com"`, or
   * `"https://*.example.com"` for every subdomain (Django's `CSRF_TRUSTED_ORIGINS`). Also
   * where the public origin goes behind a TLS-terminating proxy that rewrites the URL.
   */
  trustedOrigins?: readonly string[];
  /**
   * `"cookies"` (default): check requests that carry a Cookie header. `"always"`: check every
   * call, for apps whose browsers hold other ambient credentials (HTTP Basic, client certs).
   */
  enforce?: "cookies" | "always";
  /** Attributes of the issued cookie (default `Path=/; SameSite=Lax`, `Secure` on https). */
  cookie?: {
    path?: string;
    domain?: string;
    sameSite?: "Strict" | "Lax" | "None";
    secure?: boolean;
  };
}

/** The checks a handler runs; built once by `createCsrf`. */
interface CsrfGuard {
  /**
   * Throws `403 CSRF_FAILED` when the call must be refused. `formToken` is the
   * `csrfmiddlewaretoken` field of a native form post, accepted in place of the header.
   */
  check(request: Request, formToken?: string | null): void;
  /** A Set-Cookie value issuing a fresh token, when this request should get one; else null. */
  issue(request: Request, route: "call" | "manifest" | "other"): string | null;
  /** The request's valid token, or a new one with the Set-Cookie that issues it. */
  token(request: Request): { token: string; setCookie: string | null };
}

/** Django's `CSRF_COOKIE_AGE`: one year, in seconds. */
const COOKIE_AGE = 31_449_600;
const TOKEN_LENGTH = 32;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Our tokens are 32 alphanumerics; Django's masked ones 64; anything odd is ignored. */
const WELL_FORMED = /^[A-Za-z0-9_-]{16,128}$/;

/** The refusals, by locale key (`http.CSRF_FAILED.<reason>`), with their English text. */
const REASONS = {
  cookie_not_set: "CSRF cookie not set.",
  token_missing: "CSRF token missing.",
  token_incorrect: "CSRF token incorrect.",
  no_origin: "no Origin header.",
  untrusted_origin: "the request's origin is not trusted.",
} as const;

function failed(reason: keyof typeof REASONS): MizanError {
  const english = `CSRF verification failed: ${REASONS[reason]}`;
  return new MizanError(
    "CSRF_FAILED",
    errorText("CSRF_FAILED", `http.CSRF_FAILED.${reason}`, english),
  );
}

/** `a === b` without an early exit, so the time taken tells nothing about the token. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** 32 characters from [A-Za-z0-9], uniformly, from Web Crypto (Node, Bun, Deno, workers). */
export function newToken(): string {
  let out = "";
  const bytes = new Uint8Array(64);
  while (out.length < TOKEN_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && out.length < TOKEN_LENGTH) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/**
 * The first cookie of that name in the request's Cookie header, percent-decoded when it can
 * be (`cookie`'s parser: the same rules as Express and most Node servers); null when absent.
 */
function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  return parseCookies(header)[name] ?? null;
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Build the CSRF guard of a handler; `false` turns protection off (for a handler that only
 * serves cookie-less API clients, or sits behind a framework that checks CSRF itself).
 *
 * @example
 * createHandler({ csrf: { mode: "origin", trustedOrigins: ["https://app.example.com"] } });
 */
export function createCsrf(option: CsrfOptions | false | undefined): CsrfGuard | null {
  if (option === false) return null;
  const mode = option?.mode ?? "double-submit";
  const cookieName = option?.cookieName ?? "csrftoken";
  const headerName = option?.headerName ?? "X-CSRFToken";
  const always = option?.enforce === "always";
  const trusted = trustedOriginTest(option?.trustedOrigins ?? [], "csrf.trustedOrigins");
  const cookie = option?.cookie ?? {};

  const applies = (request: Request): boolean => always || request.headers.has("cookie");
  const validToken = (request: Request): string | null => {
    const token = readCookie(request, cookieName);
    return token !== null && WELL_FORMED.test(token) ? token : null;
  };

  const checkToken = (request: Request, formToken: string | null | undefined): void => {
    const expected = validToken(request);
    if (!expected) throw failed("cookie_not_set");
    // Django reads the POST field first, then the header.
    const sent = formToken || request.headers.get(headerName);
    if (!sent) throw failed("token_missing");
    if (!constantTimeEqual(sent, expected)) throw failed("token_incorrect");
  };

  const checkOrigin = (request: Request): void => {
    const origin = request.headers.get("origin");
    const referer = request.headers.get("referer");
    const claimed = origin ?? (referer === null ? null : originOf(referer));
    if (claimed === null || claimed === "null") throw failed("no_origin");
    const own = new URL(request.url).origin;
    if (claimed === own || trusted(claimed)) return;
    throw failed("untrusted_origin");
  };

  const setCookieFor = (request: Request, token: string): string => {
    const secure = cookie.secure ?? new URL(request.url).protocol === "https:";
    let out = `${cookieName}=${token}; Max-Age=${COOKIE_AGE}; Path=${cookie.path ?? "/"}`;
    if (cookie.domain) out += `; Domain=${cookie.domain}`;
    if (secure) out += "; Secure";
    return `${out}; SameSite=${cookie.sameSite ?? "Lax"}`;
  };

  return {
    check(request, formToken) {
      if (!applies(request)) return;
      if (mode === "origin") checkOrigin(request);
      else checkToken(request, formToken);
    },
    issue(request, route) {
      if (mode !== "double-submit" || validToken(request)) return null;
      // A browser session (a Cookie header) gets a token with any answer; cookie-less clients
      // only when they ask for the manifest, which is how a page can fetch one up front.
      if (route !== "manifest" && !applies(request)) return null;
      return setCookieFor(request, newToken());
    },
    token(request) {
      const known = validToken(request);
      if (known) return { token: known, setCookie: null };
      const token = newToken();
      return { token, setCookie: setCookieFor(request, token) };
    },
  };
}

/**
 * The CSRF token a server-rendered page puts in a native form's hidden `csrfmiddlewaretoken`
 * field: the request's `csrftoken` cookie when it holds a valid one, else a new token with
 * the `Set-Cookie` header value to send along with the page (pass the handler's `csrf`
 * options, if any, so that the cookie name and attributes match).
 *
 * @example
 * const { token, setCookie } = csrfToken(request);
 * if (setCookie) headers.append("set-cookie", setCookie);
 * html += `<input type="hidden" name="csrfmiddlewaretoken" value="${token}">`;
 */
export function csrfToken(
  request: Request,
  options?: CsrfOptions,
): { token: string; setCookie: string | null } {
  const guard = createCsrf({ ...options, mode: "double-submit" }) as CsrfGuard;
  return guard.token(request);
}
