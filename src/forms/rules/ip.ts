import { coerceStr, pyLen, pyStr } from "./core.js";
import type { CoerceFn, RuleFn } from "./types.js";

// GenericIPAddressField's `to_python` and the IP validators, with the parts of Python's
// `ipaddress` and `django.utils.ipv6` they need. Pure and dependency-free: they ship to the
// browser. URL and email validation reuse the parsers (bracketed and literal addresses).

const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** `ipaddress.IPv4Address(str)`: four decimal octets, no leading zeros. */
export function parseIpv4(text: string): number | null {
  // A "/" (a network, which Python refuses by name) fails the octet pattern.
  const octets = text.split(".");
  let n = 0;
  for (const octet of octets) {
    if (!OCTET.test(octet) || +octet > 255) return null;
    n = n * 256 + +octet;
  }
  return octets.length === 4 ? n : null;
}

/**
 * The eight hextets of `ipaddress.IPv6Address(str)` (a `%scope` suffix is accepted and
 * dropped), as text; `null` where Python raises. A trailing IPv4 part stands for two
 * hextets; one `::` for the one or more zero hextets the others leave out.
 */
function hextets(text: string): string[] | null {
  const pct = text.indexOf("%");
  const scope = text.slice(pct + 1);
  if (text.includes("/") || (pct >= 0 && (!scope || scope.includes("%")))) return null;
  let addr = pct >= 0 ? text.slice(0, pct) : text;
  const colon = addr.lastIndexOf(":");
  if (addr.includes(".", colon)) {
    const v4 = parseIpv4(addr.slice(colon + 1));
    if (v4 === null) return null;
    addr = `${addr.slice(0, colon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = addr.split("::");
  const head = halves[0] ? (halves[0] as string).split(":") : [];
  const tail = halves[1] ? halves[1].split(":") : [];
  const zeros = 8 - head.length - tail.length;
  if (halves.length > 2 || (halves.length > 1 ? zeros < 1 : zeros)) return null;
  const all = [...head, ...Array(zeros).fill("0"), ...tail];
  return all.every((h) => HEXTET.test(h)) ? all : null;
}

/** `ipaddress.IPv6Address(str)` (a `%scope` suffix is accepted and dropped). */
export function parseIpv6(text: string): bigint | null {
  return hextets(text)?.reduce((n, h) => (n << 16n) | BigInt(`0x${h}`), 0n) ?? null;
}

function ipv4String(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** `str(IPv6Address)`: lowercase hextets, the longest run (≥2) of zeros as `::`. */
export function formatIpv6(n: bigint): string {
  const hextets = [112, 96, 80, 64, 48, 32, 16, 0].map((s) =>
    ((n >> BigInt(s)) & 0xffffn).toString(16),
  );
  let bestStart = -1;
  let bestLen = 0;
  let start = -1;
  let len = 0;
  hextets.forEach((h, i) => {
    if (h !== "0") {
      start = -1;
      len = 0;
      return;
    }
    len++;
    if (start === -1) start = i;
    if (len > bestLen) [bestLen, bestStart] = [len, start];
  });
  if (bestLen < 2) return hextets.join(":");
  const head = hextets.slice(0, bestStart).join(":");
  const tail = hextets.slice(bestStart + bestLen).join(":");
  return `${head}::${tail}`;
}

/** `django.utils.ipv6.MAX_IPV6_ADDRESS_LENGTH`. */
export const MAX_IPV6_ADDRESS_LENGTH = 39;

/** `django.utils.ipv6.clean_ipv6_address`; `null` where Django raises. */
export function cleanIpv6Address(
  text: string,
  unpackIpv4 = false,
  maxLength = MAX_IPV6_ADDRESS_LENGTH,
): string | null {
  if (pyLen(text) > maxLength) return null;
  const n = parseIpv6(text);
  if (n === null) return null;
  if (n >> 32n === 0xffffn) {
    const v4 = ipv4String(Number(n & 0xffffffffn));
    return unpackIpv4 ? v4 : `::ffff:${v4}`;
  }
  return formatIpv6(n);
}

/** `validate_ipv4_address`: `ipaddress.IPv4Address(value)` (an int is an address too). */
export function isValidIpv4(value: unknown): boolean {
  if (typeof value === "boolean") return true;
  if (typeof value === "number" && Number.isInteger(value)) return value >= 0 && value < 2 ** 32;
  return parseIpv4(pyStr(value)) !== null;
}

/** `django.utils.ipv6.is_valid_ipv6_address` (strings only, at most 39 characters). */
export function isValidIpv6(value: unknown): boolean {
  return (
    typeof value === "string" && pyLen(value) <= MAX_IPV6_ADDRESS_LENGTH && hextets(value) !== null
  );
}

/** GenericIPAddressField.to_python: strip; IPv6 (anything with `:`) is cleaned. */
export const coerceIp: CoerceFn = (value, params) => {
  const base = coerceStr(value, { strip: true, empty: "" });
  const text = base.ok ? (base.value as string) : "";
  if (!text.includes(":")) return { ok: true, value: text };
  const cleaned = cleanIpv6Address(
    text,
    params.unpack_ipv4 === true,
    Number(params.max_length ?? MAX_IPV6_ADDRESS_LENGTH),
  );
  return cleaned === null
    ? { ok: false, code: "invalid", params: { protocol: "IPv6" } }
    : { ok: true, value: cleaned };
};

export const ipv4Rule: RuleFn = (value) => (isValidIpv4(value) ? null : { value });
export const ipv6Rule: RuleFn = (value) => (isValidIpv6(value) ? null : { value });
export const ipv46Rule: RuleFn = (value) =>
  isValidIpv4(value) || isValidIpv6(value) ? null : { value };

export const ipCoercers: Record<string, CoerceFn> = { ip: coerceIp };
export const ipRules: Record<string, RuleFn> = {
  ipv4: ipv4Rule,
  ipv6: ipv6Rule,
  ipv46: ipv46Rule,
};
