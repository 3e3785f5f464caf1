import {
  decimalMaxDecimalPlaces,
  decimalMaxDigits,
  decimalMaxWholeDigits,
  finite,
} from "../rules/numeric.js";
import type { RuleFn } from "../rules/types.js";
import { RuleValidator, type ValidatorObject } from "./validator.js";

/**
 * Django's DecimalValidator: refuses NaN/infinities (`invalid`), then checks `max_digits`,
 * `max_decimal_places` and `max_whole_digits` in that order, raising only the first failure.
 * Digits are counted as Django does from `Decimal.as_tuple()`: "0.00" has 2 digits, "1E+2"
 * has 3, leading zeros do not count.
 *
 * A rule in the JSON Schema carries one error code, so the check is shared as `parts`: one
 * rule per code, each failing only when it is the first failing check. DecimalField adds the
 * parts to its validators; to share a standalone validator with the browser, spread them:
 *
 * @example
 * new CharField({ validators: [...new DecimalValidator(5, 2).parts] });
 */
export class DecimalValidator implements ValidatorObject {
  readonly maxDigits: number | null;
  readonly decimalPlaces: number | null;
  /** The shareable checks, in Django's order; at most one of them fails. */
  readonly parts: RuleValidator[];

  constructor(maxDigits: number | null = null, decimalPlaces: number | null = null) {
    this.maxDigits = maxDigits;
    this.decimalPlaces = decimalPlaces;
    const limits = { max_digits: maxDigits, decimal_places: decimalPlaces };
    const part = (rule: string, fn: RuleFn, code: string, max: number) =>
      new RuleValidator(rule, fn, {
        code,
        messageKey: `DecimalValidator.${code}`,
        params: { max, ...limits },
      });
    this.parts = [
      new RuleValidator("finite", finite, {
        code: "invalid",
        messageKey: "DecimalValidator.invalid",
      }),
    ];
    if (maxDigits !== null) {
      this.parts.push(part("decimal_max_digits", decimalMaxDigits, "max_digits", maxDigits));
    }
    if (decimalPlaces !== null) {
      this.parts.push(
        part(
          "decimal_max_decimal_places",
          decimalMaxDecimalPlaces,
          "max_decimal_places",
          decimalPlaces,
        ),
      );
    }
    if (maxDigits !== null && decimalPlaces !== null) {
      this.parts.push(
        part(
          "decimal_max_whole_digits",
          decimalMaxWholeDigits,
          "max_whole_digits",
          maxDigits - decimalPlaces,
        ),
      );
    }
  }

  /** Server-side check: the first failing part raises (Django raises one error). */
  validate(value: unknown): void {
    for (const part of this.parts) part.validate(value);
  }
}
