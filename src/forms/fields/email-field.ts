import { validateEmail } from "../validators/email.js";
import type { Validator } from "../validators/validator.js";
import { EmailInput, type Widget } from "../widgets/widget.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

/** EmailField always strips, so `strip` is not an option (as in Django). */
export type EmailFieldOptions<TEmpty extends string | null = string> = Omit<
  CharFieldOptions<TEmpty>,
  "strip"
>;

/**
 * Django's EmailField: a CharField (stripped, `maxLength` 320 unless given) checked by
 * `validate_email`. Cleans to a `string`, or `emptyValue` (default `""`) when empty.
 *
 * @example
 * email = new EmailField({ required: false, emptyValue: null }); // cleans to string | null
 */
export class EmailField<TEmpty extends string | null = string> extends CharField<TEmpty> {
  static override readonly fieldType: string = "EmailField";

  constructor(options: EmailFieldOptions<TEmpty> = {}) {
    // Object.assign: spread followed by properties is a slow path in V8 11 (Node 20).
    super(Object.assign({}, options, { maxLength: options.maxLength ?? 320, strip: true }));
  }

  protected override defaultWidget(): Widget {
    return new EmailInput();
  }

  protected override defaultValidators(): Validator[] {
    return [validateEmail];
  }
}
