import type { MessageTemplate } from "../messages.js";
import { emailRule } from "../rules/email.js";
import type { JsonValue } from "../rules/types.js";
import {
  keysAre,
  type ParamsLiteral,
  RuleValidator,
  setParamsLiteral,
  VALUE_KEY,
} from "./validator.js";

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
    super("email", emailRule, {
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
