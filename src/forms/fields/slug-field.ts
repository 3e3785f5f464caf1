import { validateSlug, validateUnicodeSlug } from "../validators/slug.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

export interface SlugFieldOptions<TEmpty extends string | null = string>
  extends CharFieldOptions<TEmpty> {
  /** Accept Unicode letters and numbers, not only ASCII (`validate_unicode_slug`). */
  allowUnicode?: boolean;
}

/**
 * Django's SlugField: a CharField checked by `validate_slug` (or `validate_unicode_slug`
 * with `allowUnicode`). Cleans to a `string`, or `emptyValue` (default `""`) when empty.
 *
 * @example
 * slug = new SlugField({ allowUnicode: true, maxLength: 50 });
 */
export class SlugField<TEmpty extends string | null = string> extends CharField<TEmpty> {
  static override readonly fieldType: string = "SlugField";
  readonly allowUnicode: boolean;

  constructor(options: SlugFieldOptions<TEmpty> = {}) {
    const { allowUnicode = false, ...rest } = options;
    super(rest);
    this.allowUnicode = allowUnicode;
    // Django's default_validators come first, before `validators` and the length checks.
    this.validators.unshift(allowUnicode ? validateUnicodeSlug : validateSlug);
  }

  protected override constraints(): Record<string, unknown> {
    return { ...super.constraints(), allow_unicode: this.allowUnicode };
  }
}
