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

/**
 * JSONField.to_python: empty → null; text → `json.loads`; an already-decoded value (object,
 * array, number, boolean) is kept. Python's `json.loads` also accepts NaN, Infinity and
 * numbers too big for a double ("1e400"); they are not JSON and cannot travel as JSON, so
 * they are invalid here.
 */
export const coerceJson: CoerceFn = (value) => {
  if (isEmptyInput(value)) return { ok: true, value: null };
  if (typeof value === "string") {
    try {
      return { ok: true, value: JSON.parse(value, reviver) };
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
