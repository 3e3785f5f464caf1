// Python's `datetime.strptime` (CPython's Lib/_strptime.py) in the C/English locale, which is
// what Django's DATE_INPUT_FORMATS & co. are parsed with. Same regexes, same backtracking,
// same "unconverted data remains" rule, same defaults (1900-01-01) and range checks.
import {
  fromOrdinal,
  isLeap,
  isValidDate,
  isValidDateTime,
  MAX_ORDINAL,
  type PyDateTime,
  toOrdinal,
  weekday as weekdayOf,
} from "./calendar.js";
import { PY_DIGIT, PY_SPACE, pyInt, toAsciiDigits } from "./py.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const AM_PM = ["am", "pm"];
// `%Z` matches the server's time.tzname too; mizan knows no server zone, so UTC/GMT only.
const ZONES = ["utc", "gmt"];

/** A literal matched case-insensitively (Python compiles the format with IGNORECASE). */
function caseless(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper || [...lower].length !== 1 || [...upper].length !== 1) {
      out += ch;
    } else {
      out += `[${lower}${upper}]`;
    }
  }
  return out;
}

/** `__seqToRE`: longest first, so "june" is tried before "jun". */
function alternatives(name: string, values: string[]): string {
  const sorted = [...values].sort((a, b) => b.length - a.length);
  return `(?<${name}>${sorted.map(caseless).join("|")})`;
}

const d = PY_DIGIT;
const DIRECTIVES: Record<string, string> = {
  d: `(?<d>3[0-1]|[1-2]${d}|0[1-9]|[1-9]| [1-9])`,
  f: "(?<f>[0-9]{1,6})",
  H: `(?<H>2[0-3]|[0-1]${d}|${d})`,
  I: "(?<I>1[0-2]|0[1-9]|[1-9])",
  G: `(?<G>${d}${d}${d}${d})`,
  j: `(?<j>36[0-6]|3[0-5]${d}|[1-2]${d}${d}|0[1-9]${d}|00[1-9]|[1-9]${d}|0[1-9]|[1-9])`,
  m: "(?<m>1[0-2]|0[1-9]|[1-9])",
  M: `(?<M>[0-5]${d}|${d})`,
  S: `(?<S>6[0-1]|[0-5]${d}|${d})`,
  U: `(?<U>5[0-3]|[0-4]${d}|${d})`,
  W: `(?<W>5[0-3]|[0-4]${d}|${d})`,
  w: "(?<w>[0-6])",
  u: "(?<u>[1-7])",
  V: `(?<V>5[0-3]|0[1-9]|[1-4]${d}|${d})`,
  y: `(?<y>${d}${d})`,
  Y: `(?<Y>${d}${d}${d}${d})`,
  // Python writes the "Z" alternative as `(?-i:Z)`: only an upper-case Z.
  z: `(?<z>[+-]${d}${d}:?[0-5]${d}(?::?[0-5]${d}(?:\\.${d}{1,6})?)?|Z)`,
  A: alternatives("A", DAYS),
  a: alternatives(
    "a",
    DAYS.map((s) => s.slice(0, 3)),
  ),
  B: alternatives("B", MONTHS),
  b: alternatives(
    "b",
    MONTHS.map((s) => s.slice(0, 3)),
  ),
  p: alternatives("p", AM_PM),
  Z: alternatives("Z", ZONES),
  "%": "%",
};
// The C locale's %c, %x and %X, expanded like Python's LocaleTime does.
const COMPOSITE: Record<string, string> = {
  c: "%a %b %d %H:%M:%S %Y",
  x: "%m/%d/%y",
  X: "%H:%M:%S",
};

const REGEX_CHARS = "\\.^$*+?(){}[]|";
const IS_SPACE = /* @__PURE__ */ (() => new RegExp(`[${PY_SPACE}]`))();

/**
 * `TimeRE.pattern`: escape, turn whitespace runs into `\s+`, expand directives. Returns null
 * for a format Python rejects with ValueError (bad directive, stray %), which Django's
 * temporal fields skip like a non-matching format.
 */
function pattern(format: string): string | null {
  let out = "";
  const chars = [...format];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (IS_SPACE.test(ch)) {
      while (i + 1 < chars.length && IS_SPACE.test(chars[i + 1] as string)) i++;
      out += `[${PY_SPACE}]+`;
    } else if (ch === "%") {
      const directive = chars[++i];
      // Python escapes and replaces whitespace first, so "%." or "% " name directive "\".
      if (directive === undefined) return null;
      if (Object.hasOwn(COMPOSITE, directive)) out += pattern(COMPOSITE[directive] as string);
      else if (Object.hasOwn(DIRECTIVES, directive)) out += DIRECTIVES[directive];
      else return null;
    } else {
      out += REGEX_CHARS.includes(ch) ? `\\${ch}` : caseless(ch);
    }
  }
  return out;
}

/** A compiled format: its pattern with plain groups, and the directive each group reads. */
export interface CompiledFormat {
  regex: RegExp;
  names: string[];
  /** The ASCII digits and punctuation the format matches as they are ("/" of "%m/%d/%Y"). */
  literals: string;
}

const LITERAL = /[!-@[-`{-~]/;

function literalsOf(format: string): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    let ch = format[i] as string;
    if (ch === "%") {
      ch = format[++i] as string;
      if (Object.hasOwn(COMPOSITE, ch)) out += literalsOf(COMPOSITE[ch] as string);
      if (ch !== "%") continue;
    }
    if (LITERAL.test(ch) && !out.includes(ch)) out += ch;
  }
  return out;
}

const cache = new Map<string, CompiledFormat | null>();
const NAMED = /\(\?<(\w)>/g;

/**
 * The compiled format, or null when Python would reject the format itself. Throws for a
 * format that repeats a directive (Python's `re.error`, a crash in Django too).
 */
export function compileFormat(format: string): CompiledFormat | null {
  let compiled = cache.get(format);
  if (compiled === undefined) {
    const source = pattern(format);
    compiled = null;
    if (source !== null) {
      // The directives' groups are named (`(?<d>…)`; an escaped literal never spells "(?<").
      // A match with names builds a `groups` object per parse, so the regex gets plain groups
      // and the names are kept in order beside it.
      const names = Array.from(source.matchAll(NAMED), (m) => m[1] as string);
      try {
        if (new Set(names).size !== names.length) throw new Error("repeated");
        const regex = new RegExp(`^(?:${source.replace(NAMED, "(")})`, "u");
        compiled = { regex, names, literals: literalsOf(format) };
      } catch {
        throw new Error(`Invalid input format ${JSON.stringify(format)}: a directive is repeated.`);
      }
    }
    if (cache.size > 256) cache.clear();
    cache.set(format, compiled);
  }
  return compiled;
}

// What the directives' groups hold once toAsciiDigits has run: ASCII digits (" 5" for `%d`),
// which Number reads as Python's int() does.
const int = Number;

/** `datetime.strptime(text, format)` as fields, or null where Python raises ValueError. */
export function strptime(text: string, format: string): PyDateTime | null {
  const compiled = compileFormat(format);
  return compiled && parseCompiled(text, compiled);
}

/** `strptime` with the format already compiled. */
export function parseCompiled(text: string, compiled: CompiledFormat): PyDateTime | null {
  // A text without one of the format's literal characters cannot match it (most refusals of
  // Django's eleven date formats end here, without the regex).
  const { literals } = compiled;
  for (let i = 0; i < literals.length; i++) if (!text.includes(literals[i] as string)) return null;
  const found = compiled.regex.exec(text);
  if (!found || found[0].length !== text.length) return null;
  const { names } = compiled;

  let year: number | null = null;
  let isoYear: number | null = null;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let offset: number | null = null;
  let isoWeek: number | null = null;
  let weekOfYear: number | null = null;
  let weekStartsMonday = false;
  let weekday: number | null = null;
  let julian: number | null = null;

  for (let i = 0; i < names.length; i++) {
    const key = names[i];
    const value = toAsciiDigits(found[i + 1] as string);
    switch (key) {
      case "y":
        year = int(value);
        year += year <= 68 ? 2000 : 1900;
        break;
      case "Y":
        year = int(value);
        break;
      case "G":
        isoYear = int(value);
        break;
      case "m":
        month = int(value);
        break;
      case "B":
        month = MONTHS.indexOf(value.toLowerCase()) + 1;
        break;
      case "b":
        month = MONTHS.findIndex((name) => name.slice(0, 3) === value.toLowerCase()) + 1;
        break;
      case "d":
        day = int(value);
        break;
      case "H":
        hour = int(value);
        break;
      case "I": {
        hour = int(value);
        const p = names.indexOf("p");
        const ampm = p < 0 ? "" : (found[p + 1] as string).toLowerCase();
        if (ampm === "" || ampm === "am") {
          if (hour === 12) hour = 0;
        } else if (ampm === "pm" && hour !== 12) {
          hour += 12;
        }
        break;
      }
      case "M":
        minute = int(value);
        break;
      case "S":
        second = int(value);
        break;
      case "f":
        fraction = int(value.padEnd(6, "0"));
        break;
      case "A":
        weekday = DAYS.indexOf(value.toLowerCase());
        break;
      case "a":
        weekday = DAYS.findIndex((name) => name.slice(0, 3) === value.toLowerCase());
        break;
      case "w":
        weekday = (int(value) + 6) % 7;
        break;
      case "u":
        weekday = int(value) - 1;
        break;
      case "j":
        julian = int(value);
        break;
      case "U":
      case "W":
        weekOfYear = int(value);
        weekStartsMonday = key === "W";
        break;
      case "V":
        isoWeek = int(value);
        break;
      case "z":
        offset = parseOffset(value);
        if (Number.isNaN(offset)) return null;
        break;
    }
  }
  // A name that only matched through case folding (e.g. "ſep") is not in the list: ValueError.
  if (month < 1 || (weekday !== null && weekday < 0)) return null;

  if (year === null && isoYear !== null) {
    if (isoWeek === null || weekday === null || julian !== null) return null;
  } else if (weekOfYear === null && isoWeek !== null) {
    return null;
  }

  let leapYearFix = false;
  if (year === null && month === 2 && day === 29) {
    year = 1904;
    leapYearFix = true;
  } else if (year === null) {
    year = 1900;
  }

  if (julian === null && weekday !== null) {
    if (weekOfYear !== null) {
      if (!isValidDate(year, 1, 1)) return null;
      julian = julianFromWeek(year, weekOfYear, weekday, weekStartsMonday);
    } else if (isoYear !== null && isoWeek !== null) {
      const result = julianFromIsoWeek(isoYear, isoWeek, weekday + 1);
      if (!result) return null;
      [year, julian] = result;
    }
    if (julian !== null && julian <= 0) {
      year -= 1;
      julian += isLeap(year) ? 366 : 365;
    }
  }

  if (julian === null) {
    if (!isValidDate(year, month, day)) return null;
  } else {
    if (!isValidDate(year, 1, 1)) return null;
    const ordinal = julian - 1 + toOrdinal(year, 1, 1);
    if (ordinal < 1 || ordinal > MAX_ORDINAL) return null;
    [year, month, day] = fromOrdinal(ordinal);
  }
  if (leapYearFix) year = 1900;

  const dt: PyDateTime = { year, month, day, hour, minute, second, microsecond: fraction, offset };
  return isValidDateTime(dt) ? dt : null;
}

/** `%z`: "Z", "+HHMM", "+HH:MM", "+HH:MM:SS[.ffffff]" → µs; NaN for mixed colons. */
function parseOffset(z: string): number {
  if (z === "Z") return 0;
  let text = z;
  if (text[3] === ":") {
    text = text.slice(0, 3) + text.slice(4);
    if (text.length > 5) {
      if (text[5] !== ":") return Number.NaN;
      text = text.slice(0, 5) + text.slice(6);
    }
  }
  const secondsText = text.slice(5, 7);
  const secondsPart = secondsText === "" ? 0 : pyInt(secondsText);
  if (secondsPart === null) return Number.NaN;
  const seconds = int(text.slice(1, 3)) * 3600 + int(text.slice(3, 5)) * 60 + secondsPart;
  const micro = int(text.slice(8).padEnd(6, "0"));
  const total = seconds * 1_000_000 + micro;
  return text.startsWith("-") ? -total : total;
}

/** `_calc_julian_from_U_or_W`. */
function julianFromWeek(
  year: number,
  week: number,
  dayOfWeek: number,
  mondayFirst: boolean,
): number {
  let first = weekdayOf(year, 1, 1);
  let day = dayOfWeek;
  if (!mondayFirst) {
    first = (first + 1) % 7;
    day = (day + 1) % 7;
  }
  const week0Length = (7 - first) % 7;
  if (week === 0) return 1 + day - first;
  return 1 + week0Length + 7 * (week - 1) + day;
}

/** `_calc_julian_from_V`: [year, day of year], or null where `date()` would raise. */
function julianFromIsoWeek(
  isoYear: number,
  isoWeek: number,
  isoWeekday: number,
): [number, number] | null {
  if (!isValidDate(isoYear, 1, 4)) return null;
  const correction = weekdayOf(isoYear, 1, 4) + 1 + 3;
  let ordinal = isoWeek * 7 + isoWeekday - correction;
  let year = isoYear;
  if (ordinal < 1) {
    ordinal += toOrdinal(year, 1, 1);
    year -= 1;
    if (!isValidDate(year, 1, 1)) return null;
    ordinal -= toOrdinal(year, 1, 1);
  }
  return [year, ordinal];
}
