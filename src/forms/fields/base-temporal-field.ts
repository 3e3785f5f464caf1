import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { type REFUSED, refuse } from "../field-parts.js";
import { activeLocale } from "../message-format.js";
import { compileFormat } from "../rules/strptime.js";
import {
  DATE_INPUT_FORMATS,
  DATETIME_INPUT_FORMATS,
  TIME_INPUT_FORMATS,
  temporalCoercers,
} from "../rules/temporal.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { serverCheckedNode } from "./localized.js";

export interface BaseTemporalFieldOptions<R extends boolean = boolean> extends FieldOptions {
  required?: R;
  /**
   * Python `strptime` formats tried in order ("%d/%m/%Y", "%I:%M %p"...); default Django's
   * DATE/TIME/DATETIME_INPUT_FORMATS. English month, day and AM/PM names, matched
   * case-insensitively; `%y` pivots at 69 (00–68 → 20xx). Given formats win over `localize`.
   */
  inputFormats?: readonly string[];
}

/** @internal DateTimeField's default formats (Django's DATETIME_ then DATE_INPUT_FORMATS). */
export const DATETIME_AND_DATE_INPUT_FORMATS: readonly string[] = [
  ...DATETIME_INPUT_FORMATS,
  ...DATE_INPUT_FORMATS,
];

// The shipped format lists, all of which compile: a field given one skips the per-format check.
const SHIPPED_FORMATS: ReadonlySet<readonly string[]> = new Set([
  DATE_INPUT_FORMATS,
  TIME_INPUT_FORMATS,
  DATETIME_AND_DATE_INPUT_FORMATS,
]);

/**
 * Django's BaseTemporalField: strip the input, then try each input format. Subclasses name
 * their shared coercer (`x-mizan-coerce`) and their default formats.
 *
 * With `localize: true` and no `inputFormats`, the formats are the request's language's
 * (`getFormat("dateInputFormats")`...: "25.10.2006" in German, "25/10/2006" in French), read
 * per call, and the field is checked by the server only (the browser passes its input through).
 */
export abstract class BaseTemporalField<TValue> extends Field<TValue, string | Date> {
  static override readonly fieldType: string = "BaseTemporalField";
  readonly #inputFormats: readonly string[] | undefined;
  #params: { input_formats: string[] } | undefined;

  constructor(options: BaseTemporalFieldOptions = {}) {
    super(options);
    if (options.inputFormats || !this.localize) {
      const formats = options.inputFormats ?? this.defaultInputFormats();
      this.#inputFormats = [...formats];
      // A repeated directive is a programming error (Python's re.error); surface it now, for
      // any list but the shipped ones (known good; a form instance need not check them again).
      if (!SHIPPED_FORMATS.has(formats))
        for (const format of this.#inputFormats) compileFormat(format);
    }
  }

  /** The formats tried, in order: given, else the active language's when localized, else the defaults. */
  get inputFormats(): readonly string[] {
    return this.#inputFormats ?? this.localizedInputFormats(activeLocale());
  }

  /** Whether the formats depend on the request's language (localized, no formats given). */
  protected get formatsLocalized(): boolean {
    return this.#inputFormats === undefined;
  }

  /** Django's class-level `input_formats`. */
  protected abstract defaultInputFormats(): readonly string[];

  /** The class-level `input_formats` in a language (Django's `get_format_lazy`). */
  protected abstract localizedInputFormats(language: string): readonly string[];

  /** The key of this field's `to_python` in `COERCERS`. */
  protected abstract coerceKind(): "date" | "time" | "datetime";

  /**
   * An already-typed value (a Date, or the cleaned string form), which Django accepts as a
   * `date`/`time` object whatever the input formats; undefined if `value` is not one.
   */
  protected abstract typedValue(value: unknown): string | undefined;

  override toPython(value: unknown): TValue {
    return super.toPython(value) as TValue;
  }

  /** @internal See `Field.toPythonChecked`. */
  override toPythonChecked(value: unknown): TValue | typeof REFUSED {
    // A disabled field cleans its initial value, which Django holds as a typed object.
    if (this.disabled) {
      const typed = this.typedValue(value);
      if (typed !== undefined) return typed as TValue;
    }
    const coerce = temporalCoercers[this.coerceKind()];
    const result = (coerce as NonNullable<typeof coerce>)(value, this.#checkParams());
    if (!result.ok) return refuse(this.error(result.code, result.params));
    return result.value as TValue;
  }

  /** Django compares the typed initial with `to_python(data)`; the initial is not re-parsed. */
  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    let dataValue: unknown;
    try {
      dataValue = this.toPython(data);
    } catch {
      return true;
    }
    const initialValue =
      initial === undefined || initial === null ? "" : (this.typedValue(initial) ?? initial);
    return !this.sameValue(initialValue, dataValue ?? "");
  }

  /** Python's `==` on two cleaned values. */
  protected sameValue(a: unknown, b: unknown): boolean {
    return a === b;
  }

  /**
   * The coercer's params for a clean: made once while the formats are fixed (given, or the
   * defaults) and the class keeps this `coerceParams`; the coercer only reads them.
   */
  #checkParams(): { input_formats: string[] } {
    if (this.formatsLocalized || this.coerceParams !== BaseTemporalField.prototype.coerceParams) {
      return this.coerceParams();
    }
    this.#params ??= this.coerceParams();
    return this.#params;
  }

  protected coerceParams(): { input_formats: string[] } {
    return { input_formats: [...this.inputFormats] };
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: this.coerceKind(), params: this.coerceParams() };
  }

  override hasServerRules(): boolean {
    return this.formatsLocalized || super.hasServerRules();
  }

  override jsonSchema(): JsonSchema {
    const node = super.jsonSchema();
    return this.formatsLocalized ? serverCheckedNode(node) : node;
  }

  protected override inputSchema(): JsonSchema {
    return { type: "string" };
  }

  protected override inputType(): string {
    return "string | Date";
  }

  /** ISO text (`"2006-10-25"`, `"14:30:00"`...), `null` when empty; localized, the input as typed. */
  protected override cleanedType(): string {
    return this.formatsLocalized ? this.inputType() : this.orEmpty("string");
  }

  protected override emptyValue(): JsonValue {
    return null;
  }

  protected override constraints(): Record<string, unknown> {
    return { input_formats: [...this.inputFormats] };
  }
}
