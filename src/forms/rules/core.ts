import { isEmptyInput, PY_SPACE } from "./py.js";
import type { CoerceFn, RuleFn } from "./types.js";

const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

/** Python's `str.strip()`. */
export function pyStrip(value: string): string {
  return value.replace(PY_STRIP, "");
}

/** Python's `str(value)` for what JSON can carry. */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null || value === undefined) return "None";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "nan";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  return String(value);
}

function pyRepr(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : pyStr(value);
}

/** Length in code points, as Python's `len(str)`. */
export function pyLen(value: unknown): number {
  if (typeof value === "string") {
    let n = 0;
    for (const _ of value) n++;
    return n;
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
  if (isEmptyInput(v)) return { ok: true, value: params.empty === undefined ? "" : params.empty };
  return { ok: true, value: v };
};

export const maxLength: RuleFn = (value, params) => {
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
