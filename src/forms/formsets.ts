import type { RequestContext } from "../core/context.js";
import { isSubformData } from "../core/is-plain-object.js";
import type { BaseForm, CleanedData, CompositeField, FormInput } from "./base-form.js";
import { Field, type FieldDescriptor, type FieldOptions, type JsonSchema } from "./field.js";
import { type FormCtor, prefixed } from "./form-field.js";
import { formDescriptor, formJsonSchema } from "./form-schema.js";
import { formatMessage } from "./messages.js";
import type { JsonValue } from "./rules/types.js";
import type { ErrorItem } from "./validation-error.js";
import { Widget } from "./widgets/widget.js";

// Django's formsets.py: a list of sub-forms, here one field of its parent form.

/** Renders as a list of fieldsets with add/remove; a marker widget for renderers. */
export class FormSetWidget extends Widget {
  static override readonly widgetType: string = "FormSet";
}

/** Django's `DEFAULT_MAX_NUM`: the formset size used for `absolute_max` when maxNum is unset. */
const DEFAULT_MAX_NUM = 1000;

export interface FormSetOptions<R extends boolean> extends FieldOptions {
  required?: R;
  /** Fewest items accepted (Django's `min_num` with `validate_min`). */
  minNum?: number;
  /** Most items accepted (Django's `max_num` with `validate_max`). */
  maxNum?: number;
  /** Empty rows a renderer shows initially (Django's `extra`). */
  extra?: number;
}

/**
 * A list of sub-forms (Django's formset): data is an array of objects; errors land at
 * `items.0.qty`, and count errors (too few / too many) at `items`.
 *
 * @example
 * items = new FormSet(LineItemForm, { minNum: 1, maxNum: 10 });
 */
export class FormSet<F extends BaseForm, R extends boolean = true>
  extends Field<CleanedData<F>[], FormInput<F>[]>
  implements CompositeField
{
  static override readonly fieldType: string = "FormSet";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "FormSet.invalid",
    too_few_forms: "FormSet.too_few_forms",
    too_many_forms: "FormSet.too_many_forms",
  };
  readonly form: FormCtor<F>;
  readonly minNum: number;
  readonly maxNum: number | undefined;
  readonly extra: number;

  constructor(form: FormCtor<F>, options: FormSetOptions<R> = {}) {
    super({ widget: new FormSetWidget(), required: false, ...options });
    this.form = form;
    this.minNum = options.minNum ?? 0;
    this.maxNum = options.maxNum;
    this.extra = options.extra ?? 0;
  }

  override clean(): never {
    throw new TypeError("FormSet is cleaned by its parent form (await form.isValid()).");
  }

  override isEmpty(value: unknown): boolean {
    return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  }

  async cleanComposite(value: unknown, ctx: RequestContext) {
    const one = (code: string, params?: Record<string, unknown>) => ({
      value: undefined,
      errors: { [this.name]: this.error(code, params).errors },
    });
    const items = value === null || value === undefined ? [] : value;
    if (!Array.isArray(items) || !items.every(isSubformData)) return one("invalid");
    if (this.required && items.length === 0) return one("required");
    // Django's absolute_max (max_num + 1000): a longer list is refused before any form is
    // built, so a body of 300,000 `{}` costs nothing.
    if (items.length > (this.maxNum ?? DEFAULT_MAX_NUM) + DEFAULT_MAX_NUM) {
      return one("too_many_forms", { num: this.maxNum ?? DEFAULT_MAX_NUM });
    }
    const errors: Record<string, ErrorItem[]> = {};
    const cleaned: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const sub = new this.form({ data: items[i] as Record<string, unknown>, ctx });
      await sub.isValid();
      Object.assign(errors, prefixed(`${this.name}.${i}`, sub.errors));
      cleaned.push(sub.cleanedData);
    }
    // Django checks the count in formset.clean(), after every form was cleaned.
    if (this.maxNum !== undefined && items.length > this.maxNum) {
      errors[this.name] = this.error("too_many_forms", { num: this.maxNum }).errors;
    } else if (items.length < this.minNum) {
      errors[this.name] = this.error("too_few_forms", { num: this.minNum }).errors;
    }
    return { value: cleaned, errors };
  }

  override jsonSchema(): JsonSchema {
    const node = super.jsonSchema();
    const messages = { ...(node.errorMessage as Record<string, string>) };
    messages.too_few_forms = formatMessage(this.errorMessages.too_few_forms ?? "", {
      num: this.minNum,
    });
    if (this.maxNum !== undefined) {
      messages.too_many_forms = formatMessage(this.errorMessages.too_many_forms ?? "", {
        num: this.maxNum,
      });
    }
    const out: JsonSchema = {
      ...node,
      type: "array",
      items: formJsonSchema(this.form, { nested: true }),
      errorMessage: messages,
      "x-mizan-min-num": this.minNum,
    };
    if (this.minNum) out.minItems = this.minNum;
    if (this.maxNum !== undefined) {
      out.maxItems = this.maxNum;
      out["x-mizan-max-num"] = this.maxNum;
    }
    return out;
  }

  override describe(ctx?: unknown): FieldDescriptor {
    return {
      ...super.describe(ctx),
      form: formDescriptor(this.form, ctx),
      min_num: this.minNum,
      max_num: this.maxNum ?? null,
      extra: this.extra,
    };
  }

  protected override emptyValue(): JsonValue {
    return [];
  }
}
