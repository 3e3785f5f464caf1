import { RegexValidator } from "../validators/regex.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

/**
 * Django's RegexField: a CharField (not stripped unless `strip: true`) whose value must
 * contain a match of `regex` (a search, so anchor it with `^…$`). The pattern is a
 * JavaScript regex on the server and in the browser (its `source` and `flags` travel in the
 * schema); Python-only syntax is not supported. Cleans to a `string`, or `emptyValue`
 * (default `""`) when empty.
 *
 * @example
 * code = new RegexField(/^[0-9][A-F][0-9]$/i, { maxLength: 3 });
 */
export class RegexField<TEmpty extends string | null = string> extends CharField<TEmpty> {
  static override readonly fieldType: string = "RegexField";
  #validator: RegexValidator;

  constructor(regex: string | RegExp, options: CharFieldOptions<TEmpty> = {}) {
    super({ strip: false, ...options });
    this.#validator = new RegexValidator(regex);
    this.validators.push(this.#validator);
  }

  /** The pattern; assigning a new one replaces the field's RegexValidator. */
  get regex(): RegExp {
    return this.#validator.regex;
  }

  set regex(regex: string | RegExp) {
    const at = this.validators.indexOf(this.#validator);
    if (at >= 0) this.validators.splice(at, 1);
    this.#validator = new RegexValidator(regex);
    this.validators.push(this.#validator);
  }

  protected override constraints(): Record<string, unknown> {
    return { ...super.constraints(), regex: this.regex.source, regex_flags: this.regex.flags };
  }
}
