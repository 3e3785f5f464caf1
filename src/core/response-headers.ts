/**
 * A call's response headers (`ctx.responseHeaders`) as a `Headers` that keeps plain `set`s in
 * a small map and builds undici's Headers only when something else is asked (`append`,
 * `delete`, iteration, an odd name or value). A form call sets one header per request (its
 * version); the real Headers, its checks and its sorted iteration cost more than the call's
 * own routing. Every member answers as a real Headers would, because every case this map
 * does not cover is handed to one.
 */

import { standInFor } from "./headers-stand-in.js";

interface BagState {
  /** Names (lower case) set with plain values, while there is no real Headers. */
  pending: Map<string, string> | undefined;
  /** The real Headers, once something needed it (every call goes to it from then on). */
  real: Headers | undefined;
}

let stateOf: (bag: object) => BagState;
let isBag: (value: object) => boolean;

/** An instance holding its state, on a prototype that sits on Headers.prototype. */
class HeaderBag {
  readonly #state: BagState = { pending: undefined, real: undefined };

  static {
    stateOf = (bag) => (bag as HeaderBag).#state;
    isBag = (value) => #state in value;
  }
}

/** An RFC 9110 field name, as Headers accepts it (anything else makes it throw). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * A value Headers stores as given: visible ASCII and inner spaces, no leading or trailing
 * whitespace to strip (Headers trims it), nothing it refuses (NUL, CR, LF, past U+00FF).
 */
const PLAIN_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;

/** The real Headers, holding what was set so far. */
function realOf(state: BagState): Headers {
  if (state.real) return state.real;
  const real = new Headers();
  if (state.pending) for (const [name, value] of state.pending) real.set(name, value);
  state.pending = undefined;
  state.real = real;
  return real;
}

/**
 * The last name and value found plain, and the name's lower case: a form sets the same header
 * to the same version on every call, so the checks below run once, not per call.
 */
let lastName: string | undefined;
let lastLower = "";
let lastValue: string | undefined;

/** The lower-case name, when the map can answer for it; else undefined (the real one must). */
function plainName(state: BagState, name: unknown): string | undefined {
  if (state.real || typeof name !== "string") return undefined;
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

(() => {
  const proto = HeaderBag.prototype;
  standInFor(proto, (bag) => realOf(stateOf(bag)));
  const method = (name: string, value: (this: object, ...args: never[]) => unknown): void => {
    Object.defineProperty(proto, name, { value, configurable: true, writable: true });
  };
  method("set", function (this: object, name: string, value: string): void {
    const state = stateOf(this);
    const lower = plainName(state, name);
    if (lower === undefined || !plainValue(value)) {
      // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
      realOf(state).set(...(arguments as unknown as [string, string]));
      return;
    }
    state.pending ??= new Map();
    state.pending.set(lower, value);
  });
  method("get", function (this: object, name: string): string | null {
    const state = stateOf(this);
    const lower = plainName(state, name);
    // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
    if (lower === undefined) return realOf(state).get(...(arguments as unknown as [string]));
    return state.pending?.get(lower) ?? null;
  });
  method("has", function (this: object, name: string): boolean {
    const state = stateOf(this);
    const lower = plainName(state, name);
    // biome-ignore lint/complexity/noArguments: the real one counts them (too few throw)
    if (lower === undefined) return realOf(state).has(...(arguments as unknown as [string]));
    return state.pending?.has(lower) ?? false;
  });
  method("getSetCookie", function (this: object): string[] {
    const state = stateOf(this);
    return state.real ? state.real.getSetCookie() : [];
  });
})();

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
 * plain entries (lower-case names, no Set-Cookie) while `headers` is a bag that never needed
 * its real Headers; `undefined` for anything else (iterate it as Headers then).
 */
export function plainHeaderEntries(headers: Headers): ReadonlyMap<string, string> | undefined {
  if (!isBag(headers)) return undefined;
  const state = stateOf(headers);
  return state.real ? undefined : (state.pending ?? EMPTY);
}

const EMPTY: ReadonlyMap<string, string> = new Map();
