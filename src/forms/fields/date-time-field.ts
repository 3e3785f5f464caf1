import { getFormat } from "../formats/index.js";
import { type PyDateTime, toOrdinal } from "../rules/calendar.js";
import { fromIsoFormat } from "../rules/iso-datetime.js";
import { isDate } from "../rules/py.js";
import { coerceDateTime } from "../rules/temporal.js";
import { DateTimeInput, type Widget } from "../widgets/widget.js";
import {
  BaseTemporalField,
  type BaseTemporalFieldOptions,
  DATETIME_AND_DATE_INPUT_FORMATS,
} from "./base-temporal-field.js";

export type DateTimeFieldOptions<R extends boolean = boolean> = BaseTemporalFieldOptions<R>;

function utcMicros(dt: PyDateTime): bigint {
  const seconds =
    toOrdinal(dt.year, dt.month, dt.day) * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second;
  return BigInt(seconds) * 1_000_000n + BigInt(dt.microsecond - (dt.offset ?? 0));
}

/**
 * Django's DateTimeField. Cleans to an ISO 8601 string (`null` when empty and not required):
 * naive `"YYYY-MM-DDTHH:MM:SS[.ffffff]"` when the input has no offset, or with the offset it
 * was given (`"...+07:00"`, "Z" becomes `"+00:00"`), like Python's `datetime.isoformat()`.
 * mizan attaches no time zone of its own (Django's USE_TZ would make naive values aware in
 * the current zone). Input is text that Django's `parse_datetime` reads (ISO 8601, "T" or
 * space, fractions, "Z"/offsets), else text in one of `inputFormats` (default Django's
 * DATETIME_INPUT_FORMATS, then DATE_INPUT_FORMATS), or a JS `Date`, an instant, given in UTC.
 *
 * @example
 * const startsAt = new DateTimeField();
 * startsAt.clean("10/25/2006 14:30"); // "2006-10-25T14:30:00"
 * startsAt.clean("2014-09-23T22:34Z"); // "2014-09-23T22:34:00+00:00"
 */
export class DateTimeField<R extends boolean = true> extends BaseTemporalField<
  R extends false ? string | null : string
> {
  static override readonly fieldType: string = "DateTimeField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "DateTimeField.invalid",
  };

  // Typed options let `required: false` infer R (the cleaned type then allows null).
  constructor(options: DateTimeFieldOptions<R> = {}) {
    super(options);
  }

  protected override defaultWidget(): Widget {
    return new DateTimeInput();
  }

  protected override defaultInputFormats(): readonly string[] {
    return DATETIME_AND_DATE_INPUT_FORMATS;
  }

  protected override localizedInputFormats(language: string): readonly string[] {
    return [
      ...getFormat("datetimeInputFormats", language),
      ...getFormat("dateInputFormats", language),
    ];
  }

  protected override coerceKind(): "datetime" {
    return "datetime";
  }

  protected override typedValue(value: unknown): string | undefined {
    if (typeof value !== "string" && !isDate(value)) return undefined;
    const result = coerceDateTime(value, { input_formats: [] });
    return result.ok ? (result.value as string) : undefined;
  }

  /** Aware datetimes are equal when they are the same instant; aware never equals naive. */
  protected override sameValue(a: unknown, b: unknown): boolean {
    const left = typeof a === "string" ? fromIsoFormat(a) : null;
    const right = typeof b === "string" ? fromIsoFormat(b) : null;
    if (left?.offset == null || right?.offset == null) return a === b;
    return utcMicros(left) === utcMicros(right);
  }
}
