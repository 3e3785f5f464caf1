import { plainHeaderEntries } from "../core/response-headers.js";
import { keepJsonText } from "./responses.js";

/**
 * A JSON answer's headers but Set-Cookie: lower-case names, one value each (repeated ones
 * joined with ", ", as `Headers` joins them), kept in one flat list (name, value, name,
 * value, …) sorted by name, the order Web `Headers` lists them in, so a writer sends them as
 * they are. `has`, `get` and `set` take lower-case names, as a `Map` of them would.
 */
export class AnswerHeaders {
  constructor(
    /** name, value, name, value, …: names in code-unit order. */
    readonly flat: string[],
  ) {}

  #at(name: string): number {
    const flat = this.flat;
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === name) return i;
    return -1;
  }

  has(name: string): boolean {
    return this.#at(name) !== -1;
  }

  get(name: string): string | undefined {
    const at = this.#at(name);
    return at === -1 ? undefined : this.flat[at + 1];
  }

  /** Sets a name's value: in its place when it is there, else where its name sorts. */
  set(name: string, value: string): void {
    const at = this.#at(name);
    if (at === -1) this.add(name, value);
    else this.flat[at + 1] = value;
  }

  /** Adds a name that is not there (an insertion sort's step: a handful of headers). */
  add(name: string, value: string): void {
    const flat = this.flat;
    let at = flat.length;
    while (at > 0 && (flat[at - 2] as string) > name) {
      flat[at] = flat[at - 2] as string;
      flat[at + 1] = flat[at - 1] as string;
      at -= 2;
    }
    flat[at] = name;
    flat[at + 1] = value;
  }
}

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
  /** Every header but Set-Cookie (see AnswerHeaders). */
  readonly headers: AnswerHeaders;
  /** Each Set-Cookie value, in order. */
  readonly cookies: string[];
  /** The body, JSON. */
  readonly text: string;
}

/**
 * The headers every JSON answer carries (a route's own `init` may replace Cache-Control),
 * sorted by name as AnswerHeaders keeps them.
 */
const DEFAULTS: readonly string[] = [
  "cache-control",
  "no-store",
  "content-type",
  "application/json; charset=utf-8",
  "x-content-type-options",
  "nosniff",
];

/**
 * `jsonTextResponse(status, text, extra, init)` as data: `extra`'s headers (a context's
 * cookies and headers), the defaults over them, then `init` over those.
 */
export function jsonAnswer(
  status: number,
  text: string,
  extra?: Headers,
  init?: Readonly<Record<string, string>>,
): JsonAnswer {
  const headers = new AnswerHeaders(DEFAULTS.slice());
  let cookies: string[] = [];
  const plain = extra && plainHeaderEntries(extra);
  // `add` only for a name not there yet: a default keeps its value over `extra`'s.
  if (plain) {
    // Only plain sets (a form's version header): no cookies, names already lower-case.
    for (const [name, value] of plain) if (!headers.has(name)) headers.add(name, value);
  } else if (extra) {
    cookies = extra.getSetCookie();
    for (const [name, value] of extra) {
      if (name !== "set-cookie" && !headers.has(name)) headers.add(name, value);
    }
  }
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
  const flat = answer.headers.flat;
  if (answer.cookies.length === 0 && !answer.headers.has("__proto__")) {
    const headers: Record<string, string> = {};
    for (let i = 0; i < flat.length; i += 2) headers[flat[i] as string] = flat[i + 1] as string;
    return keepJsonText(new Response(text, { status, headers }), text);
  }
  const headers: Array<[string, string]> = [];
  for (const cookie of answer.cookies) headers.push(["set-cookie", cookie]);
  for (let i = 0; i < flat.length; i += 2) headers.push([flat[i] as string, flat[i + 1] as string]);
  return keepJsonText(new Response(text, { status, headers }), text);
}
