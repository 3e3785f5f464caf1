import { addBuiltinValidator, Field, type FieldOptions, type JsonSchema } from "../field.js";
import { type REFUSED, refuse } from "../field-parts.js";
import { coerceStr } from "../rules/core.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { ValidationError } from "../validation-error.js";
import {
  MaxLengthValidator,
  MinLengthValidator,
  ProhibitNullCharactersValidator,
} from "../validators/length.js";

export interface CharFieldOptions<TEmpty extends string | null = string> extends FieldOptions {
  maxLength?: number;
  minLength?: number;
  /** Default true: strip leading and trailing whitespace (Python's `str.strip()`). */
  strip?: boolean;
  /** What empty input cleans to; default `""` (Django's `empty_value`). */
  emptyValue?: TEmpty;
}

/**
 * Django's CharField. Cleans to a `string` (or `emptyValue`, default `""`, when empty).
 *
 * @example
 * name = new CharField({ maxLength: 100 });
 */
export class CharField<TEmpty extends string | null = string> extends Field<
  string | TEmpty,
  string
> {
  static override readonly fieldType: string = "CharField";
  // Until given, these are read off the prototype (undefined, undefined, true, "": see below).
  readonly maxLength: number | undefined;
  readonly minLength: number | undefined;
  readonly strip!: boolean;
  readonly emptyValueOption!: TEmpty;

  constructor(options: CharFieldOptions<TEmpty> = {}) {
    super(options);
    // Only what differs from the default is stored.
    const { maxLength, minLength, strip, emptyValue } = options;
    if (maxLength !== undefined) this.maxLength = maxLength;
    if (minLength !== undefined) this.minLength = minLength;
    if (strip != null && strip !== true) this.strip = strip;
    if (emptyValue !== undefined && emptyValue !== "") this.emptyValueOption = emptyValue;
    if (minLength !== undefined) addBuiltinValidator(this, MinLengthValidator, minLength);
    if (maxLength !== undefined) addBuiltinValidator(this, MaxLengthValidator, maxLength);
    addBuiltinValidator(this, ProhibitNullCharactersValidator);
  }

  override toPython(value: unknown): string | TEmpty {
    return super.toPython(value) as string | TEmpty;
  }

  /** @internal See `Field.toPythonChecked`. */
  override toPythonChecked(value: unknown): string | TEmpty | typeof REFUSED {
    // Most input: a text with a visible ASCII character at each end (or not stripped), which
    // `coerceStr` gives back as it is.
    if (typeof value === "string" && value !== "") {
      if (this.strip === false) return value;
      const first = value.charCodeAt(0);
      const last = value.charCodeAt(value.length - 1);
      if (first > 32 && first < 133 && last > 32 && last < 133) return value;
    }
    const result = coerceStr(value, { strip: this.strip, empty: this.emptyValueOption });
    if (!result.ok) {
      return refuse(
        new ValidationError(this.errorMessages.invalid as string, { code: result.code }),
      );
    }
    return result.value as string | TEmpty;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "str", params: { strip: this.strip, empty: this.emptyValueOption } };
  }

  protected override emptyValue(): JsonValue {
    return this.emptyValueOption;
  }

  protected override inputType(): string {
    return "string";
  }

  protected override cleanedType(): string {
    return this.orEmpty("string");
  }

  protected override inputSchema(): JsonSchema {
    const schema: JsonSchema = { type: "string" };
    if (this.maxLength !== undefined) schema.maxLength = this.maxLength;
    if (this.minLength !== undefined) schema.minLength = this.minLength;
    return schema;
  }

  protected override constraints(): Record<string, unknown> {
    return {
      max_length: this.maxLength ?? null,
      min_length: this.minLength ?? null,
      strip: this.strip,
    };
  }
}

Object.assign(CharField.prototype, {
  maxLength: undefined,
  minLength: undefined,
  strip: true,
  emptyValueOption: "",
});
