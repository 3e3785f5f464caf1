// FileField's `to_python` and mizan's file checks (size, content type), shared with the
// browser: a Web `File` carries its name, size and type on both sides.
import { pyLen } from "./core.js";
import { isEmptyInput } from "./py.js";
import type { CoerceFn, RuleFn } from "./types.js";

/** What FileField needs of an upload (Django reads `.name` and `.size`): a Web `File`. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  readonly type?: string;
}

/** Duck-typed like Django's `data.name` / `data.size` attribute access. */
export function isFileLike(value: unknown): value is FileLike {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<FileLike>;
  return typeof file.name === "string" && typeof file.size === "number";
}

/**
 * FileField.to_python. `false` is ClearableFileInput's "clear" (Django's `clean()`): kept
 * when the field is optional, otherwise treated as no file. Then, in Django's order:
 * `invalid` (not a file), `max_length` (name, in code points), `invalid` (empty name),
 * `empty` (0 bytes, unless `allow_empty_file`).
 */
export const coerceFile: CoerceFn = (value, params) => {
  if (value === false) return { ok: true, value: params.required ? null : false };
  if (isEmptyInput(value)) return { ok: true, value: null };
  if (!isFileLike(value)) return { ok: false, code: "invalid" };
  const length = pyLen(value.name);
  const max = params.max_length;
  if (typeof max === "number" && length > max) {
    return { ok: false, code: "max_length", params: { max, length } };
  }
  if (!value.name) return { ok: false, code: "invalid" };
  if (!params.allow_empty_file && !value.size) return { ok: false, code: "empty" };
  return { ok: true, value };
};

const KB = 1024;
const UNITS: Array<[number, string]> = [
  [2 ** 50, "PB"],
  [2 ** 40, "TB"],
  [2 ** 30, "GB"],
  [2 ** 20, "MB"],
  [KB, "KB"],
];

/** `round(bytes / unit, 1)` as Python does it: exact value, ties to even, one decimal. */
function oneDecimal(bytes: number, unit: number): string {
  const scaled = BigInt(bytes) * 10n;
  const divisor = BigInt(unit);
  let tenths = scaled / divisor;
  const twice = (scaled % divisor) * 2n;
  if (twice > divisor || (twice === divisor && tenths % 2n === 1n)) tenths += 1n;
  return `${tenths / 10n}.${tenths % 10n}`;
}

/**
 * Django's `filesizeformat` template filter, in English: "1\u00a0byte", "10\u00a0bytes",
 * "2.0\u00a0MB" (a no-break space, as Django's `avoid_wrapping` puts there).
 *
 * @example
 * filesizeformat(2 * 1024 * 1024); // "2.0\u00a0MB"
 */
export function filesizeformat(bytes: number): string {
  let n = Number.isFinite(bytes) ? Math.trunc(bytes) : 0;
  const negative = n < 0;
  if (negative) n = -n;
  let text = `${n}\u00a0${n === 1 ? "byte" : "bytes"}`;
  for (const [unit, name] of UNITS) {
    if (n >= unit) {
      text = `${oneDecimal(n, unit)}\u00a0${name}`;
      break;
    }
  }
  return negative ? `-${text}` : text;
}

/** A file larger than `limit_value` bytes fails, with both sizes human-readable. */
export const fileMaxSize: RuleFn = (value, params) => {
  if (!isFileLike(value) || value.size <= Number(params.limit_value)) return null;
  return { size: filesizeformat(value.size), show_value: value.size };
};

/** "Image/PNG; charset=x" → "image/png": MIME types are case-insensitive, parameters ignored. */
function essence(type: string): string {
  return (type.split(";")[0] as string).trim().toLowerCase();
}

/** Whether a type matches one of the patterns: exact, "image/*", or "*\/*". */
function contentTypeAllowed(type: string, allowed: readonly string[]): boolean {
  const actual = essence(type);
  return allowed.some((raw) => {
    const pattern = essence(raw);
    if (pattern === "*" || pattern === "*/*") return true;
    if (pattern.endsWith("/*")) return actual.startsWith(pattern.slice(0, -1));
    return actual === pattern;
  });
}

/** A file whose type is not among `allowed` fails (an unknown type is ""). */
export const fileContentType: RuleFn = (value, params) => {
  if (!isFileLike(value)) return null;
  const allowed = Array.isArray(params.allowed) ? (params.allowed as string[]) : [];
  const type = value.type ?? "";
  return contentTypeAllowed(type, allowed) ? null : { content_type: essence(type) };
};

export const fileCoercers: Record<string, CoerceFn> = { file: coerceFile };
export const fileRules: Record<string, RuleFn> = {
  file_max_size: fileMaxSize,
  file_content_type: fileContentType,
};
