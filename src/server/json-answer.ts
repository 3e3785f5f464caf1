import { plainHeaderEntries } from "../core/response-headers.js";
import { keepJsonText } from "./responses.js";

/**
 * A JSON answer of the handler's own (a call's result or error envelope, a context read, the
 * manifest) before it is a Web `Response`: what `jsonResponse` would build, as plain data, so
 * that an adapter that writes bytes itself (`mizan/node`) sends it without undici's Response
 * and its body stream. `toWebResponse` makes the Response for Web callers, header for header
 * the same.
 */
export interface JsonAnswer {
  readonly kind: "json";
  readonly status: number;
  /**
   * Every header but Set-Cookie: lower-case names, one value each (repeated ones joined with
   * ", ", as `Headers` joins them), in the order they were set.
   */
  readonly headers: Map<string, string>;
  /** Each Set-Cookie value, in order. */
  readonly cookies: string[];
  /** The body, JSON. */
  readonly text: string;
}

/** The headers every JSON answer carries (a route's own `init` may replace Cache-Control). */
const CONTENT_TYPE = ["content-type", "application/json; charset=utf-8"] as const;
const CACHE_CONTROL = ["cache-control", "no-store"] as const;
const NOSNIFF = ["x-content-type-options", "nosniff"] as const;

/**
 * `jsonTextResponse(status, text, extra, init)` as data: `extra`'s headers (a context's
 * cookies and headers) first, then the defaults over them, then `init` over those.
 */
export function jsonAnswer(
  status: number,
  text: string,
  extra?: Headers,
  init?: Readonly<Record<string, string>>,
): JsonAnswer {
  const headers = new Map<string, string>();
  let cookies: string[] = [];
  const plain = extra && plainHeaderEntries(extra);
  if (plain) {
    // Only plain sets (a form's version header): no cookies, names already lower-case.
    for (const [name, value] of plain) headers.set(name, value);
  } else if (extra) {
    cookies = extra.getSetCookie();
    for (const [name, value] of extra) if (name !== "set-cookie") headers.set(name, value);
  }
  // DEFAULTS, written out: no destructuring of each pair per answer.
  headers.set(CONTENT_TYPE[0], CONTENT_TYPE[1]);
  headers.set(CACHE_CONTROL[0], CACHE_CONTROL[1]);
  headers.set(NOSNIFF[0], NOSNIFF[1]);
  if (init) for (const name in init) headers.set(name, init[name] as string);
  return { kind: "json", status, headers, cookies, text };
}

/** True for a `JsonAnswer` (as against a Web `Response` or an adapter's pass-through). */
export function isJsonAnswer(value: unknown): value is JsonAnswer {
  return (value as Partial<JsonAnswer> | null)?.kind === "json";
}

/**
 * The Web Response of a JSON answer, header for header what `jsonTextResponse` builds (each
 * Set-Cookie, then every other header once), made in one step: from a record of the headers
 * when there are no cookies (cheaper for undici to take than a list of pairs; `Headers` sorts
 * them anyway), else from the list. Its text kept for `jsonTextOf`, so a Node adapter given it
 * still sends it in one write.
 */
export function toWebResponse(answer: JsonAnswer): Response {
  const { status, text } = answer;
  if (answer.cookies.length === 0 && !answer.headers.has("__proto__")) {
    const headers: Record<string, string> = {};
    for (const [name, value] of answer.headers) headers[name] = value;
    return keepJsonText(new Response(text, { status, headers }), text);
  }
  const headers: Array<[string, string]> = [];
  for (const cookie of answer.cookies) headers.push(["set-cookie", cookie]);
  for (const entry of answer.headers) headers.push(entry);
  return keepJsonText(new Response(text, { status, headers }), text);
}
