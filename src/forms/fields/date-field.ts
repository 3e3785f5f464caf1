import { type REFUSED, refuse } from "../field-parts.js";
import { getFormat } from "../formats/index.js";
import { DATE_INPUT_FORMATS, typedDate } from "../rules/temporal.js";
import { DateInput, type Widget } from "../widgets/widget.js";
import { BaseTemporalField, type BaseTemporalFieldOptions } from "./base-temporal-field.js";

export type DateFieldOptions<R extends boolean = boolean> = BaseTemporalFieldOptions<R>;

/**
 * Django's DateField. Cleans to an ISO date string `"YYYY-MM-DD"` (`null` when empty and
 * not required): it survives JSON, sorts and compares as a string, and carries no time zone.
 * Input is text in one of `inputFormats` (default Django's DATE_INPUT_FORMATS: "2006-10-25",
 * "10/25/2006", "10/25/06", "Oct 25 2006", "25 October, 2006"...), or a JS `Date`, read on
 * the local calendar (a date picker's local midnight stays that day).
 *
 * @example
 * const birthday = new DateField({ inputFormats: ["%d/%m/%Y"] });
 * birthday.clean("25/10/2006"); // "2006-10-25"
 */
export class DateField<R extends boolean = true> extends BaseTemporalField<
  R extends false ? string | null : string
> {
  static override readonly fieldType: string = "DateField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "DateField.invalid" };

  // Typed options let `required: false` infer R (the cleaned type then allows null).
  constructor(options: DateFieldOptions<R> = {}) {
    super(options);
  }

  protected override defaultWidget(): Widget {
    return new DateInput();
  }

  protected override defaultInputFormats(): readonly string[] {
    return DATE_INPUT_FORMATS;
  }

  protected override localizedInputFormats(language: string): readonly string[] {
    return getFormat("dateInputFormats", language);
  }

  protected override coerceKind(): "date" {
    return "date";
  }

  protected override typedValue(value: unknown): string | undefined {
    return typedDate(value);
  }

  override toPython(value: unknown): R extends false ? string | null : string {
    return super.toPython(value);
  }

  /** @internal See `Field.toPythonChecked`. */
  override toPythonChecked(
    value: unknown,
  ): (R extends false ? string | null : string) | typeof REFUSED {
    // The usual input, "YYYY-MM-DD" (ASCII digits, nothing around it) with "%Y-%m-%d" as the
    // first format: that format accepts it exactly when it is a real date, and gives it back
    // as it is. Anything else (and such a text that is no date) takes the general path.
    if (typeof value === "string" && !this.disabled) {
      const formats = this.inputFormats;
      if (formats[0] === "%Y-%m-%d") {
        const typed = typedDate(value);
        if (typed !== undefined) return typed;
        // Such a text that is no date ("2006-02-30"): with Django's formats, the first refuses
        // it and each other one needs a "/", "," or space it does not have.
        if (isDashedDigits(value) && sameFormats(formats)) return refuse(this.error("invalid"));
      }
    }
    return super.toPythonChecked(value);
  }
}

/** Whether `text` is "dddd-dd-dd" in ASCII digits. */
function isDashedDigits(text: string): boolean {
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-") return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** Whether `formats` are Django's DATE_INPUT_FORMATS, in order. */
function sameFormats(formats: readonly string[]): boolean {
  if (formats.length !== DATE_INPUT_FORMATS.length) return false;
  for (let i = 0; i < formats.length; i++) if (formats[i] !== DATE_INPUT_FORMATS[i]) return false;
  return true;
}
