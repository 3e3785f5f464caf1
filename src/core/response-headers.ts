/**
 * A call's response headers (`ctx.responseHeaders`) as a `Headers` that keeps plain `set`s in
 * a small map and builds undici's Headers only when something else is asked (`append`,
 * `delete`, iteration, an odd name or value). A form call sets one header per request (its
 * version); the real Headers, its checks and its sorted iteration cost more than the call's
 * own routing. Every member answers as a real Headers would, because every case this map
 * does not cover is handed to one.
 */

import { standInFor } from "./headers-stand-in.js";

/** An RFC 9110 field name, as Headers accepts it (anything else makes it throw). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * A value Headers stores as given: visible ASCII and inner spaces, no leading or trailing
 * whitespace to strip (Headers trims it), nothing it refuses (NUL, CR, LF, past U+00FF).
 */
const PLAIN_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;

/**
 * The last name and value found plain, and the name's lower case: a form sets the same header
 * to the same version on every call, so the checks below run once, not per call.
 */
let lastName: string | undefined;
let lastLower = "";
let lastValue: string | undefined;

/** The lower-case name, when the bag can answer for it; else undefined (the real one must). */
function plainName(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  if (name === lastName) return lastLower;
  if (!TOKEN.test(name)) return undefined;
  const lower = name.toLowerCase();
  // Set-Cookie keeps each value apart: only the real Headers holds that.
  if (lower === "set-cookie") return undefined;
  lastName = name;
  lastLower = lower;
  return lower;
}

/** True for a value Headers would store as given (see PLAIN_VALUE). */
function plainValue(value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (value === lastValue) return true;
  if (!PLAIN_VALUE.test(value)) return false;
  lastValue = value;
  return true;
}

/**
 * True when `headers.set(name, value)` on a new bag would keep them as they are (no real
 * Headers needed, nothing to throw): a name and value that can wait to be set.
 */
export function isPlainHeader(name: string, value: string): boolean {
  return plainName(name) !== undefined && plainValue(value);
}

type Pairs = Iterable<readonly [string, string]>;

let entriesOf: (value: object) => Pairs | undefined;

/**
 * An instance holding its own state, on a prototype that sits on Headers.prototype. While no
 * real Headers is made, the first plain name set (a form call sets one) is kept in two fields,
 * and a map holds them all once a second name comes.
 */
class HeaderBag {
  /** The one plain name set so far (lower case), while `#pending` is not made. */
  #name: string | undefined = undefined;
  #value = "";
  /** Every plain name set, in order, once there are two. */
  #pending: Map<string, string> | undefined = undefined;
  /** The real Headers, once something needed it (every call goes to it from then on). */
  #real: Headers | undefined = undefined;

  /** The real Headers, holding what was set so far. */
  #made(): Headers {
    if (this.#real) return this.#real;
    const real = new Headers();
    if (this.#pending) for (const [name, value] of this.#pending) real.set(name, value);
    else if (this.#name !== undefined) real.set(this.#name, this.#value);
    this.#pending = undefined;
    this.#name = undefined;
    this.#real = real;
    return real;
  }

  /** The plain value set for a lower-case name, or null. */
  #plain(lower: string): string | null {
    if (this.#pending) return this.#pending.get(lower) ?? null;
    return lower === this.#name ? this.#value : null;
  }

  static {
    const proto = HeaderBag.prototype;
    standInFor(proto, (bag) => (bag as HeaderBag).#made());
    const method = (name: string, value: (this: HeaderBag, ...args: never[]) => unknown): void => {
      Object.defineProperty(proto, name, { value, configurable: true, writable: true });
    };
    method("set", function (this: HeaderBag, name: string, value: string): void {
      const lower = this.#real ? undefined : plainName(name);
      if (lower === undefined || !plainValue(value)) {
        // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
        this.#made().set(...(arguments as unknown as [string, string]));
        return;
      }
      if (this.#pending) {
        this.#pending.set(lower, value);
      } else if (this.#name === undefined || this.#name === lower) {
        this.#name = lower;
        this.#value = value;
      } else {
        this.#pending = new Map([
          [this.#name, this.#value],
          [lower, value],
        ]);
        this.#name = undefined;
      }
    });
    method("get", function (this: HeaderBag, name: string): string | null {
      const lower = this.#real ? undefined : plainName(name);
      // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
      if (lower === undefined) return this.#made().get(...(arguments as unknown as [string]));
      return this.#plain(lower);
    });
    method("has", function (this: HeaderBag, name: string): boolean {
      const lower = this.#real ? undefined : plainName(name);
      // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
      if (lower === undefined) return this.#made().has(...(arguments as unknown as [string]));
      return this.#plain(lower) !== null;
    });
    method("getSetCookie", function (this: HeaderBag): string[] {
      return this.#real ? this.#real.getSetCookie() : [];
    });
    entriesOf = (value) => {
      if (!(#real in value) || value.#real) return undefined;
      if (value.#pending) return value.#pending;
      return value.#name === undefined ? EMPTY : [[value.#name, value.#value]];
    };
  }
}

const EMPTY: Pairs = [];

/**
 * A fresh, empty `Headers` for a call's response (an instance, every method) that builds
 * undici's only when more than `get`, `has`, `set` or `getSetCookie` is asked.
 *
 * @example
 * const headers = responseHeaders();
 * headers.set("X-Mizan-Form-Version", "3f2a"); // no undici Headers made
 * [...headers]; // [["x-mizan-form-version", "3f2a"]] (now backed by a real Headers)
 */
export function responseHeaders(): Headers {
  return new HeaderBag() as unknown as Headers;
}

/**
 * What a transport copies out of response headers without iterating a real Headers: the
 * plain entries (lower-case names, no Set-Cookie, in the order set) while `headers` is a bag
 * that never needed its real Headers; `undefined` for anything else (iterate it as Headers then).
 */
export function plainHeaderEntries(
  headers: Headers,
): Iterable<readonly [string, string]> | undefined {
  return entriesOf(headers);
}
