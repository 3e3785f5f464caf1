import type { MessageTemplate } from "../messages.js";
import { maxLength, minLength, nullCharacters } from "../rules/core.js";
import type { JsonValue } from "../rules/types.js";
import { keysAre, type ParamsLiteral, RuleValidator, setParamsLiteral } from "./validator.js";

const COUNT_KEYS: readonly string[] = ["show_value", "value"];

/** @internal A count's failure params (`{ limit_value }` and `{ show_value, value }`). */
export const countParams: ParamsLiteral = (params, failure) =>
  keysAre(failure, COUNT_KEYS)
    ? {
        limit_value: params.limit_value as JsonValue,
        show_value: failure.show_value as JsonValue,
        value: failure.value as JsonValue,
      }
    : undefined;

/** Django's MaxLengthValidator (code `max_length`, counts code points). */
export class MaxLengthValidator extends RuleValidator {
  constructor(limitValue: number, message?: MessageTemplate) {
    super("max_length", maxLength, {
      code: "max_length",
      params: { limit_value: limitValue },
      messageKey: "MaxLengthValidator.max_length",
      ...(message ? { message } : {}),
    });
    setParamsLiteral(this, countParams);
  }
}

/** Django's MinLengthValidator (code `min_length`). */
export class MinLengthValidator extends RuleValidator {
  constructor(limitValue: number, message?: MessageTemplate) {
    super("min_length", minLength, {
      code: "min_length",
      params: { limit_value: limitValue },
      messageKey: "MinLengthValidator.min_length",
      ...(message ? { message } : {}),
    });
    setParamsLiteral(this, countParams);
  }
}

/** Django's ProhibitNullCharactersValidator (code `null_characters_not_allowed`). */
export class ProhibitNullCharactersValidator extends RuleValidator {
  constructor(message?: MessageTemplate) {
    super("null_characters", nullCharacters, {
      code: "null_characters_not_allowed",
      messageKey: "ProhibitNullCharactersValidator.null_characters_not_allowed",
      ...(message ? { message } : {}),
    });
  }
}
