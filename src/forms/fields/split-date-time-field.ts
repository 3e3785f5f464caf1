import type { JsonSchema } from "../field.js";
import { SplitDateTimeWidget } from "../widgets/multi-widget.js";
import type { Widget } from "../widgets/widget.js";
import { DateField, type DateFieldOptions } from "./date-field.js";
import { MultiValueField, type MultiValueFieldOptions } from "./multi-value-field.js";
import { TimeField, type TimeFieldOptions } from "./time-field.js";

/** What SplitDateTimeWidget submits: `[date, time]`, each text (or a JS `Date`). */
export type SplitDateTimeInput = readonly [
  date: string | Date | null | undefined,
  time: string | Date | null | undefined,
];

export interface SplitDateTimeFieldOptions<R extends boolean = boolean>
  extends MultiValueFieldOptions<R> {
  /** The date part's `inputFormats` (Django's `input_date_formats`); default DateField's. */
  inputDateFormats?: readonly string[];
  /** The time part's `inputFormats` (Django's `input_time_formats`); default TimeField's. */
  inputTimeFormats?: readonly string[];
}

/**
 * Django's SplitDateTimeField: a DateField and a TimeField, submitted as `[date, time]`
 * (SplitDateTimeWidget), cleaned to the naive ISO datetime `"YYYY-MM-DDTHH:MM:SS[.ffffff]"`
 * that DateTimeField gives (`null` when empty and not required). The parts are parsed by
 * DateField and TimeField, so the same input formats apply. Codes: `required`, `invalid`
 * ("Enter a list of values."), and `invalid_date` / `invalid_time` ("Enter a valid date." /
 * "Enter a valid time."): a part that does not parse carries code `invalid` with that text
 * (the part's error, as in Django); a part missing from an optional field is `invalid_date`
 * or `invalid_time`. Both parts' errors are reported together.
 *
 * Server-rules: the browser checks only that something was entered (an empty required field
 * is "This field is required.") and keeps the parts as they are; the server parses them.
 * The shared pipeline runs one coercer reporting one error by the field's own code, while
 * this field reports each part's error at once, under the part's code.
 *
 * @example
 * const startsAt = new SplitDateTimeField();
 * startsAt.clean(["2006-01-10", "07:30"]); // "2006-01-10T07:30:00"
 */
export class SplitDateTimeField<R extends boolean = true> extends MultiValueField<
  R extends false ? string | null : string,
  SplitDateTimeInput | "" | null
> {
  static override readonly fieldType: string = "SplitDateTimeField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid_date: "SplitDateTimeField.invalid_date",
    invalid_time: "SplitDateTimeField.invalid_time",
  };

  constructor(options: SplitDateTimeFieldOptions<R> = {}) {
    const given = options.errorMessages ?? {};
    // Django gives the parts this field's invalid_date/invalid_time texts as their
    // `invalid`; those default to the very texts DateField and TimeField already have, so
    // only an override is passed (the defaults stay looked up in the active locale).
    const localize = options.localize ?? false;
    const dateOptions: DateFieldOptions = { localize };
    const timeOptions: TimeFieldOptions = { localize };
    if (options.inputDateFormats) dateOptions.inputFormats = options.inputDateFormats;
    if (options.inputTimeFormats) timeOptions.inputFormats = options.inputTimeFormats;
    if (given.invalid_date) dateOptions.errorMessages = { invalid: given.invalid_date };
    if (given.invalid_time) timeOptions.errorMessages = { invalid: given.invalid_time };
    const date = new DateField(dateOptions);
    const time = new TimeField(timeOptions);
    super([date, time], options);
  }

  protected override defaultWidget(): Widget {
    return new SplitDateTimeWidget();
  }

  /**
   * Django's `compress`: date and time joined; with no parts, `null`. A missing part (an
   * optional field lets one be empty) is `invalid_date` / `invalid_time`.
   */
  override compress(dataList: unknown[]): R extends false ? string | null : string {
    type Cleaned = R extends false ? string | null : string;
    if (!dataList.length) return null as Cleaned;
    const [date, time] = dataList;
    if (date === null || date === undefined || date === "") throw this.error("invalid_date");
    if (time === null || time === undefined || time === "") throw this.error("invalid_time");
    return `${date as string}T${time as string}` as Cleaned;
  }

  protected override inputType(): string {
    return '[string | Date | null, string | Date | null] | "" | null';
  }

  /** The browser keeps the parts; the server parses and joins them (see the class doc). */
  protected override cleanedType(): string {
    return this.required ? "[string | Date | null, string | Date | null]" : this.inputType();
  }

  protected override inputSchema(): JsonSchema {
    const items = { type: ["string", "null"] };
    return this.required ? { type: "array", items } : { type: ["array", "null", "string"], items };
  }

  protected override constraints(): Record<string, unknown> {
    const [date, time] = this.fields as [DateField, TimeField];
    return {
      ...super.constraints(),
      input_date_formats: [...date.inputFormats],
      input_time_formats: [...time.inputFormats],
    };
  }
}
