import { type REFUSED, refuse } from "../field-parts.js";
import type { CoerceSpec } from "../rules/types.js";
import { coerceUrl } from "../rules/url.js";
import { URLValidator } from "../validators/url.js";
import type { Validator } from "../validators/validator.js";
import { URLInput, type Widget } from "../widgets/widget.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

export interface URLFieldOptions<TEmpty extends string | null = string>
  extends Omit<CharFieldOptions<TEmpty>, "strip"> {
  /** Scheme added to input that has none (`"example.com"`); default `"https"` (Django 6). */
  assumeScheme?: string;
}

/**
 * Django's URLField: strips, adds `assumeScheme` to a URL without one, moves a bare host out
 * of the path (`"example.com/a"` → `"https://example.com/a"`), then runs URLValidator.
 * Cleans to a `string`, or `emptyValue` (default `""`) when empty.
 *
 * @example
 * homepage = new URLField({ assumeScheme: "http", maxLength: 200 });
 */
export class URLField<TEmpty extends string | null = string> extends CharField<TEmpty> {
  static override readonly fieldType: string = "URLField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "URLField.invalid" };
  readonly assumeScheme: string;

  constructor(options: URLFieldOptions<TEmpty> = {}) {
    // Object.assign: rest/spread then a property is a slow path in V8 11 (Node 20). CharField
    // reads only its own options, so `assumeScheme` can stay in the copy.
    super(Object.assign({}, options, { strip: true }));
    this.assumeScheme = options.assumeScheme || "https";
  }

  protected override defaultWidget(): Widget {
    return new URLInput();
  }

  protected override defaultValidators(): Validator[] {
    return [new URLValidator()];
  }

  /** @internal See `Field.toPythonChecked`. */
  override toPythonChecked(value: unknown): string | TEmpty | typeof REFUSED {
    const result = coerceUrl(value, this.coerceSpec().params);
    if (!result.ok) return refuse(this.error(result.code, result.params));
    return result.value as string | TEmpty;
  }

  protected override coerceSpec(): CoerceSpec {
    return {
      kind: "url",
      params: { empty: this.emptyValueOption, assume_scheme: this.assumeScheme },
    };
  }

  protected override constraints(): Record<string, unknown> {
    return { ...super.constraints(), assume_scheme: this.assumeScheme };
  }
}
