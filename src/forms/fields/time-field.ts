import { getFormat } from "../formats/index.js";
import { TIME_INPUT_FORMATS, typedTime } from "../rules/temporal.js";
import { TimeInput, type Widget } from "../widgets/widget.js";
import { BaseTemporalField, type BaseTemporalFieldOptions } from "./base-temporal-field.js";

export type TimeFieldOptions<R extends boolean = boolean> = BaseTemporalFieldOptions<R>;

/**
 * Django's TimeField. Cleans to `"HH:MM:SS"`, or `"HH:MM:SS.ffffff"` when there are
 * microseconds (Python's `time.isoformat()`); `null` when empty and not required. Input is
 * text in one of `inputFormats` (default Django's TIME_INPUT_FORMATS: "14:30:59",
 * "14:30:59.000200", "14:30"), or a JS `Date`, read on the local clock.
 *
 * @example
 * const opens = new TimeField({ inputFormats: ["%I:%M %p"] });
 * opens.clean("4:25 PM"); // "16:25:00"
 */
export class TimeField<R extends boolean = true> extends BaseTemporalField<
  R extends false ? string | null : string
> {
  static override readonly fieldType: string = "TimeField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "TimeField.invalid" };

  // Typed options let `required: false` infer R (the cleaned type then allows null).
  constructor(options: TimeFieldOptions<R> = {}) {
    super(options);
  }

  protected override defaultWidget(): Widget {
    return new TimeInput();
  }

  protected override defaultInputFormats(): readonly string[] {
    return TIME_INPUT_FORMATS;
  }

  protected override localizedInputFormats(language: string): readonly string[] {
    return getFormat("timeInputFormats", language);
  }

  protected override coerceKind(): "time" {
    return "time";
  }

  protected override typedValue(value: unknown): string | undefined {
    return typedTime(value);
  }
}
