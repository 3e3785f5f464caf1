import type { MessageTemplate } from "../messages.js";
import { maxValue, minValue, stepSize } from "../rules/numeric.js";
import type { RuleFn, RuleParams, RuleSpec } from "../rules/types.js";
import type { ErrorItem } from "../validation-error.js";
import { countParams } from "./length.js";
import { RuleValidator, setParamsLiteral } from "./validator.js";

/** A bound: a number, or a decimal string compared exactly ("0.10"). */
export type NumericLimit = number | string;
/** Django also takes a callable, read at each check (and each schema export). */
export type LimitValue = NumericLimit | (() => NumericLimit);

interface LimitOptions {
  code: string;
  messageKey: string;
  message?: MessageTemplate;
  params?: RuleParams;
}

/** Django's BaseValidator for value limits: `limit_value` may be a callable. */
abstract class LimitValueValidator extends RuleValidator {
  readonly limitValue: LimitValue;

  constructor(rule: string, fn: RuleFn, limitValue: LimitValue, options: LimitOptions) {
    const limit = typeof limitValue === "function" ? limitValue() : limitValue;
    // Object.assign, not spread-then-property: V8 11 (Node 20) takes a slow path for the latter.
    const params: RuleParams = Object.assign({ limit_value: limit }, options.params);
    super(rule, fn, Object.assign({}, options, { params }));
    this.limitValue = limitValue;
    if (options.params === undefined && typeof limitValue !== "function") {
      setParamsLiteral(this, countParams);
    }
  }

  /** Re-read a callable limit; `params` is what both the check and the schema read. */
  #refresh(): void {
    if (typeof this.limitValue === "function") {
      const params = Object.assign({}, this.params, { limit_value: this.limitValue() });
      (this as { params: RuleParams }).params = params;
    }
  }

  override failure(value: unknown): ErrorItem | undefined {
    this.#refresh();
    return super.failure(value);
  }

  override toRule(): RuleSpec {
    this.#refresh();
    return super.toRule();
  }
}

/**
 * Django's MaxValueValidator (code `max_value`): the value must be ≤ the limit.
 *
 * @example
 * new IntegerField({ validators: [new MaxValueValidator(10)] });
 */
export class MaxValueValidator extends LimitValueValidator {
  constructor(limitValue: LimitValue, message?: MessageTemplate) {
    const options: LimitOptions = { code: "max_value", messageKey: "MaxValueValidator.max_value" };
    if (message) options.message = message;
    super("max_value", maxValue, limitValue, options);
  }
}

/**
 * Django's MinValueValidator (code `min_value`): the value must be ≥ the limit.
 *
 * @example
 * new DecimalField({ validators: [new MinValueValidator("0.01")] });
 */
export class MinValueValidator extends LimitValueValidator {
  constructor(limitValue: LimitValue, message?: MessageTemplate) {
    const options: LimitOptions = { code: "min_value", messageKey: "MinValueValidator.min_value" };
    if (message) options.message = message;
    super("min_value", minValue, limitValue, options);
  }
}

/**
 * Django's StepValueValidator (code `step_size`): the value must be `offset + k × step`.
 * Floats get Django's tolerance (`math.isclose(..., abs_tol=1e-9)`); with an `offset` the
 * message gives examples ("starting from -1, e.g. -1, 2, 5, and so on."). Decimal strings are
 * subtracted exactly, then the remainder is taken on floats, as Django does with Decimals.
 *
 * @example
 * new IntegerField({ validators: [new StepValueValidator(2, { offset: 1 })] }); // odd numbers
 */
export class StepValueValidator extends LimitValueValidator {
  readonly offset: NumericLimit | null;

  constructor(
    limitValue: LimitValue,
    options: { offset?: NumericLimit | null; message?: MessageTemplate } = {},
  ) {
    const offset = options.offset ?? null;
    super("step_size", stepSize, limitValue, {
      code: "step_size",
      messageKey:
        offset === null ? "StepValueValidator.step_size" : "StepValueValidator.step_size_offset",
      ...(offset === null ? {} : { params: { offset } }),
      ...(options.message ? { message: options.message } : {}),
    });
    this.offset = offset;
  }
}
