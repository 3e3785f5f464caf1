// The `to_python` of DateField, TimeField, DateTimeField and DurationField, shared with the
// browser. Each cleans to a string that survives JSON and compares like the value:
// "YYYY-MM-DD", "HH:MM:SS[.ffffff]", "YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]", and Django's
// duration_string "[D ]HH:MM:SS[.ffffff]".
import {
  formatDate,
  formatDateTime,
  formatTime,
  isValidDate,
  isValidDateTime,
  type PyDateTime,
} from "./calendar.js";
import { pyStr, pyStrip } from "./core.js";
import { durationString, MAX_DAYS, MIN_DAYS, parseDuration } from "./duration.js";
import { parseDatetime } from "./iso-datetime.js";
import { isDate, isEmptyInput } from "./py.js";
import { type CompiledFormat, compileFormat, parseCompiled } from "./strptime.js";
import type { CoerceFn, CoerceResult, RuleFn, RuleParams } from "./types.js";

/** Django's DATE_INPUT_FORMATS (django/conf/global_settings.py), tried in order. */
export const DATE_INPUT_FORMATS: readonly string[] = [
  "%Y-%m-%d", // '2006-10-25'
  "%m/%d/%Y", // '10/25/2006'
  "%m/%d/%y", // '10/25/06'
  "%b %d %Y", // 'Oct 25 2006'
  "%b %d, %Y", // 'Oct 25, 2006'
  "%d %b %Y", // '25 Oct 2006'
  "%d %b, %Y", // '25 Oct, 2006'
  "%B %d %Y", // 'October 25 2006'
  "%B %d, %Y", // 'October 25, 2006'
  "%d %B %Y", // '25 October 2006'
  "%d %B, %Y", // '25 October, 2006'
];

/** Django's TIME_INPUT_FORMATS. */
export const TIME_INPUT_FORMATS: readonly string[] = [
  "%H:%M:%S", // '14:30:59'
  "%H:%M:%S.%f", // '14:30:59.000200'
  "%H:%M", // '14:30'
];

/** Django's DATETIME_INPUT_FORMATS; DateTimeField tries DATE_INPUT_FORMATS after them. */
export const DATETIME_INPUT_FORMATS: readonly string[] = [
  "%Y-%m-%d %H:%M:%S", // '2006-10-25 14:30:59'
  "%Y-%m-%d %H:%M:%S.%f", // '2006-10-25 14:30:59.000200'
  "%Y-%m-%d %H:%M", // '2006-10-25 14:30'
  "%m/%d/%Y %H:%M:%S", // '10/25/2006 14:30:59'
  "%m/%d/%Y %H:%M:%S.%f", // '10/25/2006 14:30:59.000200'
  "%m/%d/%Y %H:%M", // '10/25/2006 14:30'
  "%m/%d/%y %H:%M:%S", // '10/25/06 14:30:59'
  "%m/%d/%y %H:%M:%S.%f", // '10/25/06 14:30:59.000200'
  "%m/%d/%y %H:%M", // '10/25/06 14:30'
];

const INVALID: CoerceResult = { ok: false, code: "invalid" };
const NULL: CoerceResult = { ok: true, value: null };

function formatsOf(params: RuleParams): string[] {
  return Array.isArray(params.input_formats) ? (params.input_formats as string[]) : [];
}

// A field's format list (the same array on every clean) with its formats compiled as they are
// first tried: one lookup per clean instead of one per format. The copy notices a list
// changed in place.
const compiledLists = new WeakMap<string[], [string[], Array<CompiledFormat | null>]>();

/** `BaseTemporalField.to_python`: strip, then the first input format that parses. */
function fromFormats(value: unknown, params: RuleParams): PyDateTime | null {
  if (typeof value !== "string") return null;
  const text = pyStrip(value);
  const formats = formatsOf(params);
  let list = compiledLists.get(formats);
  if (!list || list[0].length !== formats.length || list[0].some((f, i) => f !== formats[i])) {
    list = [[...formats], []];
    compiledLists.set(formats, list);
  }
  const compiled = list[1];
  for (let i = 0; i < formats.length; i++) {
    // Compiled in order, only when reached: a later format that Python would refuse (a
    // repeated directive throws) is not looked at when an earlier one parses.
    let format = compiled[i];
    if (format === undefined) format = compiled[i] = compileFormat(formats[i] as string);
    const parsed = format && parseCompiled(text, format);
    if (parsed) return parsed;
  }
  return null;
}

/** A JS Date read on the wall clock where the code runs (a date picker's local midnight). */
function localFields(date: Date): PyDateTime | null {
  if (Number.isNaN(date.getTime())) return null;
  const dt: PyDateTime = {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    microsecond: date.getMilliseconds() * 1000,
    offset: null,
  };
  return isValidDateTime(dt) ? dt : null;
}

/** DateField.to_python → "YYYY-MM-DD"; a Date gives its local calendar date. */
export const coerceDate: CoerceFn = (value, params) => {
  if (isEmptyInput(value)) return NULL;
  const dt = isDate(value) ? localFields(value) : fromFormats(value, params);
  return dt ? { ok: true, value: formatDate(dt.year, dt.month, dt.day) } : INVALID;
};

/** TimeField.to_python → "HH:MM:SS[.ffffff]" (any offset dropped, like `.time()`). */
export const coerceTime: CoerceFn = (value, params) => {
  if (isEmptyInput(value)) return NULL;
  const dt = isDate(value) ? localFields(value) : fromFormats(value, params);
  return dt
    ? { ok: true, value: formatTime(dt.hour, dt.minute, dt.second, dt.microsecond) }
    : INVALID;
};

/**
 * DateTimeField.to_python → ISO 8601: `parse_datetime` first (ISO, "T" or space, fraction,
 * "Z"/offset; a well-formed impossible value is invalid), then the input formats. Naive
 * input stays naive; a Date is an instant, given in UTC ("+00:00").
 */
export const coerceDateTime: CoerceFn = (value, params) => {
  if (isEmptyInput(value)) return NULL;
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return INVALID;
    const dt: PyDateTime = {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      hour: value.getUTCHours(),
      minute: value.getUTCMinutes(),
      second: value.getUTCSeconds(),
      microsecond: value.getUTCMilliseconds() * 1000,
      offset: 0,
    };
    return isValidDateTime(dt) ? { ok: true, value: formatDateTime(dt) } : INVALID;
  }
  if (typeof value !== "string") return INVALID;
  const iso = parseDatetime(pyStrip(value));
  if (iso === "invalid") return INVALID;
  const dt = iso ?? fromFormats(value, params);
  return dt ? { ok: true, value: formatDateTime(dt) } : INVALID;
};

/** DurationField.to_python: `parse_duration(str(value))` → Django's `duration_string`. */
export const coerceDuration: CoerceFn = (value) => {
  if (isEmptyInput(value)) return NULL;
  const parsed = parseDuration(pyStr(value));
  if (parsed === "overflow") {
    return { ok: false, code: "overflow", params: { min_days: MIN_DAYS, max_days: MAX_DAYS } };
  }
  return parsed === null ? INVALID : { ok: true, value: durationString(parsed) };
};

const CANONICAL_TIME = /^[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?$/;

/**
 * An already-cleaned date ("YYYY-MM-DD" or a Date), as Django's DateField accepts date
 * objects whatever its input formats; undefined for anything else.
 */
export function typedDate(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value.length === 10 &&
      value[4] === "-" &&
      value[7] === "-" &&
      isValidDate(digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10))
      ? value
      : undefined;
  }
  if (!isDate(value)) return undefined;
  const result = coerceDate(value, {});
  return result.ok ? (result.value as string) : undefined;
}

/** The number ASCII digits spell from `start` to `end`; NaN if another character is there. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    n = digit >= 0 && digit <= 9 ? n * 10 + digit : Number.NaN;
  }
  return n;
}

/** An already-cleaned time ("HH:MM:SS[.ffffff]" or a Date); undefined otherwise. */
export function typedTime(value: unknown): string | undefined {
  if (isDate(value)) {
    const result = coerceTime(value, {});
    return result.ok ? (result.value as string) : undefined;
  }
  if (typeof value !== "string" || !CANONICAL_TIME.test(value)) return undefined;
  const result = coerceTime(value, { input_formats: ["%H:%M:%S", "%H:%M:%S.%f"] });
  return result.ok && result.value === value ? value : undefined;
}

export const temporalCoercers: Record<string, CoerceFn> = {
  date: coerceDate,
  time: coerceTime,
  datetime: coerceDateTime,
  duration: coerceDuration,
};
export const temporalRules: Record<string, RuleFn> = {};
