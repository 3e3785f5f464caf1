import type { JsonSchema } from "../field.js";
import { coerceDecimal, compareNumeric, finite } from "../rules/numeric.js";
import type { CoerceSpec, RuleSpec } from "../rules/types.js";
import { DecimalValidator } from "../validators/decimal.js";
import type { NumericLimit } from "../validators/value.js";
import { NumberInput, type Widget, type WidgetAttrs } from "../widgets/widget.js";
import { finiteSpec } from "./float-field.js";
import { IntegerField, type IntegerFieldOptions, type MaybeEmpty } from "./integer-field.js";

export interface DecimalFieldOptions<R extends boolean = boolean>
  extends Omit<IntegerFieldOptions<R>, "maxValue" | "minValue" | "stepSize"> {
  /** A number, or a decimal string for an exact bound ("99.99"). */
  maxValue?: NumericLimit;
  minValue?: NumericLimit;
  stepSize?: NumericLimit;
  /** Most digits in total (Django's `max_digits`). */
  maxDigits?: number;
  /** Most digits after the decimal point (Django's `decimal_places`). */
  decimalPlaces?: number;
}

/** Django's `str(Decimal(1).scaleb(-places)).lower()`: "0.01", "1", "1e-7". */
function decimalStep(places: number): string {
  if (places <= 0) return places === 0 ? "1" : `1e+${-places}`;
  return places > 6 ? `1e-${places}` : `0.${"0".repeat(places - 1)}1`;
}

/**
 * Django's DecimalField. Cleans to a decimal `string` that keeps its scale ("3.10" stays
 * "3.10", "1E+2" becomes "100", ".5" becomes "0.5"), or `null` when empty and not required;
 * no float is ever involved, and `minValue`/`maxValue` compare exactly. Input is read as
 * Python's `Decimal(str(value))`; NaN and infinities are refused with `invalid`.
 * `localize: true` reads the input in the request's language ("1,5" in French), as
 * IntegerField does.
 *
 * @example
 * price = new DecimalField({ maxDigits: 6, decimalPlaces: 2, minValue: "0.01" }); // cleans to string
 */
export class DecimalField<R extends boolean = true> extends IntegerField<R, MaybeEmpty<R, string>> {
  static override readonly fieldType: string = "DecimalField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "DecimalField.invalid",
  };

  readonly maxDigits: number | undefined;
  readonly decimalPlaces: number | undefined;

  constructor(options: DecimalFieldOptions<R> = {}) {
    super(options as IntegerFieldOptions<R>);
    this.maxDigits = options.maxDigits;
    this.decimalPlaces = options.decimalPlaces;
    const validator = new DecimalValidator(this.maxDigits ?? null, this.decimalPlaces ?? null);
    this.validators.push(...validator.parts);
  }

  override toPython(value: unknown): MaybeEmpty<R, string> | null {
    const result = coerceDecimal(this.localized(value), {});
    if (!result.ok) throw this.error(result.code);
    return result.value as string | null;
  }

  override validate(value: unknown): void {
    super.validate(value);
    if (this.isEmpty(value)) return;
    if (finite(value, {})) throw this.error("invalid", { value });
  }

  /** Decimals are equal by value: "0.1" has not changed into "0.10". */
  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    let before: unknown;
    let after: unknown;
    try {
      after = this.toPython(data);
      before = this.toPython(initial);
    } catch {
      return true;
    }
    if (before === null || after === null) return before !== after;
    return compareNumeric(before, after) !== 0;
  }

  /** Django's step: from `decimal_places` ("0.01"), else "any", unless the widget sets one. */
  protected override widgetAttrs(widget: Widget): WidgetAttrs {
    const attrs = super.widgetAttrs(widget);
    if (widget instanceof NumberInput && !("step" in widget.attrs) && attrs.step === undefined) {
      attrs.step = this.decimalPlaces === undefined ? "any" : decimalStep(this.decimalPlaces);
    }
    return attrs;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "decimal", params: {} };
  }

  /** A decimal string, never a float. */
  protected override cleanedType(): string {
    return this.localize ? this.inputType() : this.orEmpty("string");
  }

  protected override validateSpecs(): RuleSpec[] {
    return [finiteSpec(this.errorMessages.invalid ?? "")];
  }

  protected override inputSchema(): JsonSchema {
    return this.boundsSchema(["string", "number"]);
  }

  protected override constraints(): Record<string, unknown> {
    return {
      ...super.constraints(),
      max_digits: this.maxDigits ?? null,
      decimal_places: this.decimalPlaces ?? null,
    };
  }
}
