// Small Python semantics the rules share. Browser-safe: its one import, field-parts.ts,
// imports no value (the form pipeline and the rules share its EMPTY_VALUES test).

import { isEmptyValue } from "../field-parts.js";

/**
 * Python's whitespace (`str.isspace()`, also what `\s` matches in a `str` pattern), as the
 * body of a regex character class. It differs from JS `\s`: Python adds \x1c-\x1f and \x85,
 * and leaves out \ufeff.
 */
export const PY_SPACE =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Python's `\d` in a `str` pattern: any Unicode decimal digit (use with the `u` flag). */
export const PY_DIGIT = "\\p{Nd}";

const ND = /^\p{Nd}$/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Replace every Unicode decimal digit by its ASCII digit, as Python's `int()` and `float()`
 * read them ("٢٠٠٦" is 2006). Unicode encodes each digit set as a run 0..9, so a digit's
 * value is its distance from the start of its run, modulo 10.
 */
export function toAsciiDigits(text: string): string {
  if (ASCII.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80 || !ND.test(ch)) {
      out += ch;
      continue;
    }
    let start = cp;
    while (ND.test(String.fromCodePoint(start - 1))) start--;
    out += String((cp - start) % 10);
  }
  return out;
}

// A pattern built at load time is wrapped in a pure-marked arrow call: bundlers keep a bare
// top-level `new RegExp(template)` even when nothing uses it (the template might have effects),
// and drop the marked call, so a page that never parses an int does not carry it. (The rule
// modules use the same form for their patterns that only some of their exports need.)
const PY_INT = /* @__PURE__ */ (() =>
  new RegExp(`^[${PY_SPACE}]*([+-]?[0-9]+(?:_[0-9]+)*)[${PY_SPACE}]*$`))();

/** Python's `int(text)` for decimal text; `null` where Python raises ValueError. */
export function pyInt(text: string): number | null {
  const match = PY_INT.exec(toAsciiDigits(text));
  return match ? Number((match[1] as string).replace(/_/g, "")) : null;
}

/** Django's `EMPTY_VALUES`: None, "", [], (), {} (undefined counts as None). */
export { isEmptyValue as isEmptyInput } from "../field-parts.js";

/**
 * Python's `bool(value)` for what JSON can carry. A number is false only at zero (NaN is truthy
 * in Python), a boolean or bigint as itself; anything else is false exactly when it is one of
 * Django's EMPTY_VALUES (None, "", [], {}), which isEmptyValue tests.
 */
export function pyTruthy(value: unknown): boolean {
  if (typeof value === "number") return value !== 0;
  return typeof value === "boolean" || typeof value === "bigint" ? !!value : !isEmptyValue(value);
}

/** A JS `Date` (also from another realm, where `instanceof` fails). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
