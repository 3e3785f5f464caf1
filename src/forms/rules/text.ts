import { coerceStr, pyLen, pyStr } from "./core.js";
import { PY_SPACE } from "./py.js";
import type { CoerceFn, CoerceResult, RuleFn } from "./types.js";

// Shared `to_python`s and checks of the text fields (EmailField, URLField, SlugField,
// RegexField, UUIDField, GenericIPAddressField). Pure and dependency-free: they ship to the
// browser. Python semantics they depend on (urllib.parse.urlsplit, ipaddress, uuid.UUID,
// `re` with IGNORECASE) are ported here, as small as they can be.

const PY_SPACE_CHAR = new RegExp(`^[${PY_SPACE}]$`, "u");
// Under re.IGNORECASE, an ASCII letter class also matches these four (İ ı ſ K), which
// lowercase or fold into a-z; JS has no flag that does the same, so the classes list them.
const FOLDS = "\\u0130\\u0131\\u017f\\u212a";
// Django's `ul`: the "Unicode letters range" of DomainNameValidator.
const UL = "\\u00a1-\\uffff";

// ---------- ipaddress ----------

/** `ipaddress.IPv4Address(str)`: four decimal octets, no leading zeros. */
export function parseIpv4(text: string): number | null {
  if (text.includes("/")) return null;
  const octets = text.split(".");
  if (octets.length !== 4) return null;
  let n = 0;
  for (const octet of octets) {
    if (!/^[0-9]{1,3}$/.test(octet) || (octet !== "0" && octet[0] === "0")) return null;
    const v = Number(octet);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

function hextet(text: string): number | null {
  return /^[0-9a-fA-F]{1,4}$/.test(text) ? Number.parseInt(text, 16) : null;
}

/** `ipaddress.IPv6Address(str)` (a `%scope` suffix is accepted and dropped). */
export function parseIpv6(text: string): bigint | null {
  if (text.includes("/")) return null;
  let addr = text;
  const pct = text.indexOf("%");
  if (pct >= 0) {
    const scope = text.slice(pct + 1);
    if (!scope || scope.includes("%")) return null;
    addr = text.slice(0, pct);
  }
  if (!addr) return null;
  const parts = addr.split(":");
  if (parts.length < 3) return null;
  if (parts[parts.length - 1]?.includes(".")) {
    const v4 = parseIpv4(parts.pop() as string);
    if (v4 === null) return null;
    parts.push(Math.floor(v4 / 0x10000).toString(16), (v4 % 0x10000).toString(16));
  }
  if (parts.length > 9) return null;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i]) continue;
    if (skip !== -1) return null;
    skip = i;
  }
  let hi = parts.length;
  let lo = 0;
  let skipped = 0;
  if (skip !== -1) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (!parts[0] && --hi) return null;
    if (!parts[parts.length - 1] && --lo) return null;
    skipped = 8 - (hi + lo);
    if (skipped < 1) return null;
  } else if (parts.length !== 8 || !parts[0] || !parts[7]) {
    return null;
  }
  let n = 0n;
  const hextets = [
    ...parts.slice(0, hi),
    ...Array(skipped).fill("0"),
    ...parts.slice(parts.length - lo),
  ];
  for (const part of hextets) {
    const h = hextet(part as string);
    if (h === null) return null;
    n = (n << 16n) | BigInt(h);
  }
  return n;
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
    typeof value === "string" &&
    pyLen(value) <= MAX_IPV6_ADDRESS_LENGTH &&
    parseIpv6(value) !== null
  );
}

// ---------- urllib.parse ----------

/** `urllib.parse.SplitResult` as a tuple: scheme, netloc, path, query, fragment. */
export type UrlParts = [string, string, string, string, string];

const USES_NETLOC = new Set(
  "ftp http gopher nntp telnet imap wais file mms https shttp snews prospero rtsp rtsps rtspu rsync svn svn+ssh sftp nfs git git+ssh ws wss itms-services".split(
    " ",
  ),
);

function checkBracketedNetloc(netloc: string): boolean {
  const hostAndPort = netloc.slice(netloc.lastIndexOf("@") + 1);
  const open = hostAndPort.indexOf("[");
  let hostname: string;
  if (open >= 0) {
    if (open > 0) return false;
    const bracketed = hostAndPort.slice(1);
    const close = bracketed.indexOf("]");
    hostname = close >= 0 ? bracketed.slice(0, close) : bracketed;
    const port = close >= 0 ? bracketed.slice(close + 1) : "";
    if (port && !port.startsWith(":")) return false;
  } else {
    hostname = hostAndPort.split(":", 1)[0] as string;
  }
  if (hostname.startsWith("v")) return /^v[a-fA-F0-9]+\.[^\n]+$/.test(hostname);
  return parseIpv4(hostname) === null && parseIpv6(hostname) !== null;
}

function checkNetloc(netloc: string): boolean {
  if (!/\P{ASCII}/u.test(netloc)) return true;
  const n = netloc.replace(/[@:#?]/g, "");
  const normalized = n.normalize("NFKC");
  return n === normalized || !/[/?#@:]/.test(normalized);
}

/** Python's `urllib.parse.urlsplit` (3.12+); `null` where it raises ValueError. */
export function urlsplit(input: string): UrlParts | null {
  // lstrip of the WHATWG "C0 control or space" set (U+0000 to U+0020).
  let start = 0;
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++;
  let url = input.slice(start).replace(/[\t\r\n]/g, "");
  let scheme = "";
  let netloc = "";
  let query = "";
  let fragment = "";
  const colon = url.indexOf(":");
  if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (url.startsWith("//")) {
    let delim = url.length;
    for (const c of "/?#") {
      const at = url.indexOf(c, 2);
      if (at >= 0) delim = Math.min(delim, at);
    }
    netloc = url.slice(2, delim);
    url = url.slice(delim);
    const open = netloc.includes("[");
    if (open !== netloc.includes("]")) return null;
    if (open && !checkBracketedNetloc(netloc)) return null;
  }
  const hash = url.indexOf("#");
  if (hash >= 0) [url, fragment] = [url.slice(0, hash), url.slice(hash + 1)];
  const question = url.indexOf("?");
  if (question >= 0) [url, query] = [url.slice(0, question), url.slice(question + 1)];
  if (!checkNetloc(netloc)) return null;
  return [scheme, netloc, url, query, fragment];
}

/** Python's `urllib.parse.urlunsplit` (3.12+). */
export function urlunsplit([scheme, netloc, path, query, fragment]: UrlParts): string {
  let url = path;
  if (netloc) {
    if (url && !url.startsWith("/")) url = `/${url}`;
    url = `//${netloc}${url}`;
  } else if (
    url.startsWith("//") ||
    (scheme && USES_NETLOC.has(scheme) && (!url || url[0] === "/"))
  ) {
    url = `//${url}`;
  }
  if (scheme) url = `${scheme}:${url}`;
  if (query) url = `${url}?${query}`;
  if (fragment) url = `${url}#${fragment}`;
  return url;
}

/** `SplitResult.hostname`: lowercased, `None` when empty. */
export function urlHostname(netloc: string): string | null {
  const info = netloc.slice(netloc.lastIndexOf("@") + 1);
  const open = info.indexOf("[");
  let host: string;
  if (open >= 0) host = info.slice(open + 1).split("]", 1)[0] as string;
  else host = info.split(":", 1)[0] as string;
  if (!host) return null;
  const pct = host.indexOf("%");
  return pct >= 0 ? host.slice(0, pct).toLowerCase() + host.slice(pct) : host.toLowerCase();
}

// ---------- EmailValidator / URLValidator (Django 6) ----------

const HOST_CHAR = `[a-zA-Z0-9${UL}]`;
// DomainNameValidator.hostname_re; domain_re is the same label after a dot. The
// `(?!-)…(?<!-)` of Django's patterns is spelled without lookbehind (older Safari lacks it).
const LABEL = `${HOST_CHAR}(?:[a-zA-Z0-9${UL}-]{0,61}${HOST_CHAR})?`;
// tld_no_fqdn_re: no digits, except in an `xn--` label.
const TLD = `\\.(?:[a-zA-Z${UL}][a-zA-Z${UL}-]{0,61}[a-zA-Z${UL}]|[xX][nN]--[a-zA-Z0-9${FOLDS}]{1,59})`;
const ATOM = `[-!#$%&'*+/=?^_\`{}|~0-9A-Za-z${FOLDS}]`;

const EMAIL_USER = new RegExp(
  `^(?:${ATOM}+(?:\\.${ATOM}+)*` +
    `|"(?:[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f${FOLDS}]` +
    `|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f${FOLDS}])*")$`,
  "u",
);
const EMAIL_DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*${TLD}$`, "u");
const EMAIL_LITERAL = /^\[([A-Fa-f0-9:.]+)\]$/;

/** Django's `validate_email` (EmailValidator with `allowlist`, default `["localhost"]`). */
export function isValidEmail(
  value: unknown,
  allowlist: readonly string[] = ["localhost"],
): boolean {
  if (typeof value !== "string" || !value.includes("@") || pyLen(value) > 320) return false;
  const at = value.lastIndexOf("@");
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_USER.test(user)) return false;
  if (allowlist.includes(domain) || EMAIL_DOMAIN.test(domain)) return true;
  const literal = EMAIL_LITERAL.exec(domain)?.[1];
  return literal !== undefined && (isValidIpv4(literal) || isValidIpv6(literal));
}

const IPV4_OCTET = "(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)";
const NOT_SPACE = `[^${PY_SPACE}:@/]`;
const URL_PATTERN = new RegExp(
  `^[a-zA-Z0-9.+\\-${FOLDS}]*://` +
    `(?:${NOT_SPACE}+(?::${NOT_SPACE}*)?@)?` +
    `(?:${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}` +
    "|\\[[0-9a-fA-F:.]+\\]" +
    `|${LABEL}(?:\\.${LABEL})*${TLD}\\.?` +
    "|[lL][oO][cC][aA][lL][hH][oO][sS\\u017f][tT])" +
    "(?::[0-9]{1,5})?" +
    `(?:[/?#][^${PY_SPACE}]*)?$`,
  "u",
);

/** URLValidator's schemes and its `max_length` (Django 6). */
export const URL_SCHEMES = ["http", "https", "ftp", "ftps"];
export const URL_MAX_LENGTH = 2048;

/** Django's URLValidator: scheme, full-URL regex, bracketed IPv6, host length. */
export function isValidUrl(value: unknown, schemes: readonly string[] = URL_SCHEMES): boolean {
  if (typeof value !== "string" || pyLen(value) > URL_MAX_LENGTH) return false;
  if (/[\t\r\n]/.test(value)) return false;
  if (!schemes.includes((value.split("://")[0] as string).toLowerCase())) return false;
  const parts = urlsplit(value);
  if (!parts || !URL_PATTERN.test(value)) return false;
  const bracketed = /^\[([^\n]+)\](?::[0-9]{1,5})?$/.exec(parts[1])?.[1];
  if (bracketed !== undefined && !isValidIpv6(bracketed)) return false;
  const host = urlHostname(parts[1]);
  return host !== null && pyLen(host) <= 253;
}

// ---------- uuid.UUID ----------

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
export function parseUuid(text: string): string | null {
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

// ---------- coercers (to_python) ----------

const INVALID: CoerceResult = { ok: false, code: "invalid" };

/** URLField.to_python: CharField's, then add the scheme and move a path-only host. */
export const coerceUrl: CoerceFn = (value, params) => {
  const base = coerceStr(value, { ...params, strip: true });
  if (!base.ok || !base.value) return base;
  let parts = urlsplit(base.value as string);
  if (!parts) return INVALID;
  if (!parts[0]) parts[0] = String(params.assume_scheme ?? "https");
  if (!parts[1]) {
    parts = urlsplit(urlunsplit([parts[0], parts[2], "", parts[3], parts[4]]));
    if (!parts) return INVALID;
  }
  return { ok: true, value: urlunsplit(parts) };
};

/** UUIDField.to_python: the canonical lowercase hyphenated string, `null` when empty. */
export const coerceUuid: CoerceFn = (value, params) => {
  const text = coerceStr(value, { strip: params.strip !== false, empty: "" });
  if (!text.ok || text.value === "") return { ok: true, value: null };
  const uuid = parseUuid(text.value as string);
  return uuid === null ? INVALID : { ok: true, value: uuid };
};

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

// ---------- rules (validators) ----------

const compiled = new Map<string, RegExp>();

/** RegexValidator: `regex.search(str(value))`, failing on a match when `inverse_match`. */
export const regexRule: RuleFn = (value, params) => {
  const source = String(params.pattern ?? "");
  const flags = String(params.flags ?? "");
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source, flags.replace("g", ""));
    compiled.set(key, re);
  }
  return re.test(pyStr(value)) === (params.inverse_match === true) ? { value } : null;
};

export const emailRule: RuleFn = (value, params) =>
  isValidEmail(value, (params.allowlist as string[] | undefined) ?? ["localhost"])
    ? null
    : { value };

export const urlRule: RuleFn = (value, params) =>
  isValidUrl(value, (params.schemes as string[] | undefined) ?? URL_SCHEMES) ? null : { value };

export const ipv4Rule: RuleFn = (value) => (isValidIpv4(value) ? null : { value });
export const ipv6Rule: RuleFn = (value) => (isValidIpv6(value) ? null : { value });
export const ipv46Rule: RuleFn = (value) =>
  isValidIpv4(value) || isValidIpv6(value) ? null : { value };

export const textCoercers: Record<string, CoerceFn> = {
  url: coerceUrl,
  uuid: coerceUuid,
  ip: coerceIp,
};
export const textRules: Record<string, RuleFn> = {
  regex: regexRule,
  email: emailRule,
  url: urlRule,
  ipv4: ipv4Rule,
  ipv6: ipv6Rule,
  ipv46: ipv46Rule,
};
