import { isEmptyInput, PY_SPACE } from "./py.js";
import type { CoerceFn, RuleFn } from "./types.js";

const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

/** Python's `str.strip()`. */
export function pyStrip(value: string): string {
  // Most text has a visible ASCII character at each end (no Python space lies in U+0021 to
  // U+0084): nothing to strip, so skip the Unicode-whitespace pattern.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 133 && last > 32 && last < 133 ? value : value.replace(PY_STRIP, "");
}

/** Python's `str(value)` for what JSON can carry. */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value == null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number" && !Number.isFinite(value)) {
    return value > 0 ? "inf" : value < 0 ? "-inf" : "nan";
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map((entry) => entry.map(pyRepr).join(": "))
      .join(", ")}}`;
  }
  return String(value);
}

function pyRepr(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : pyStr(value);
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Length in code points, as Python's `len(str)`. */
export function pyLen(value: unknown): number {
  if (typeof value === "string") {
    // Only a surrogate pair is two units for one code point (a lone surrogate counts one).
    return HIGH_SURROGATE.test(value) ? [...value].length : value.length;
  }
  if (Array.isArray(value)) return value.length;
  return 0;
}

/** CharField.to_python: `str()`, optional strip, empty → `empty_value`. */
export const coerceStr: CoerceFn = (value, params) => {
  let v: unknown = value;
  if (!isEmptyInput(v)) {
    v = pyStr(v);
    if (params.strip !== false) v = pyStrip(v as string);
  }
  return {
    ok: true,
    // An empty result is the field's `empty_value` ("" unless given, null included).
    value: !isEmptyInput(v) ? v : params.empty === undefined ? "" : params.empty,
  };
};

export const maxLength: RuleFn = (value, params) => {
  // At most as many code points as UTF-16 units: a short enough string needs no count.
  if (typeof value === "string" && value.length <= (params.limit_value as number)) return null;
  const n = pyLen(value);
  return n > Number(params.limit_value) ? { show_value: n, value } : null;
};

export const minLength: RuleFn = (value, params) => {
  const n = pyLen(value);
  return n < Number(params.limit_value) ? { show_value: n, value } : null;
};

export const nullCharacters: RuleFn = (value) =>
  typeof value === "string" && value.includes("\x00") ? { value } : null;

export const coreCoercers: Record<string, CoerceFn> = { str: coerceStr };
export const coreRules: Record<string, RuleFn> = {
  max_length: maxLength,
  min_length: minLength,
  null_characters: nullCharacters,
};
