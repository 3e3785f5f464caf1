import { pyLen } from "./core.js";
import { FOLDS, LABEL, TLD } from "./domain.js";
import { isValidIpv6, parseIpv4 } from "./ip.js";
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

// The common address, accepted without the checks below: an ASCII dot-atom, "@", ASCII
// labels (letters, digits, inner hyphens) and a letters-only TLD. In at most 64 characters no
// label can pass 63, so what it matches the user and domain patterns accept too.
const PLAIN_EMAIL =
  /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$/;

/** Django's `validate_email` (EmailValidator with `allowlist`, default `["localhost"]`). */
function isValidEmail(value: unknown, allowlist: readonly string[]): boolean {
  if (typeof value !== "string") return false;
  if (value.length <= 64 && PLAIN_EMAIL.test(value)) return true;
  if (pyLen(value) > 320) return false;
  const at = value.lastIndexOf("@");
  if (at < 0) return false;
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_USER.test(user)) return false;
  if (allowlist.includes(domain) || EMAIL_DOMAIN.test(domain)) return true;
  const literal = EMAIL_LITERAL.exec(domain)?.[1];
  return literal !== undefined && (parseIpv4(literal) !== null || isValidIpv6(literal));
}

export const emailRule: RuleFn = (value, params) =>
  isValidEmail(value, (params.allowlist as string[] | undefined) ?? ["localhost"])
    ? null
    : { value };

export const emailRules: Record<string, RuleFn> = { email: emailRule };
