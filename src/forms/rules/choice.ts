import { pyStr } from "./core.js";
import { pyTruthy } from "./py.js";
import type { CoerceFn, RuleFn } from "./types.js";

// Shared rules of the choice fields (ChoiceField, MultipleChoiceField and their typed
// variants). Pure and dependency-free: they ship to the browser, and the server's fields call
// the very same functions.

/** MultipleChoiceField.to_python: falsy → [], a list → `[str(v) for v in value]`, else invalid_list. */
export const coerceStrList: CoerceFn = (value) => {
  if (!pyTruthy(value)) return { ok: true, value: [] };
  if (!Array.isArray(value)) return { ok: false, code: "invalid_list" };
  return { ok: true, value: value.map(pyStr) };
};

/** ChoiceField.valid_value: `str(value)` equals `str(k)` of some choice (groups flattened). */
export function isValidChoice(value: unknown, values: unknown): boolean {
  return Array.isArray(values) && values.includes(pyStr(value));
}

/** ChoiceField.validate: `if value and not valid_value(value)` → invalid_choice. */
export const choice: RuleFn = (value, params) =>
  pyTruthy(value) && !isValidChoice(value, params.values) ? { value } : null;

/** MultipleChoiceField.validate: the first value that is not a choice → invalid_choice. */
export const choiceList: RuleFn = (value, params) => {
  if (!Array.isArray(value)) return null;
  for (const item of value) if (!isValidChoice(item, params.values)) return { value: item };
  return null;
};

export const choiceCoercers: Record<string, CoerceFn> = { str_list: coerceStrList };
export const choiceRules: Record<string, RuleFn> = { choice, choice_list: choiceList };
