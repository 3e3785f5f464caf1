import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { coerceUuid } from "../rules/uuid.js";
import { CharField, type CharFieldOptions } from "./char-field.js";

export interface UUIDFieldOptions<R extends boolean = true>
  extends Omit<CharFieldOptions<never>, "emptyValue" | "required"> {
  required?: R;
}

/**
 * Django's UUIDField. Accepts what Python's `uuid.UUID()` accepts (hex with or without
 * hyphens, braces, a `urn:uuid:` prefix, any case) and cleans to the canonical lowercase
 * hyphenated `string` (`str(uuid)`); empty input cleans to `null`, so the cleaned type is
 * `string` when required and `string | null` with `required: false`.
 *
 * @example
 * new UUIDField({ required: false }).clean("{550E8400E29B41D4A716446655440000}");
 * // "550e8400-e29b-41d4-a716-446655440000"
 */
export class UUIDField<R extends boolean = true> extends CharField<R extends false ? null : never> {
  static override readonly fieldType: string = "UUIDField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "UUIDField.invalid" };

  constructor(options: UUIDFieldOptions<R> = {}) {
    super(options as CharFieldOptions<R extends false ? null : never>);
  }

  override toPython(value: unknown): string | (R extends false ? null : never) {
    const result = coerceUuid(value, this.coerceSpec().params);
    if (!result.ok) throw this.error(result.code, result.params);
    return result.value as string | (R extends false ? null : never);
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "uuid", params: { strip: this.strip } };
  }

  protected override emptyValue(): JsonValue {
    return null;
  }
}
