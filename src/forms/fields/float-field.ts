import type { JsonSchema } from "../field.js";
import { formatMessage } from "../messages.js";
import { coerceFloat, finite } from "../rules/numeric.js";
import type { CoerceSpec, RuleSpec } from "../rules/types.js";
import { NumberInput, type Widget, type WidgetAttrs } from "../widgets/widget.js";
import { IntegerField, type IntegerFieldOptions, type MaybeEmpty } from "./integer-field.js";

export type FloatFieldOptions<R extends boolean = boolean> = IntegerFieldOptions<R>;

/**
 * Django's FloatField. Cleans to a finite `number`, or `null` when empty and not required.
 * Input is read as Python's `float(value)`: " 1.5 ", "1e3", "-.5", "1_000.5", `true` (1.0);
 * "inf" and "nan" parse but are refused by `validate()` with `invalid`, as in Django.
 * `stepSize` is checked with Django's tolerance (`math.isclose(..., abs_tol=1e-9)`).
 * `localize: true` reads the input in the request's language, as IntegerField does.
 *
 * @example
 * ratio = new FloatField({ minValue: 0, maxValue: 1 }); // cleans to number
 */
export class FloatField<R extends boolean = true> extends IntegerField<R, MaybeEmpty<R, number>> {
  static override readonly fieldType: string = "FloatField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "FloatField.invalid" };

  override toPython(value: unknown): MaybeEmpty<R, number> | null {
    const result = coerceFloat(this.localized(value), {});
    if (!result.ok) throw this.error(result.code);
    return result.value as number | null;
  }

  override validate(value: unknown): void {
    super.validate(value);
    if (this.isEmpty(value)) return;
    if (finite(value, {})) throw this.error("invalid");
  }

  /** Django adds `step="any"` unless the widget sets a step, so decimals pass the browser's check. */
  protected override widgetAttrs(widget: Widget): WidgetAttrs {
    const attrs = super.widgetAttrs(widget);
    if (widget instanceof NumberInput && !("step" in widget.attrs) && attrs.step === undefined) {
      attrs.step = "any";
    }
    return attrs;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "float", params: {} };
  }

  protected override validateSpecs(): RuleSpec[] {
    return [finiteSpec(this.errorMessages.invalid ?? "")];
  }

  protected override inputSchema(): JsonSchema {
    return this.boundsSchema(["number", "string"]);
  }
}

/** The `validate()` check FloatField and DecimalField share with the browser. */
export function finiteSpec(message: Parameters<typeof formatMessage>[0]): RuleSpec {
  return { rule: "finite", code: "invalid", message: formatMessage(message, {}), params: {} };
}
