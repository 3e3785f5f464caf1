import { pyLen } from "./core.js";
import { FOLDS, LABEL, TLD } from "./domain.js";
import type { RuleFn } from "./types.js";

// EmailField's check: Django 6's EmailValidator. Pure and dependency-free: it ships to the
// browser.

const ATOM = `[-!#$%&'*+/=?^_\`{}|~0-9A-Za-z${FOLDS}]`;

const EMAIL_USER = new RegExp(
  `^(?:${ATOM}+(?:\\.${ATOM}+)*` +
    `|"(?:[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f${FOLDS}]` +
    `|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f${FOLDS}])*")$`,
  "u",
);
const EMAIL_DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*${TLD}$`, "u");
const EMAIL_LITERAL = /^\[([A-Fa-f0-9:.]+)\]$/;

// The literal's content as `validate_ipv46_address` takes it (ip.ts's parseIpv4 or
// isValidIpv6), answer for answer on what EMAIL_LITERAL lets through, written for size: the
// page with an EmailField does not need ip.ts's parsers and formatting. An octet is 0 to 255
// without a leading zero; IPv6 is at most 39 characters, a trailing IPv4 part standing for two
// hextets, eight hextets of 1 to 4 hex digits or, with one "::", fewer than eight.
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// An IPv4 address ending the text, at its start or after a colon (no lookbehind: older Safari
// lacks it).
const IPV4_TAIL = RegExp(`(^|:)${OCTET}(\\.${OCTET}){3}$`);

function isIpLiteral(text: string): boolean {
  const hextets = text.replace(IPV4_TAIL, ":0:0");
  // Without a colon only an IPv4 address is one (the tail that matched the whole text).
  if (!text.includes(":")) return hextets !== text;
  // With one, the tail matched after the last colon: it stands for two hextets.
  const halves = hextets.split("::");
  const parts = halves.flatMap((half) => (half ? half.split(":") : []));
  return (
    text.length < 40 &&
    halves.length < 3 &&
    (halves.length > 1 ? parts.length < 8 : parts.length === 8) &&
    parts.every((part) => /^[A-Fa-f0-9]{1,4}$/.test(part))
  );
}

/** Django's `validate_email` (EmailValidator with `allowlist`, default `["localhost"]`). */
function isValidEmail(value: unknown, allowlist: readonly string[]): boolean {
  if (typeof value !== "string") return false;
  if (pyLen(value) > 320) return false;
  const at = value.lastIndexOf("@");
  if (at < 0) return false;
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_USER.test(user)) return false;
  if (allowlist.includes(domain) || EMAIL_DOMAIN.test(domain)) return true;
  const literal = EMAIL_LITERAL.exec(domain)?.[1];
  return literal !== undefined && isIpLiteral(literal);
}

export const emailRule: RuleFn = (value, params) =>
  isValidEmail(value, (params.allowlist as string[] | undefined) ?? ["localhost"])
    ? null
    : { value };

export const emailRules: Record<string, RuleFn> = { email: emailRule };
