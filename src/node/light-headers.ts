import type { IncomingMessage } from "node:http";
import { standInFor } from "../core/headers-stand-in.js";
import { requestHeaders } from "./incoming-request.js";

/** Where a view reads from, and the real Headers once something needed it. */
export interface HeaderSource {
  readonly req: Pick<IncomingMessage, "headers">;
  headers: Headers | undefined;
}

let sourceOf: (view: object) => HeaderSource;

/** A view: an instance holding its source, on a prototype that sits on Headers.prototype. */
class HeaderView {
  readonly #source: HeaderSource;

  constructor(source: HeaderSource) {
    this.#source = source;
  }

  static {
    sourceOf = (view) => (view as HeaderView).#source;
  }
}

/** The request's headers as Web `Headers`, built once (the view's answers from then on). */
export function realHeaders(source: HeaderSource): Headers {
  source.headers ??= requestHeaders(source.req);
  return source.headers;
}

/** An RFC 9110 field name: what `Headers` accepts (anything else makes it throw). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Names asked before, with node's key for each (the handler asks the same few every call). */
const KEYS = new Map<string, string>();
const MAX_KEYS = 64;

/** Node's key for a field name (lower case); undefined for a name `Headers` would refuse. */
function keyOf(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  let key = KEYS.get(name);
  if (key === undefined) {
    if (!TOKEN.test(name)) return undefined;
    key = name.toLowerCase();
    if (KEYS.size < MAX_KEYS) KEYS.set(name, key);
  }
  return key;
}

/**
 * `get(name)` read straight from node's parsed headers, as the Headers built from them would
 * answer it; `undefined` when only the real Headers can (it exists already, so it may have
 * been changed; an odd name, which it refuses; an HTTP/2 pseudo-header, which it leaves out).
 */
function peek(source: HeaderSource, name: unknown): string | null | undefined {
  if (source.headers) return undefined;
  const key = keyOf(name);
  if (key === undefined) return undefined;
  const value = source.req.headers[key];
  if (value === undefined) return null;
  // requestHeaders appends each item of a list; Headers joins them again with ", ".
  return Array.isArray(value) ? value.join(", ") : String(value);
}

(() => {
  const proto = HeaderView.prototype;
  standInFor(proto, (view) => realHeaders(sourceOf(view)));
  Object.defineProperty(proto, "get", {
    value(this: object, name: string): string | null {
      const value = peek(sourceOf(this), name);
      return value === undefined ? realHeaders(sourceOf(this)).get(name) : value;
    },
    configurable: true,
    writable: true,
  });
  Object.defineProperty(proto, "has", {
    value(this: object, name: string): boolean {
      const value = peek(sourceOf(this), name);
      return value === undefined ? realHeaders(sourceOf(this)).has(name) : value !== null;
    },
    configurable: true,
    writable: true,
  });
})();

/**
 * A request's headers as `Headers` (an instance, every method) that answers `get` and `has`
 * from node's own parsed headers and builds the real Headers only when something else is
 * asked (iteration, a change): the CSRF, media-type and language checks of a call read a few
 * headers, and copying them all into a Headers per request cost more than those reads.
 */
export function lightHeaders(source: HeaderSource): Headers {
  return new HeaderView(source) as unknown as Headers;
}
