import type { MessageTemplate } from "../messages.js";
import type { JsonValue } from "../rules/types.js";
import { URL_SCHEMES, urlRule } from "../rules/url.js";
import {
  keysAre,
  type ParamsLiteral,
  RuleValidator,
  setParamsLiteral,
  VALUE_KEY,
} from "./validator.js";

const schemesParams: ParamsLiteral = (params, failure) =>
  keysAre(failure, VALUE_KEY)
    ? { schemes: params.schemes as JsonValue, value: failure.value as JsonValue }
    : undefined;

export interface URLValidatorOptions {
  /** Accepted schemes, lowercase (default `["http", "https", "ftp", "ftps"]`). */
  schemes?: string[];
  message?: MessageTemplate;
  /** Default `"invalid"`. */
  code?: string;
}

/**
 * Django 6's URLValidator: at most 2048 characters, no tab or newline, a scheme from
 * `schemes`, then Django's URL pattern (user:password, IPv4, bracketed IPv6 or an
 * internationalised host name or `localhost`, port, path) and a host of at most 253
 * characters.
 *
 * @example
 * new URLValidator({ schemes: ["https", "git+ssh"] });
 */
export class URLValidator extends RuleValidator {
  readonly schemes: readonly string[];

  constructor(options: URLValidatorOptions = {}) {
    const schemes = options.schemes ?? [...URL_SCHEMES];
    super("url", urlRule, {
      code: options.code ?? "invalid",
      params: { schemes },
      messageKey: "URLValidator.invalid",
      ...(options.message ? { message: options.message } : {}),
    });
    setParamsLiteral(this, schemesParams);
    this.schemes = schemes;
  }
}
