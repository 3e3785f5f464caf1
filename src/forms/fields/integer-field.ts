import {
  addBuiltinValidator,
  Field,
  type FieldDescriptor,
  type FieldOptions,
  type JsonSchema,
} from "../field.js";
import { type REFUSED, refuse } from "../field-parts.js";
import { sanitizeSeparators } from "../formats/index.js";
import { coerceInt } from "../rules/numeric.js";
import type { CoerceSpec } from "../rules/types.js";
import {
  MaxValueValidator,
  MinValueValidator,
  type NumericLimit,
  StepValueValidator,
} from "../validators/value.js";
import { NumberInput, TextInput, type Widget, type WidgetAttrs } from "../widgets/widget.js";
import { serverCheckedNode } from "./localized.js";

/** The cleaned type of a field whose empty input cleans to `TEmpty`: only when not required. */
export type MaybeEmpty<R extends boolean, T, TEmpty = null> = R extends false ? T | TEmpty : T;

export interface IntegerFieldOptions<R extends boolean = boolean> extends FieldOptions {
  /** Default true; `false` makes the cleaned type `number | null`. */
  required?: R;
  maxValue?: number;
  minValue?: number;
  /** The value must be `minValue + k × stepSize` (or `k × stepSize` without `minValue`). */
  stepSize?: number;
}

/**
 * Django's IntegerField. Cleans to a `number` (a safe integer), or `null` when empty and not
 * required. Input is read as Python's `int(str(value))` after dropping a trailing ".0":
 * " 42 ", "+1_000", "1.0", "٤٢" are accepted; "1.5", "1e3" are not. Integers beyond
 * `Number.MAX_SAFE_INTEGER` are refused with `invalid` (Django accepts them; a JS number
 * would silently hold a different integer).
 *
 * With `localize: true` the input is read in the request's language first (Django's
 * `sanitize_separators`: "1234,5" is 1234.5 in French; thousand separators only with
 * `configureFormats({ useThousandSeparator: true })`), the widget is a TextInput, and the
 * field is checked by the server only (the browser passes its input through).
 *
 * @example
 * age = new IntegerField({ minValue: 0, maxValue: 130 }); // cleans to number
 * floor = new IntegerField({ required: false }); // cleans to number | null
 */
export class IntegerField<R extends boolean = true, TValue = MaybeEmpty<R, number>> extends Field<
  TValue,
  number | string
> {
  static override readonly fieldType: string = "IntegerField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "IntegerField.invalid",
  };

  // Until given, these are read off the prototype (undefined, see below).
  readonly maxValue: NumericLimit | undefined;
  readonly minValue: NumericLimit | undefined;
  readonly stepSize: NumericLimit | undefined;

  constructor(options: IntegerFieldOptions<R> = {}) {
    super(options);
    const { maxValue, minValue, stepSize } = options;
    if (maxValue !== undefined) {
      this.maxValue = maxValue;
      addBuiltinValidator(this, MaxValueValidator, maxValue);
    }
    if (minValue !== undefined) {
      this.minValue = minValue;
      addBuiltinValidator(this, MinValueValidator, minValue);
    }
    if (stepSize !== undefined) {
      this.stepSize = stepSize;
      this.validators.push(new StepValueValidator(stepSize, { offset: minValue ?? null }));
    }
  }

  /** Django swaps NumberInput for TextInput when localized (browsers handle it badly). */
  protected override defaultWidget(): Widget {
    return this.localize ? new TextInput() : new NumberInput();
  }

  override toPython(value: unknown): TValue | null {
    return super.toPython(value) as TValue | null;
  }

  /** @internal See `Field.toPythonChecked`. */
  override toPythonChecked(value: unknown): TValue | null | typeof REFUSED {
    const input = this.localized(value);
    // A safe integer is its own int() (-0 gives 0), as `coerceInt` reads it.
    if (Number.isSafeInteger(input)) return ((input as number) + 0) as TValue;
    const result = coerceInt(input, {});
    if (!result.ok) return refuse(this.error(result.code));
    return result.value as TValue | null;
  }

  /** Django's `if self.localize: value = formats.sanitize_separators(value)`. */
  protected localized(value: unknown): unknown {
    return this.localize ? sanitizeSeparators(value) : value;
  }

  /** A localized field reads input in the request's language: the server checks it. */
  override hasServerRules(): boolean {
    return this.localize || super.hasServerRules();
  }

  override jsonSchema(): JsonSchema {
    const node = super.jsonSchema();
    return this.localize ? serverCheckedNode(node) : node;
  }

  /** Django's `widget_attrs`: min/max/step for a NumberInput, over the widget's own attrs. */
  protected widgetAttrs(widget: Widget): WidgetAttrs {
    const attrs: WidgetAttrs = {};
    if (!(widget instanceof NumberInput)) return attrs;
    if (this.minValue !== undefined) attrs.min = this.minValue;
    if (this.maxValue !== undefined) attrs.max = this.maxValue;
    if (this.stepSize !== undefined) attrs.step = this.stepSize;
    return attrs;
  }

  override describe(ctx?: unknown): FieldDescriptor {
    const descriptor = super.describe(ctx);
    descriptor.widget.attrs = { ...descriptor.widget.attrs, ...this.widgetAttrs(this.widget) };
    return descriptor;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "int", params: {} };
  }

  protected override inputType(): string {
    return "number | string";
  }

  /** Localized, the browser keeps the input as typed (the server parses it). */
  protected override cleanedType(): string {
    return this.localize ? this.inputType() : this.orEmpty("number");
  }

  protected override inputSchema(): JsonSchema {
    return this.boundsSchema(["integer", "string"]);
  }

  /** `type` (with null when optional) plus advisory `minimum`/`maximum`; `x-mizan-rules` are exact. */
  protected boundsSchema(type: string[]): JsonSchema {
    const schema: JsonSchema = { type: this.required ? type : [...type, "null"] };
    if (this.minValue !== undefined) schema.minimum = Number(this.minValue);
    if (this.maxValue !== undefined) schema.maximum = Number(this.maxValue);
    return schema;
  }

  protected override constraints(): Record<string, unknown> {
    return {
      max_value: this.maxValue ?? null,
      min_value: this.minValue ?? null,
      step_size: this.stepSize ?? null,
    };
  }
}

Object.assign(IntegerField.prototype, {
  maxValue: undefined,
  minValue: undefined,
  stepSize: undefined,
});
