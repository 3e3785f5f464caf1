import { coerceStr, pyLen } from "./core.js";
import { FOLDS, LABEL, TLD } from "./domain.js";
import { isValidIpv6, parseIpv4, parseIpv6 } from "./ip.js";
import { PY_SPACE } from "./py.js";
import type { CoerceFn, CoerceResult, RuleFn } from "./types.js";

// URLField's `to_python` and Django 6's URLValidator, with the part of Python's
// `urllib.parse` they need. Pure and dependency-free: they ship to the browser.

// ---------- urllib.parse ----------

/** `urllib.parse.SplitResult` as a tuple: scheme, netloc, path, query, fragment. */
export type UrlParts = [string, string, string, string, string];

const USES_NETLOC = /* @__PURE__ */ (() =>
  new Set(
    "ftp http gopher nntp telnet imap wais file mms https shttp snews prospero rtsp rtsps rtspu rsync svn svn+ssh sftp nfs git git+ssh ws wss itms-services".split(
      " ",
    ),
  ))();

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

// A regex literal is a new object each time it is evaluated: the patterns used per call are
// built once here.
// \t \r \n (urlsplit drops them, URLValidator refuses them) and the other Python spaces below
// U+00A1, which no part of URL_PATTERN matches: a URL holding one is refused without it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's spaces are the point
const UNSAFE = /[\t-\r\x1c-\x20\x85\xa0]/;
const UNSAFE_ALL = /[\t\r\n]/g;
const NON_ASCII = /[\x80-\uffff]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const DELIM = /[/?#]/;
const BRACKETED = /^\[([^\n]+)\](?::[0-9]{1,5})?$/;

function checkNetloc(netloc: string): boolean {
  if (!NON_ASCII.test(netloc)) return true;
  const n = netloc.replace(/[@:#?]/g, "");
  const normalized = n.normalize("NFKC");
  return n === normalized || !/[/?#@:]/.test(normalized);
}

/** Python's `urllib.parse.urlsplit` (3.12+); `null` where it raises ValueError. */
export function urlsplit(input: string): UrlParts | null {
  // lstrip of the WHATWG "C0 control or space" set (U+0000 to U+0020).
  let start = 0;
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++;
  let url = input.slice(start).replace(UNSAFE_ALL, "");
  let scheme = "";
  let netloc = "";
  let query = "";
  let fragment = "";
  const colon = url.indexOf(":");
  if (colon > 0 && SCHEME.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (url.startsWith("//")) {
    const rest = url.slice(2);
    const delim = rest.search(DELIM);
    netloc = delim < 0 ? rest : rest.slice(0, delim);
    url = delim < 0 ? "" : rest.slice(delim);
    const open = netloc.includes("[");
    if (open !== netloc.includes("]")) return null;
    if (open && !checkBracketedNetloc(netloc)) return null;
  }
  const hash = url.indexOf("#");
  if (hash >= 0) {
    fragment = url.slice(hash + 1);
    url = url.slice(0, hash);
  }
  const question = url.indexOf("?");
  if (question >= 0) {
    query = url.slice(question + 1);
    url = url.slice(0, question);
  }
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
function urlHostname(netloc: string): string | null {
  const info = netloc.slice(netloc.lastIndexOf("@") + 1);
  const open = info.indexOf("[");
  let host: string;
  if (open >= 0) host = info.slice(open + 1).split("]", 1)[0] as string;
  else host = info.split(":", 1)[0] as string;
  if (!host) return null;
  const pct = host.indexOf("%");
  return pct >= 0 ? host.slice(0, pct).toLowerCase() + host.slice(pct) : host.toLowerCase();
}

// ---------- URLValidator (Django 6) ----------

const IPV4_OCTET = "(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)";
const NOT_SPACE = `[^${PY_SPACE}:@/]`;
const URL_PATTERN = /* @__PURE__ */ (() =>
  new RegExp(
    `^[a-zA-Z0-9.+\\-${FOLDS}]*://` +
      `(?:${NOT_SPACE}+(?::${NOT_SPACE}*)?@)?` +
      `(?:${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}` +
      "|\\[[0-9a-fA-F:.]+\\]" +
      `|${LABEL}(?:\\.${LABEL})*${TLD}\\.?` +
      "|[lL][oO][cC][aA][lL][hH][oO][sS\\u017f][tT])" +
      "(?::[0-9]{1,5})?" +
      `(?:[/?#][^${PY_SPACE}]*)?$`,
    "u",
  ))();

/** URLValidator's schemes and its `max_length` (Django 6). */
export const URL_SCHEMES = ["http", "https", "ftp", "ftps"];
const URL_MAX_LENGTH = 2048;

// The common URL, decided without splitting: printable ASCII, a scheme, a host of ASCII
// labels (letters, digits, inner hyphens) and a letters-only TLD, a port, a path. Whatever it
// matches with no label over 63 characters and a host of at most 253 (LONG_RUN finds none),
// the full check below accepts too (the host alternative of URL_PATTERN; a netloc with no
// brackets, `@` or non-ASCII; a length equal to `pyLen`). Bounded repeats cost irregexp a
// counter per character, hence the unbounded pattern and the separate length check.
const PLAIN_URL =
  /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*\.)+[a-zA-Z][a-zA-Z]+(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$/;
const LONG_RUN = /[a-zA-Z0-9-]{64}|[a-zA-Z0-9.-]{254}/;

/** Django's URLValidator: scheme, full-URL regex, bracketed IPv6, host length. */
function isValidUrl(value: unknown, schemes: readonly string[] = URL_SCHEMES): boolean {
  if (typeof value !== "string") return false;
  // `value.split("://")[0].lower()` without the list.
  const sep = value.indexOf("://");
  if (!schemes.includes((sep < 0 ? value : value.slice(0, sep)).toLowerCase())) return false;
  // (Past "://", 63 characters or fewer hold no longer label or host.)
  if (PLAIN_URL.test(value) && (value.length - sep < 67 || !LONG_RUN.test(value))) {
    return value.length <= URL_MAX_LENGTH;
  }
  // A code point is one or two UTF-16 units: count only past the limit in units.
  if (value.length > URL_MAX_LENGTH && pyLen(value) > URL_MAX_LENGTH) return false;
  if (UNSAFE.test(value) || !URL_PATTERN.test(value)) return false;
  const parts = urlsplit(value);
  if (!parts) return false;
  const bracketed = BRACKETED.exec(parts[1])?.[1];
  if (bracketed !== undefined && !isValidIpv6(bracketed)) return false;
  const host = urlHostname(parts[1]);
  return host !== null && pyLen(host) <= 253;
}

// ---------- URLField ----------

const INVALID: CoerceResult = { ok: false, code: "invalid" };
const STRIP = { strip: true };
const PLAIN_SPLIT = /^[a-z][a-z0-9+.-]*:\/\/[!"$-.0->@-Z\\^-~]+(?:[/?#][!-~]*)?$/;
// ASCII text without a scheme (no ":"), "/", "?", "#", brackets, control characters or a
// leading space: split, it is all path; the path becomes the netloc under the assumed scheme.
const NO_SCHEME = /^[!"$-.0-9;->@-Z\\^-~][ !"$-.0-9;->@-Z\\^-~]*$/;
const LOWER_SCHEME = /^[a-z][a-z0-9+.-]*$/;

/** URLField.to_python: CharField's, then add the scheme and move a path-only host. */
export const coerceUrl: CoerceFn = (value, params) => {
  // coerceStr strips unless `strip: false`: copy the params only then (not on every clean).
  const base = coerceStr(value, params.strip === false ? Object.assign({}, params, STRIP) : params);
  if (!base.ok || !base.value) return base;
  const text = base.value as string;
  // Printable ASCII with a lowercase scheme, a host without brackets, and no empty query or
  // fragment (a `?` or `#` that urlunsplit would drop): the split and rejoin give it back.
  const last = text.charCodeAt(text.length - 1);
  if (PLAIN_SPLIT.test(text) && last !== 35 && last !== 63 && !text.includes("?#")) return base;
  const scheme = String(params.assume_scheme ?? "https");
  // ("not a url" → "https://not a url", as the split, rejoin, split and rejoin below give.)
  if (NO_SCHEME.test(text) && LOWER_SCHEME.test(scheme))
    return { ok: true, value: `${scheme}://${text}` };
  let parts = urlsplit(text);
  if (!parts) return INVALID;
  if (!parts[0]) parts[0] = scheme;
  if (!parts[1]) {
    parts = urlsplit(urlunsplit([parts[0], parts[2], "", parts[3], parts[4]]));
    if (!parts) return INVALID;
  }
  return { ok: true, value: urlunsplit(parts) };
};

export const urlRule: RuleFn = (value, params) =>
  isValidUrl(value, (params.schemes as string[] | undefined) ?? URL_SCHEMES) ? null : { value };

export const urlCoercers: Record<string, CoerceFn> = { url: coerceUrl };
export const urlRules: Record<string, RuleFn> = { url: urlRule };
