import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { coerceDuration } from "../rules/temporal.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";

export interface DurationFieldOptions<R extends boolean = boolean> extends FieldOptions {
  required?: R;
}

/**
 * Django's DurationField. Cleans to Django's own duration text, `duration_string()`:
 * `"[D ]HH:MM:SS[.ffffff]"` (`"3 10:11:12"`, `"00:15:30"`, `"1 01:15:30.300000"`), exact to
 * the microsecond, the form Django renders and reads back; `null` when empty and not
 * required. As with Python's timedelta only the day count is signed: minus one second is
 * `"-1 23:59:59"`. Input is what `parse_duration` reads: "3 days, 10:11:12", "10:11:12.123",
 * "30" (seconds), ISO 8601 "P4DT1H15M20S", PostgreSQL "3 days 04:05:06"; numbers are
 * seconds. Beyond ±999999999 days the error is `overflow`.
 *
 * @example
 * const timeout = new DurationField();
 * timeout.clean("PT1H30M"); // "01:30:00"
 */
export class DurationField<R extends boolean = true> extends Field<
  R extends false ? string | null : string,
  string | number
> {
  static override readonly fieldType: string = "DurationField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "DurationField.invalid",
    overflow: "DurationField.overflow",
  };

  // Typed options let `required: false` infer R (the cleaned type then allows null).
  constructor(options: DurationFieldOptions<R> = {}) {
    super(options);
  }

  override toPython(value: unknown): R extends false ? string | null : string {
    const result = coerceDuration(value, {});
    if (!result.ok) throw this.error(result.code, result.params);
    return result.value as R extends false ? string | null : string;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "duration", params: {} };
  }

  protected override inputSchema(): JsonSchema {
    return { type: ["string", "number"] };
  }

  protected override inputType(): string {
    return "string | number";
  }

  protected override cleanedType(): string {
    return this.orEmpty("string");
  }

  protected override emptyValue(): JsonValue {
    return null;
  }
}
