import { pyStr, pyStrip } from "./core.js";
import { isEmptyInput, toAsciiDigits } from "./py.js";
import type { CoerceFn, CoerceResult, RuleFn, RuleParams } from "./types.js";

// Shared rules of the numeric fields (IntegerField, FloatField, DecimalField). Pure and dependency-free: they ship
// to the browser, and the server's fields call the very same functions.

const INVALID: CoerceResult = { ok: false, code: "invalid" };

// ---- Python's number syntax ----

const INT_SYNTAX = /^[+-]?\d+(?:_\d+)*$/;
const DIGITS = "\\d(?:_?\\d)*";
const FLOAT_SYNTAX = /* @__PURE__ */ (() =>
  new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`))();
const FLOAT_SPECIAL = /^([+-]?)(?:(inf|infinity)|nan)$/i;

/**
 * Python's `int(text)`: surrounding whitespace, a sign, underscores between digits, any
 * Unicode decimal digits. `null` when Python raises, and when the result is beyond
 * `Number.MAX_SAFE_INTEGER` (a JS number would silently hold a different integer).
 */
export function pyInt(text: string): number | null {
  const ascii = toAsciiDigits(pyStrip(text));
  if (!INT_SYNTAX.test(ascii)) return null;
  const n = Number(ascii.replace(/_/g, ""));
  return Number.isSafeInteger(n) ? n + 0 : null; // + 0 turns -0 into 0
}

/** Python's `float(text)`, including "inf", "-Infinity" and "nan"; `null` when Python raises. */
export function pyFloat(text: string): number | null {
  const ascii = toAsciiDigits(pyStrip(text));
  if (FLOAT_SYNTAX.test(ascii)) return Number(ascii.replace(/_/g, ""));
  const special = FLOAT_SPECIAL.exec(ascii);
  if (!special) return null;
  if (!special[2]) return Number.NaN;
  return special[1] === "-" ? -Infinity : Infinity;
}

// ---- Decimals as strings: exact arithmetic on (sign, coefficient, exponent) ----

/** A finite decimal `(-1)^neg × coef × 10^exp`, like Python's `Decimal.as_tuple()`. */
interface DecimalParts {
  neg: boolean;
  coef: bigint;
  exp: number;
}
type DecimalSpecial = { neg: boolean; special: "NaN" | "sNaN" | "Infinity" };

const DECIMAL_SYNTAX = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const DECIMAL_SPECIAL = /^([+-]?)(?:(inf(?:inity)?)|(s?)nan\d*)$/i;
/** Beyond this exponent the plain form would be huge; such input is refused as invalid. */
const MAX_EXPONENT = 1000;

/** Python's `Decimal(text)` grammar, on ASCII text without whitespace or underscores. */
function parseDecimal(text: string): DecimalParts | DecimalSpecial | null {
  const m = DECIMAL_SYNTAX.exec(text);
  if (m) {
    const frac = m[3] ?? m[4] ?? "";
    return {
      neg: m[1] === "-",
      coef: BigInt((m[2] ?? "") + frac),
      exp: Number(m[5] ?? 0) - frac.length,
    };
  }
  const s = DECIMAL_SPECIAL.exec(text);
  if (!s) return null;
  return { neg: s[1] === "-", special: s[2] ? "Infinity" : s[3] ? "sNaN" : "NaN" };
}

/** The plain (never scientific) form that keeps the scale and the sign: 3.10 stays "3.10", -0.0 "-0.0". */
function formatDecimal(d: DecimalParts): string {
  let text: string;
  if (d.exp >= 0) {
    text = d.coef === 0n ? "0" : d.coef.toString() + "0".repeat(d.exp);
  } else {
    const scale = -d.exp;
    const digits = d.coef.toString().padStart(scale + 1, "0");
    text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return d.neg ? `-${text}` : text;
}

/** A number or decimal string as exact parts; `null` for anything else (and non-finite). */
function toDecimal(value: unknown): DecimalParts | null {
  if (typeof value === "bigint")
    return { neg: value < 0n, coef: value < 0n ? -value : value, exp: 0 };
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (typeof value !== "number" && typeof value !== "string") return null;
  const d = parseDecimal(String(value));
  return d && !("special" in d) ? d : null;
}

function signed(d: DecimalParts, exp: number): bigint {
  const c = d.coef * 10n ** BigInt(d.exp - exp);
  return d.neg ? -c : c;
}

function fromSigned(n: bigint, exp: number): DecimalParts {
  return { neg: n < 0n, coef: n < 0n ? -n : n, exp };
}

function addDecimal(a: DecimalParts, b: DecimalParts): DecimalParts {
  const exp = Math.min(a.exp, b.exp);
  return fromSigned(signed(a, exp) + signed(b, exp), exp);
}

function negate(d: DecimalParts): DecimalParts {
  return { ...d, neg: !d.neg };
}

function compareDecimal(a: DecimalParts, b: DecimalParts): number {
  const exp = Math.min(a.exp, b.exp);
  const x = signed(a, exp);
  const y = signed(b, exp);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Python's `a < b` for the values numeric fields hold: numbers compare as numbers, and as soon
 * as a decimal string is involved the comparison is exact (never through a float). `null` when
 * the two cannot be compared (the check then passes).
 */
export function compareNumeric(a: unknown, b: unknown): number | null {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da && db) return compareDecimal(da, db);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** CPython's `math.remainder` (IEEE 754 remainder: x − n·y with n the nearest integer, ties to even). */
function pyRemainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || y === 0) return Number.NaN;
  if (!Number.isFinite(y)) return x;
  const absx = Math.abs(x);
  const absy = Math.abs(y);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (absx - m)) % absy);
  return x < 0 || Object.is(x, -0) ? -r : r;
}

// ---- to_python ----

/** IntegerField.to_python: `int(re.sub(r"\.0*\s*$", "", str(value)))`, empty → null. */
export const coerceInt: CoerceFn = (value) => {
  if (isEmptyInput(value)) return { ok: true, value: null };
  // A safe integer's str() is its digits, which int() reads back (-0 gives 0).
  if (Number.isSafeInteger(value)) return { ok: true, value: (value as number) + 0 };
  let text = pyStr(value);
  const right = pyStrip(`x${text}`).slice(1); // strip trailing whitespace only
  const decimal = /\.0*$/.exec(right);
  if (decimal) text = right.slice(0, decimal.index);
  const n = pyInt(text);
  return n === null ? INVALID : { ok: true, value: n };
};

/** FloatField.to_python: `float(value)` (so True is 1.0), empty → null. */
export const coerceFloat: CoerceFn = (value) => {
  if (isEmptyInput(value)) return { ok: true, value: null };
  if (typeof value === "number") return { ok: true, value };
  if (typeof value === "bigint") return { ok: true, value: Number(value) };
  if (typeof value === "boolean") return { ok: true, value: value ? 1 : 0 };
  if (typeof value !== "string") return INVALID;
  const n = pyFloat(value);
  return n === null ? INVALID : { ok: true, value: n };
};

/**
 * DecimalField.to_python: `Decimal(str(value))`, as a plain decimal string keeping its scale
 * ("1.50" → "1.50", "1E+2" → "100"); NaN and infinities come out as "NaN", "sNaN",
 * "Infinity", "-Infinity" for `validate()` to refuse, as Django does.
 */
export const coerceDecimal: CoerceFn = (value) => {
  if (isEmptyInput(value)) return { ok: true, value: null };
  // Decimal() strips whitespace, ignores "_" anywhere and reads any Unicode decimal digit.
  const d = parseDecimal(toAsciiDigits(pyStrip(pyStr(value)).replace(/_/g, "")));
  if (!d) return INVALID;
  if ("special" in d) {
    return { ok: true, value: d.special === "Infinity" && d.neg ? "-Infinity" : d.special };
  }
  if (Math.abs(d.exp) > MAX_EXPONENT && !(d.coef === 0n && d.exp > 0)) return INVALID;
  return { ok: true, value: formatDecimal(d) };
};

// ---- validate() and validators ----

/** MaxValueValidator: `value > limit_value`. */
export const maxValue: RuleFn = (value, params) => {
  const c = compareNumeric(value, params.limit_value);
  return c !== null && c > 0 ? { show_value: value, value } : null;
};

/** MinValueValidator: `value < limit_value`. */
export const minValue: RuleFn = (value, params) => {
  const c = compareNumeric(value, params.limit_value);
  return c !== null && c < 0 ? { show_value: value, value } : null;
};

/**
 * StepValueValidator: `not math.isclose(math.remainder(value - offset, step), 0, abs_tol=1e-9)`.
 * For decimal strings `value - offset` is exact (Django subtracts Decimals) and the remainder
 * works on floats, as Django's does.
 */
export const stepSize: RuleFn = (value, params) => {
  const step = params.limit_value;
  const offset = params.offset ?? null;
  const decimal =
    typeof value === "string" || typeof step === "string" || typeof offset === "string";
  let diff: number;
  if (decimal) {
    const v = toDecimal(value);
    const o = offset === null ? { neg: false, coef: 0n, exp: 0 } : toDecimal(offset);
    if (!v || !o) return null;
    diff = Number(formatDecimal(addDecimal(v, negate(o))));
  } else if (typeof value === "number") {
    diff = value - Number(offset ?? 0);
  } else {
    return null;
  }
  if (Math.abs(pyRemainder(diff, Number(step))) <= 1e-9) return null;
  if (offset === null) return { show_value: value, value };
  return stepExamples(step, offset, decimal);
};

function stepExamples(step: unknown, offset: unknown, decimal: boolean) {
  if (decimal) {
    const s = toDecimal(step);
    const o = toDecimal(offset);
    if (s && o) {
      const v1 = addDecimal(o, s);
      return {
        offset: formatDecimal(o),
        valid_value1: formatDecimal(v1),
        valid_value2: formatDecimal(addDecimal(v1, s)),
      };
    }
  }
  const o = Number(offset);
  const s = Number(step);
  return { offset: o, valid_value1: o + s, valid_value2: o + 2 * s };
}

/** FloatField/DecimalField.validate: NaN and infinities are refused (code `invalid`). */
export const finite: RuleFn = (value) => {
  if (typeof value === "number") return Number.isFinite(value) ? null : { value };
  if (typeof value !== "string" || value === "") return null;
  const d = parseDecimal(value);
  return d && "special" in d ? { value } : null;
};

type DecimalCheck = "max_digits" | "max_decimal_places" | "max_whole_digits";

/** DecimalValidator's first failing check, with Django's digit counting from `as_tuple()`. */
function decimalFailure(value: unknown, params: RuleParams): DecimalCheck | null {
  const d = toDecimal(value);
  if (!d) return null;
  const n = d.coef.toString().length; // Decimal("0.00").as_tuple().digits == (0,)
  let digits: number;
  let decimals: number;
  if (d.exp >= 0) {
    digits = d.coef === 0n ? n : n + d.exp;
    decimals = 0;
  } else if (-d.exp > n) {
    digits = decimals = -d.exp;
  } else {
    digits = n;
    decimals = -d.exp;
  }
  const maxDigits = typeof params.max_digits === "number" ? params.max_digits : null;
  const places = typeof params.decimal_places === "number" ? params.decimal_places : null;
  if (maxDigits !== null && digits > maxDigits) return "max_digits";
  if (places !== null && decimals > places) return "max_decimal_places";
  if (maxDigits !== null && places !== null && digits - decimals > maxDigits - places) {
    return "max_whole_digits";
  }
  return null;
}

// DecimalValidator raises one of three codes; each is its own rule, failing only when it is
// the first failing check, so running all of them reports exactly Django's single error.
const decimalCheck =
  (check: DecimalCheck): RuleFn =>
  (value, params) =>
    decimalFailure(value, params) === check ? { value } : null;

export const decimalMaxDigits = decimalCheck("max_digits");
export const decimalMaxDecimalPlaces = decimalCheck("max_decimal_places");
export const decimalMaxWholeDigits = decimalCheck("max_whole_digits");

export const numericCoercers: Record<string, CoerceFn> = {
  int: coerceInt,
  float: coerceFloat,
  decimal: coerceDecimal,
};

export const numericRules: Record<string, RuleFn> = {
  max_value: maxValue,
  min_value: minValue,
  step_size: stepSize,
  finite,
  decimal_max_digits: decimalMaxDigits,
  decimal_max_decimal_places: decimalMaxDecimalPlaces,
  decimal_max_whole_digits: decimalMaxWholeDigits,
};
