// Django's `parse_duration` (django/utils/dateparse.py) and `duration_string`
// (django/utils/duration.py). A duration is a whole number of microseconds (BigInt), built
// the way CPython's C `timedelta()` builds it from floats, so rounding and overflow agree.
import { PY_DIGIT, toAsciiDigits } from "./py.js";

const D = PY_DIGIT;
// Python's `$` also matches before a final newline.
const END = "(?=\\n?$)";
const STANDARD = new RegExp(
  `^(?:(?<days>-?${D}+) (?:days?, )?)?(?<sign>-?)(?:(?:(?<hours>${D}+):)(?=${D}+:${D}+))?` +
    `(?:(?<minutes>${D}+):)?(?<seconds>${D}+)(?:[.,](?<microseconds>${D}{1,6})${D}{0,6})?${END}`,
  "u",
);
const ISO_8601 = new RegExp(
  `^(?<sign>[-+]?)P(?:(?<days>${D}+(?:[.,]${D}+)?)D)?(?:T(?:(?<hours>${D}+(?:[.,]${D}+)?)H)?` +
    `(?:(?<minutes>${D}+(?:[.,]${D}+)?)M)?(?:(?<seconds>${D}+(?:[.,]${D}+)?)S)?)?${END}`,
  "u",
);
const POSTGRES = new RegExp(
  `^(?:(?<days>-?${D}+) (?:days? ?))?(?:(?<sign>[-+])?(?<hours>${D}+):(?<minutes>${D}${D}):` +
    `(?<seconds>${D}${D})(?:\\.(?<microseconds>${D}{1,6}))?)?${END}`,
  "u",
);

const US_PER_DAY = 86_400_000_000n;
/** `timedelta.min.days` / `timedelta.max.days`. */
export const MIN_DAYS = -999_999_999;
export const MAX_DAYS = 999_999_999;

const FACTORS: Array<[string, bigint]> = [
  ["microseconds", 1n],
  ["seconds", 1_000_000n],
  ["minutes", 60_000_000n],
  ["hours", 3_600_000_000n],
  ["days", US_PER_DAY],
];

class Overflow extends Error {}

function inRange(us: bigint): bigint {
  const days = us >= 0n ? us / US_PER_DAY : -((-us + US_PER_DAY - 1n) / US_PER_DAY);
  if (days < BigInt(MIN_DAYS) || days > BigInt(MAX_DAYS)) throw new Overflow();
  return us;
}

function bigintOf(whole: number): bigint {
  if (!Number.isFinite(whole)) throw new Overflow();
  return BigInt(whole);
}

/**
 * CPython's `timedelta(**kw)` with float arguments: whole parts exactly, fractional parts
 * summed as a double and rounded half-to-even at the end (`accum` in _datetimemodule.c).
 */
function timedelta(kw: Record<string, number>): bigint {
  let total = 0n;
  let leftover = 0;
  for (const [key, factor] of FACTORS) {
    const value = kw[key];
    if (value === undefined) continue;
    const whole = Math.trunc(value);
    total += bigintOf(whole) * factor;
    const fraction = value - whole;
    if (fraction === 0) continue;
    const scaled = Number(factor) * fraction;
    const scaledWhole = Math.trunc(scaled);
    total += bigintOf(scaledWhole);
    leftover += scaled - scaledWhole;
  }
  if (leftover) {
    // C's round() goes half away from zero; exact halves go to the even total instead.
    let whole = Math.sign(leftover) * Math.round(Math.abs(leftover));
    if (Math.abs(whole - leftover) === 0.5) {
      const odd = total % 2n !== 0n ? 1 : 0;
      const half = (leftover + odd) * 0.5;
      whole = 2 * Math.sign(half) * Math.round(Math.abs(half)) - odd;
    }
    total += BigInt(whole);
  }
  return inRange(total);
}

/**
 * `parse_duration`: total microseconds, `"overflow"` where Python raises OverflowError
 * (more than 999999999 days either way), or null when the text is not a duration.
 *
 * @example
 * parseDuration("3 days, 10:11:12"); // 295872000000n
 */
export function parseDuration(text: string): bigint | "overflow" | null {
  let iso = false;
  let match = STANDARD.exec(text);
  if (!match) {
    match = ISO_8601.exec(text);
    iso = match !== null;
  }
  match ??= POSTGRES.exec(text);
  if (!match) return null;
  const groups = { ...(match.groups as Record<string, string | undefined>) };
  const sign = groups.sign === "-" ? -1n : 1n;
  delete groups.sign;
  if (groups.microseconds) groups.microseconds = toAsciiDigits(groups.microseconds).padEnd(6, "0");
  const kw: Record<string, number> = {};
  for (const [key, value] of Object.entries(groups)) {
    if (value !== undefined) kw[key] = Number(toAsciiDigits(value).replace(",", "."));
  }
  try {
    let days = timedelta({ days: kw.days || 0 });
    delete kw.days;
    if (iso) days = inRange(days * sign);
    return inRange(days + inRange(sign * timedelta(kw)));
  } catch (error) {
    if (error instanceof Overflow) return "overflow";
    throw error;
  }
}

function pad2(n: bigint): string {
  return String(n).padStart(2, "0");
}

/**
 * Django's `duration_string`: "[D ]HH:MM:SS[.ffffff]", where only the day count carries a
 * sign (Python's timedelta normalisation: -1 second is "-1 23:59:59").
 */
export function durationString(us: bigint): string {
  const days = us >= 0n ? us / US_PER_DAY : -((-us + US_PER_DAY - 1n) / US_PER_DAY);
  const rest = us - days * US_PER_DAY;
  const seconds = rest / 1_000_000n;
  const micro = rest % 1_000_000n;
  let text = `${pad2(seconds / 3600n)}:${pad2((seconds / 60n) % 60n)}:${pad2(seconds % 60n)}`;
  if (days) text = `${days} ${text}`;
  if (micro) text += `.${String(micro).padStart(6, "0")}`;
  return text;
}
