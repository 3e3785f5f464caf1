// Python's `datetime` calendar arithmetic and `isoformat()` output, for years 1..9999.

/** A Python `datetime` broken into fields; `offset` is the UTC offset in µs (null: naive). */
export interface PyDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offset: number | null;
}

export const MAX_ORDINAL = 3652059;
const US_PER_DAY = 86_400_000_000;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month] as number);
}

/** The checks of Python's `date(year, month, day)` constructor. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The checks of `datetime(...)`: time fields in range, offset strictly within ±24 h. */
export function isValidDateTime(dt: PyDateTime): boolean {
  return (
    isValidDate(dt.year, dt.month, dt.day) &&
    dt.hour >= 0 &&
    dt.hour <= 23 &&
    dt.minute >= 0 &&
    dt.minute <= 59 &&
    dt.second >= 0 &&
    dt.second <= 59 &&
    dt.microsecond >= 0 &&
    dt.microsecond <= 999_999 &&
    (dt.offset === null || Math.abs(dt.offset) < US_PER_DAY)
  );
}

/** `date(y, m, d).toordinal()`: 0001-01-01 is day 1. */
export function toOrdinal(year: number, month: number, day: number): number {
  const y = year - 1;
  const leapDay = month > 2 && isLeap(year) ? 1 : 0;
  return (
    y * 365 +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) +
    (DAYS_BEFORE_MONTH[month] as number) +
    leapDay +
    day
  );
}

const ORDINAL_1970 = 719163;

/** `date.fromordinal(n)` as [year, month, day] (proleptic Gregorian, like Python). */
export function fromOrdinal(ordinal: number): [number, number, number] {
  const date = new Date((ordinal - ORDINAL_1970) * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** `date.weekday()`: Monday is 0. */
export function weekday(year: number, month: number, day: number): number {
  return (toOrdinal(year, month, day) + 6) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** `date.isoformat()`: "YYYY-MM-DD". */
export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `time.isoformat()`: "HH:MM:SS", or "HH:MM:SS.ffffff" when there are microseconds. */
export function formatTime(
  hour: number,
  minute: number,
  second: number,
  microsecond: number,
): string {
  const base = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  return microsecond ? `${base}.${pad(microsecond, 6)}` : base;
}

/** Python's `_format_offset`: "+HH:MM", with ":SS[.ffffff]" only when needed. */
function formatOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hours = Math.floor(abs / 3_600_000_000);
  const minutes = Math.floor((abs % 3_600_000_000) / 60_000_000);
  const rest = abs % 60_000_000;
  let text = `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`;
  if (rest) {
    text += `:${pad(Math.floor(rest / 1_000_000), 2)}`;
    if (rest % 1_000_000) text += `.${pad(rest % 1_000_000, 6)}`;
  }
  return text;
}

/** `datetime.isoformat()`: "YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]". */
export function formatDateTime(dt: PyDateTime): string {
  const date = formatDate(dt.year, dt.month, dt.day);
  const time = formatTime(dt.hour, dt.minute, dt.second, dt.microsecond);
  return `${date}T${time}${dt.offset === null ? "" : formatOffset(dt.offset)}`;
}
