// Django's `parse_datetime` (django/utils/dateparse.py): CPython's `datetime.fromisoformat`
// first, then Django's own regex. fromisoformat is ported from the C implementation
// (Modules/_datetimemodule.c, Python 3.11+), which reads the time part as UTF-8 bytes and
// has a few lenient corners that are kept on purpose so the verdicts match.
import { fromOrdinal, isLeap, isValidDateTime, type PyDateTime, toOrdinal } from "./calendar.js";
import { PY_DIGIT, PY_SPACE, pyInt, toAsciiDigits } from "./py.js";

const NON_ASCII = /[\x80-\uffff]/;
const NON_ASCII_ALL = /[^\0-\x7f]/gu;

/** A string as C sees it after UTF-8 encoding: ASCII kept, other bytes as 0x80; 0 past the end. */
class Bytes {
  readonly text: string;
  constructor(text: string) {
    this.text = NON_ASCII.test(text)
      ? text.replace(NON_ASCII_ALL, (ch) => {
          const cp = ch.codePointAt(0) as number;
          return "\x80".repeat(cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
        })
      : text;
  }
  at(i: number): number {
    return this.text.charCodeAt(i) || 0;
  }
  get length(): number {
    return this.text.length;
  }
}

const ZERO = 48;
const COLON = 58;
const DASH = 45;

/** `parse_digits`: n ASCII digits at `pos`, or null. */
function digits(b: Bytes, pos: number, n: number): number | null {
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = b.at(pos + i) - ZERO;
    if (c < 0 || c > 9) return null;
    value = value * 10 + c;
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** `_find_isoformat_datetime_separator` (on code points; the separator is any one of them). */
function findSeparator(s: string | string[]): number {
  const len = s.length;
  if (len === 7) return 7;
  if (s[4] === "-") {
    if (s[5] !== "W") return 10;
    if (len < 8) return -1;
    if (len > 8 && s[8] === "-") {
      if (len === 9) return -1;
      if (len > 10 && /[0-9]/.test(s[10] as string)) return 8;
      return 10;
    }
    return 8;
  }
  if (s[4] === "W") {
    let idx = 7;
    while (idx < len && /[0-9]/.test(s[idx] as string)) idx++;
    if (idx < 9) return idx;
    return idx % 2 === 0 ? 7 : 8;
  }
  return 8;
}

/** `parse_isoformat_date` (incl. ISO week dates): [y, m, d] or null. */
function parseDate(b: Bytes, len: number): [number, number, number] | null {
  const year = digits(b, 0, 4);
  if (year === null) return null;
  let p = 4;
  const usesSeparator = b.at(p) === DASH;
  if (usesSeparator) p++;
  if (b.at(p) === 87 /* W */) {
    p++;
    const week = digits(b, p, 2);
    if (week === null) return null;
    p += 2;
    let day = 1;
    if (p < len) {
      if (usesSeparator && b.at(p++) !== DASH) return null;
      const parsed = digits(b, p, 1);
      if (parsed === null) return null;
      day = parsed;
    }
    return isoToYmd(year, week, day);
  }
  const month = digits(b, p, 2);
  if (month === null) return null;
  p += 2;
  if (usesSeparator && b.at(p++) !== DASH) return null;
  const day = digits(b, p, 2);
  return day === null ? null : [year, month, day];
}

function isoToYmd(year: number, week: number, day: number): [number, number, number] | null {
  if (year < 1 || year > 9999) return null;
  if (week <= 0 || week >= 53) {
    const first = (toOrdinal(year, 1, 1) + 6) % 7;
    if (!(week === 53 && (first === 3 || (first === 2 && isLeap(year))))) return null;
  }
  if (day <= 0 || day >= 8) return null;
  const jan4 = toOrdinal(year, 1, 4);
  const week1Monday = jan4 - ((jan4 + 6) % 7);
  return fromOrdinal(week1Monday + (week - 1) * 7 + day - 1);
}

interface Hms {
  rv: number;
  values: [number, number, number, number];
}

/** `parse_hh_mm_ss_ff`: rv 0 = done, 1 = text left over, < 0 = error. */
function parseHms(b: Bytes, start: number, end: number): Hms {
  const values: [number, number, number, number] = [0, 0, 0, 0];
  let p = start;
  let hasSeparator = true;
  for (let i = 0; i < 3; i++) {
    const value = digits(b, p, 2);
    if (value === null) return { rv: -3, values };
    values[i] = value;
    p += 2;
    const c = b.at(p++);
    if (i === 0) hasSeparator = c === COLON;
    if (p >= end) return { rv: c !== 0 ? 1 : 0, values };
    if (hasSeparator && c === COLON) continue;
    if (c === 46 /* . */ || c === 44 /* , */) break;
    if (!hasSeparator) p--;
    else return { rv: -4, values };
  }
  const toParse = Math.min(end - p, 6);
  const fraction = digits(b, p, toParse);
  if (fraction === null) return { rv: -3, values };
  values[3] = toParse < 6 ? fraction * 10 ** (6 - toParse) : fraction;
  p += toParse;
  while (isDigit(b.at(p))) p++;
  return { rv: b.at(p) !== 0 ? 1 : 0, values };
}

/** `parse_isoformat_time`: time fields and the offset in µs (null: naive), or null. */
function parseTime(b: Bytes): { values: Hms["values"]; offset: number | null } | null {
  const end = b.length;
  let tz = 0;
  do {
    const c = b.at(tz);
    if (c === 90 /* Z */ || c === 43 /* + */ || c === DASH) break;
  } while (++tz < end);
  const time = parseHms(b, 0, tz);
  if (time.rv < 0) return null;
  if (tz === end) return time.rv === 1 ? null : { values: time.values, offset: null };
  if (b.at(tz) === 90) return b.at(tz + 1) !== 0 ? null : { values: time.values, offset: 0 };
  const sign = b.at(tz) === DASH ? -1 : 1;
  const zone = parseHms(b, tz + 1, end);
  if (zone.rv !== 0) return null;
  const [h, m, s, us] = zone.values;
  return { values: time.values, offset: sign * ((h * 3600 + m * 60 + s) * 1_000_000 + us) };
}

const LONE_SURROGATE = /\p{Cs}/u;

/** `datetime.fromisoformat(text)`, or null where Python raises ValueError. */
export function fromIsoFormat(text: string): PyDateTime | null {
  // ASCII text is its own list of code points, with no surrogate to refuse.
  const chars = NON_ASCII.test(text) ? [...text] : text;
  if (chars.length < 7) return null;
  const sep = findSeparator(chars);
  if (sep < 0) return null;
  const part = (start: number, end?: number) =>
    new Bytes(
      typeof chars === "string" ? chars.slice(start, end) : chars.slice(start, end).join(""),
    );
  // UTF-8 encoding fails on a lone surrogate anywhere but the separator.
  if (typeof chars !== "string" && chars.some((ch, i) => i !== sep && LONE_SURROGATE.test(ch))) {
    return null;
  }
  const date = parseDate(part(0, sep), sep);
  if (!date) return null;
  let values: Hms["values"] = [0, 0, 0, 0];
  let offset: number | null = null;
  if (chars.length > sep) {
    const time = parseTime(part(sep + 1));
    if (!time) return null;
    ({ values, offset } = time);
  }
  const [year, month, day] = date;
  const [hour, minute, second, microsecond] = values;
  const dt: PyDateTime = { year, month, day, hour, minute, second, microsecond, offset };
  return isValidDateTime(dt) ? dt : null;
}

const D = PY_DIGIT;
// Python's `$` also matches before a final newline.
const DATETIME_RE = /* @__PURE__ */ (() =>
  new RegExp(
    `^(?<year>${D}{4})-(?<month>${D}{1,2})-(?<day>${D}{1,2})` +
      `[T ](?<hour>${D}{1,2}):(?<minute>${D}{1,2})` +
      `(?::(?<second>${D}{1,2})(?:[.,](?<microsecond>${D}{1,6})${D}{0,6})?)?` +
      `[${PY_SPACE}]*(?<tzinfo>Z|[+-]${D}{2}(?::?${D}{2})?)?(?=\\n?$)`,
    "u",
  ))();

/**
 * Django's `parse_datetime`: the datetime, `"invalid"` where Django raises ValueError (well
 * formatted but impossible, e.g. hour 28), or null where the text is not ISO-like at all.
 */
export function parseDatetime(text: string): PyDateTime | "invalid" | null {
  const iso = fromIsoFormat(text);
  if (iso) return iso;
  const match = DATETIME_RE.exec(text);
  if (!match) return null;
  const g = match.groups as Record<string, string | undefined>;
  const num = (key: string) => (g[key] === undefined ? 0 : (pyInt(g[key] as string) as number));
  let offset: number | null = null;
  const tz = g.tzinfo === undefined ? undefined : toAsciiDigits(g.tzinfo);
  if (tz === "Z") {
    offset = 0;
  } else if (tz !== undefined) {
    const minutes = 60 * Number(tz.slice(1, 3)) + (tz.length > 3 ? Number(tz.slice(-2)) : 0);
    offset = (tz[0] === "-" ? -minutes : minutes) * 60_000_000;
  }
  const dt: PyDateTime = {
    year: num("year"),
    month: num("month"),
    day: num("day"),
    hour: num("hour"),
    minute: num("minute"),
    second: num("second"),
    microsecond:
      g.microsecond === undefined ? 0 : Number(toAsciiDigits(g.microsecond).padEnd(6, "0")),
    offset,
  };
  return isValidDateTime(dt) ? dt : "invalid";
}
