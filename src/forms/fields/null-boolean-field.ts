import type { FieldOptions, JsonSchema } from "../field.js";
import { coerceNullBool } from "../rules/boolean.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { NullBooleanSelect, type Widget } from "../widgets/widget.js";
import { BooleanField, type BooleanFieldOptions } from "./boolean-field.js";

/**
 * Django's NullBooleanField. Cleans to `boolean | null`: `true`, "True", "true", "1" (and 1)
 * are true; `false`, "False", "false", "0" (and 0) are false; anything else is `null`. It never
 * raises, not even `required` (Django's `validate()` is a no-op). "2"/"3", the old
 * NullBooleanSelect codes, are mapped by Django's widget, not the field: they clean to `null`.
 *
 * @example
 * attending = new NullBooleanField(); // cleans to boolean | null
 */
export class NullBooleanField extends BooleanField<
  boolean,
  boolean | null,
  boolean | string | null
> {
  static override readonly fieldType: string = "NullBooleanField";

  constructor(options: FieldOptions = {}) {
    super(options as BooleanFieldOptions<boolean>);
  }

  protected override defaultWidget(): Widget {
    return new NullBooleanSelect();
  }

  override toPython(value: unknown): boolean | null {
    const result = coerceNullBool(value, {});
    return result.ok ? (result.value as boolean | null) : null;
  }

  override validate(_value: unknown): void {}

  protected override coerceSpec(): CoerceSpec {
    return { kind: "null_bool", params: {} };
  }

  protected override emptyValue(): JsonValue {
    return null;
  }

  protected override inputSchema(): JsonSchema {
    return { type: ["boolean", "string", "null"] };
  }

  protected override inputType(): string {
    return "boolean | string | null";
  }

  protected override cleanedType(): string {
    return "boolean | null";
  }

  override jsonSchema(): JsonSchema {
    const { "x-mizan-required-kind": _kind, ...node } = super.jsonSchema();
    // validate() never raises, so the browser must not apply a required check either
    // (`required` stays in describe() for renderers, as Django keeps it on the field).
    return { ...node, "x-mizan-required": false };
  }
}
