import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { coerceBool } from "../rules/boolean.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import type { ValidationError } from "../validation-error.js";
import { CheckboxInput, type Widget } from "../widgets/widget.js";

export interface BooleanFieldOptions<R extends boolean = boolean> extends FieldOptions {
  /** Default true, which means the box must be checked: the cleaned type is then `true`. */
  required?: R;
}

/**
 * Django's BooleanField. "false", "False", "0" and every falsy value clean to `false`,
 * anything else to `true` (a checkbox sends "on"). `required` (the default) means the value
 * must be true, so a required field cleans to `true` and an optional one to `boolean`.
 *
 * @example
 * acceptTerms = new BooleanField(); // cleans to true
 * newsletter = new BooleanField({ required: false }); // cleans to boolean
 */
export class BooleanField<
  R extends boolean = true,
  TValue = R extends false ? boolean : true,
  TInput = boolean | string,
> extends Field<TValue, TInput> {
  static override readonly fieldType: string = "BooleanField";

  constructor(options: BooleanFieldOptions<R> = {}) {
    super(options);
  }

  protected override defaultWidget(): Widget {
    return new CheckboxInput();
  }

  override toPython(value: unknown): TValue | boolean {
    if (typeof value === "boolean") return value;
    const result = coerceBool(value, {});
    return result.ok && result.value === true;
  }

  /** Required means checked: `not value`, not "value is empty". */
  override validateError(value: unknown): ValidationError | undefined {
    return !value && this.required ? this.error("required") : undefined;
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "bool", params: {} };
  }

  protected override emptyValue(): JsonValue {
    return false;
  }

  protected override inputSchema(): JsonSchema {
    return { type: ["boolean", "string"] };
  }

  protected override inputType(): string {
    return "boolean | string";
  }

  /** Required means checked, so a required field cleans to `true`. */
  protected override cleanedType(): string {
    return this.required ? "true" : "boolean";
  }

  override jsonSchema(): JsonSchema {
    return { ...super.jsonSchema(), "x-mizan-required-kind": "falsy" };
  }
}
