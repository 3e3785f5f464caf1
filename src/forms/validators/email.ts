import type { MessageTemplate } from "../messages.js";
import { emailRule } from "../rules/email.js";
import type { JsonValue, RuleFn } from "../rules/types.js";
import {
  keysAre,
  type ParamsLiteral,
  RuleValidator,
  setParamsLiteral,
  VALUE_KEY,
} from "./validator.js";

// The common address, accepted without the full check: an ASCII dot-atom, "@", ASCII labels
// (letters, digits, inner hyphens) and a letters-only TLD. In at most 64 characters no label
// can pass 63, so what it matches the full check accepts too, whatever the allowlist. It lives
// here, on the server, rather than in the shared rule: it only saves time, and the browser
// page would download it for nothing.
const PLAIN_EMAIL =
  /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$/;

/** The shared e-mail rule, with the common address answered first. */
const serverEmailRule: RuleFn = (value, params) =>
  typeof value === "string" && value.length <= 64 && PLAIN_EMAIL.test(value)
    ? null
    : emailRule(value, params);

const allowlistParams: ParamsLiteral = (params, failure) =>
  keysAre(failure, VALUE_KEY)
    ? { allowlist: params.allowlist as JsonValue, value: failure.value as JsonValue }
    : undefined;

export interface EmailValidatorOptions {
  message?: MessageTemplate;
  /** Default `"invalid"`. */
  code?: string;
  /** Domains accepted as they are (default `["localhost"]`). */
  allowlist?: string[];
}

/**
 * Django 6's EmailValidator: at most 320 characters, a dot-atom or quoted local part, and a
 * domain that is a (possibly internationalised) host name, a bracketed IPv4/IPv6 literal,
 * or in `allowlist`.
 *
 * @example
 * new EmailField({ validators: [new EmailValidator({ allowlist: ["intranet"] })] });
 */
export class EmailValidator extends RuleValidator {
  readonly allowlist: readonly string[];

  constructor(options: EmailValidatorOptions = {}) {
    const allowlist = options.allowlist ?? ["localhost"];
    super("email", serverEmailRule, {
      code: options.code ?? "invalid",
      params: { allowlist },
      messageKey: "EmailValidator.invalid",
      ...(options.message ? { message: options.message } : {}),
    });
    setParamsLiteral(this, allowlistParams);
    this.allowlist = allowlist;
  }
}

/** Django's `validate_email`. */
export const validateEmail = new EmailValidator();
