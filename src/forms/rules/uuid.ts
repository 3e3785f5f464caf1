import { coerceStr, pyLen } from "./core.js";
import { PY_SPACE } from "./py.js";
import type { CoerceFn, CoerceResult } from "./types.js";

// UUIDField's `to_python`, with the part of Python's `uuid.UUID` it needs. Pure and
// dependency-free: it ships to the browser.

const PY_SPACE_CHAR = /* @__PURE__ */ (() => new RegExp(`^[${PY_SPACE}]$`, "u"))();

function decimalDigit(ch: string): number | null {
  if (!/^\p{Nd}$/u.test(ch)) return null;
  // Unicode keeps decimal digits in contiguous runs of ten, 0 first.
  let cp = ch.codePointAt(0) as number;
  let offset = 0;
  while (/^\p{Nd}$/u.test(String.fromCodePoint(cp - 1))) [cp, offset] = [cp - 1, offset + 1];
  return offset % 10;
}

/** Python's `int(text, 16)`: spaces around, a sign, a `0x` prefix, `_` between digits. */
function pyIntBase16(text: string): bigint | null {
  let ascii = "";
  for (const ch of text) {
    if (ch <= "\x7f") ascii += ch;
    else if (PY_SPACE_CHAR.test(ch)) ascii += " ";
    else {
      const digit = decimalDigit(ch);
      if (digit === null) return null;
      ascii += String(digit);
    }
  }
  const m =
    /^[ \t\n\v\f\r]*([+-]?)(?:0[xX]_?)?([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)[ \t\n\v\f\r]*$/.exec(ascii);
  if (!m) return null;
  const n = BigInt(`0x${(m[2] as string).replaceAll("_", "")}`);
  return m[1] === "-" ? -n : n;
}

/** `str(uuid.UUID(text))`, or `null` where Python raises ValueError. */
function parseUuid(text: string): string | null {
  const hex = text
    .replaceAll("urn:", "")
    .replaceAll("uuid:", "")
    .replace(/^[{}]+|[{}]+$/g, "")
    .replaceAll("-", "");
  if (pyLen(hex) !== 32) return null;
  const n = pyIntBase16(hex);
  if (n === null || n < 0n || n >= 1n << 128n) return null;
  const s = n.toString(16).padStart(32, "0");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const INVALID: CoerceResult = { ok: false, code: "invalid" };

/** UUIDField.to_python: the canonical lowercase hyphenated string, `null` when empty. */
export const coerceUuid: CoerceFn = (value, params) => {
  const text = coerceStr(value, { strip: params.strip !== false, empty: "" });
  if (!text.ok || text.value === "") return { ok: true, value: null };
  const uuid = parseUuid(text.value as string);
  return uuid === null ? INVALID : { ok: true, value: uuid };
};

export const uuidCoercers: Record<string, CoerceFn> = { uuid: coerceUuid };
