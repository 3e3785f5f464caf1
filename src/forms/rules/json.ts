// JSONField's `to_python` and `prepare_value`, shared with the browser.
import { isPlainObject } from "../../core/is-plain-object.js";
import { isEmptyInput } from "./py.js";
import type { CoerceFn, RuleFn } from "./types.js";

class NotJson extends Error {}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) throw new NotJson();
  return value;
}

/** A JSON value all the way down: plain objects, arrays, strings, finite numbers, booleans, null. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isPlainObject(value) && Object.values(value).every(isJsonValue);
}

const NUMBER_TOKEN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Whether JSON text (already known to parse) holds an integer literal a double cannot hold
 * exactly: Python reads `12345678901234567890` as that int, `JSON.parse` would silently round it.
 * Fractions and exponents are floats in Python too, rounded the same way.
 */
function hasInexactInteger(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string: up to the next quote that no backslash escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++;
      }
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const token = NUMBER_TOKEN.exec(text)?.[0] ?? "";
      if (/^-?[0-9]+$/.test(token) && !Number.isSafeInteger(Number(token))) return true;
      i += Math.max(token.length - 1, 0);
    }
  }
  return false;
}

/**
 * JSONField.to_python: empty → null; text → `json.loads`; an already-decoded value (object,
 * array, number, boolean) is kept. Python's `json.loads` also accepts NaN, Infinity, numbers
 * too big for a double ("1e400") and integers of any size; NaN and the infinities are not
 * JSON and cannot travel as JSON, and an integer beyond `Number.MAX_SAFE_INTEGER` would be
 * silently rounded, so all of them are invalid here.
 */
export const coerceJson: CoerceFn = (value) => {
  if (isEmptyInput(value)) return { ok: true, value: null };
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value, reviver);
      if (hasInexactInteger(value)) throw new NotJson();
      return { ok: true, value: parsed };
    } catch {
      return { ok: false, code: "invalid", params: { value } };
    }
  }
  if (isJsonValue(value)) return { ok: true, value };
  return { ok: false, code: "invalid", params: { value } };
};

/**
 * Python's `json.dumps(value, ensure_ascii=False)`: ", " and ": " separators, non-ASCII
 * kept as is (Django's JSONField.prepare_value, what a textarea shows).
 */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonDumps(v)}`).join(", ")}}`;
}

export const jsonCoercers: Record<string, CoerceFn> = { json: coerceJson };
export const jsonRules: Record<string, RuleFn> = {};
