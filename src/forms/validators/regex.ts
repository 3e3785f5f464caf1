import type { MessageTemplate } from "../messages.js";
import { regexRule } from "../rules/text.js";
import type { JsonValue } from "../rules/types.js";
import {
  keysAre,
  type ParamsLiteral,
  RuleValidator,
  setParamsLiteral,
  VALUE_KEY,
} from "./validator.js";

const regexParams: ParamsLiteral = (params, failure) =>
  keysAre(failure, VALUE_KEY)
    ? {
        pattern: params.pattern as JsonValue,
        flags: params.flags as JsonValue,
        inverse_match: params.inverse_match as JsonValue,
        value: failure.value as JsonValue,
      }
    : undefined;

export interface RegexValidatorOptions {
  message?: MessageTemplate;
  /** Default `"invalid"`. */
  code?: string;
  /** Fail when the pattern *does* match (Django's `inverse_match`). */
  inverseMatch?: boolean;
  /** JS flags for a string pattern (`"i"`, `"u"`...); not allowed with a RegExp. */
  flags?: string;
  /** Locale key of the default message (used by the built-in slug validators). */
  messageKey?: string;
}

/**
 * Django's RegexValidator: fails unless `regex` is found *anywhere* in `String(value)`
 * (Python's `re.search`, so anchor with `^…$` to match the whole value). The pattern runs
 * with JavaScript semantics on both sides: Python-only syntax (`(?P<name>…)`, `\Z`, inline
 * `(?i)`, Unicode `\w`/`\d`) is not translated; use `(?<name>…)`, `$`, flags, `\p{L}`.
 * A `g` flag is dropped (a search is stateless).
 *
 * @example
 * const zip = new RegexValidator(/^\d{5}$/, { message: "Enter a five-digit code." });
 */
export class RegexValidator extends RuleValidator {
  readonly regex: RegExp;
  readonly inverseMatch: boolean;

  constructor(regex: string | RegExp = "", options: RegexValidatorOptions = {}) {
    if (options.flags && typeof regex !== "string") {
      throw new TypeError("If the flags are set, regex must be a regular expression string.");
    }
    const compiled =
      typeof regex === "string" ? new RegExp(regex, options.flags ?? "") : new RegExp(regex);
    const flags = compiled.flags.replace("g", "");
    const inverseMatch = options.inverseMatch ?? false;
    super("regex", regexRule, {
      code: options.code ?? "invalid",
      params: { pattern: compiled.source, flags, inverse_match: inverseMatch },
      messageKey: options.messageKey ?? "RegexValidator.invalid",
      ...(options.message ? { message: options.message } : {}),
    });
    setParamsLiteral(this, regexParams);
    this.regex = new RegExp(compiled.source, flags);
    this.inverseMatch = inverseMatch;
  }
}
