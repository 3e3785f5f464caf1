import type { RequestContext } from "../core/context.js";
import { isSubformData } from "../core/is-plain-object.js";
import {
  type BaseForm,
  type CleanedData,
  type CompositeField,
  type FormInput,
  type FormOptions,
  NON_FIELD_ERRORS,
} from "./base-form.js";
import { Field, type FieldDescriptor, type FieldOptions, type JsonSchema } from "./field.js";
import { formDescriptor, formJsonSchema } from "./form-schema.js";
import type { JsonValue } from "./rules/types.js";
import type { ErrorItem } from "./validation-error.js";
import { Widget } from "./widgets/widget.js";

export type FormCtor<F extends BaseForm> = new (options?: FormOptions) => F;

/** A sub-form's errors under `prefix` (its non-field errors at `prefix` itself). */
export function prefixed(
  prefix: string,
  errors: Readonly<Record<string, ErrorItem[]>>,
): Record<string, ErrorItem[]> {
  const out: Record<string, ErrorItem[]> = {};
  for (const [key, items] of Object.entries(errors)) {
    out[key === NON_FIELD_ERRORS ? prefix : `${prefix}.${key}`] = [...items];
  }
  return out;
}

/** Renders as a fieldset; a marker widget for renderers. */
export class Fieldset extends Widget {
  static override readonly widgetType: string = "Fieldset";
}

/**
 * A nested form as one field: its data is an object, its errors land at dotted paths
 * (`address.city`), its cleaned value is the sub-form's cleaned data.
 *
 * @example
 * shipping = new FormField(AddressForm);
 */
export class FormField<F extends BaseForm, R extends boolean = true>
  extends Field<R extends false ? CleanedData<F> | null : CleanedData<F>, FormInput<F>>
  implements CompositeField
{
  static override readonly fieldType: string = "FormField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "FormField.invalid" };
  readonly form: FormCtor<F>;

  constructor(form: FormCtor<F>, options: FieldOptions & { required?: R } = {}) {
    super({ widget: new Fieldset(), ...options });
    this.form = form;
  }

  /** A form can only be cleaned as a whole, with its hooks: `Form.fullClean()` does it. */
  override clean(): never {
    throw new TypeError("FormField is cleaned by its parent form (await form.isValid()).");
  }

  async cleanComposite(value: unknown, ctx: RequestContext) {
    if (this.isEmpty(value)) {
      if (this.required)
        return {
          value: undefined,
          errors: { [this.name]: [this.error("required").errors[0] as ErrorItem] },
        };
      return { value: null, errors: {} };
    }
    if (!isSubformData(value)) {
      return {
        value: undefined,
        errors: { [this.name]: [this.error("invalid").errors[0] as ErrorItem] },
      };
    }
    const sub = new this.form({ data: value, ctx });
    await sub.isValid();
    return { value: sub.cleanedData, errors: prefixed(this.name, sub.errors) };
  }

  override jsonSchema(): JsonSchema {
    return { ...super.jsonSchema(), ...formJsonSchema(this.form, { nested: true }) };
  }

  override describe(ctx?: unknown): FieldDescriptor {
    return { ...super.describe(ctx), form: formDescriptor(this.form, ctx) };
  }

  protected override emptyValue(): JsonValue {
    return null;
  }
}
