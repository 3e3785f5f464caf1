import { pyTruthy } from "./py.js";
import type { CoerceFn } from "./types.js";

// The `to_python`s of BooleanField and NullBooleanField. Pure and dependency-free: they ship
// to the browser, and the server's fields call the very same functions.

/** BooleanField.to_python: "false"/"0" in any case → false, else Python's `bool(value)`. */
export const coerceBool: CoerceFn = (value) => {
  if (typeof value === "string" && (value.toLowerCase() === "false" || value === "0")) {
    return { ok: true, value: false };
  }
  return { ok: true, value: pyTruthy(value) };
};

/** NullBooleanField.to_python: True/"True"/"true"/"1" → true, False/"False"/"false"/"0" → false, else null. */
export const coerceNullBool: CoerceFn = (value) => {
  // Python's `in` compares with ==, so 1 and 0 count as True and False.
  if (value === true || value === 1 || value === "True" || value === "true" || value === "1") {
    return { ok: true, value: true };
  }
  if (value === false || value === 0 || value === "False" || value === "false" || value === "0") {
    return { ok: true, value: false };
  }
  return { ok: true, value: null };
};

export const booleanCoercers: Record<string, CoerceFn> = {
  bool: coerceBool,
  null_bool: coerceNullBool,
};
