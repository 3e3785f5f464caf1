import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { coerceJson, pyJsonDumps } from "../rules/json.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { ProhibitNullCharactersValidator } from "../validators/length.js";
import { Textarea, type Widget } from "../widgets/widget.js";

export interface JSONFieldOptions<R extends boolean = boolean> extends FieldOptions {
  required?: R;
}

/** Text that failed to parse, kept so the form shows it back as typed (Django's class). */
export class InvalidJSONInput {
  constructor(readonly text: string) {}
}

/** `Object.keys` order does not matter when comparing (Django dumps with sort_keys=True). */
function sortedDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedDumps).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedDumps((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Django's JSONField (a form field, so `encoder`/`decoder` do not apply). Cleans to the
 * decoded JSON value: object, array, string, number or boolean; `null` when empty and not
 * required. Empty is checked after decoding, so `""`, `"null"`, `"[]"`, `"{}"` and `'""'`
 * are all "This field is required." on a required field. A string input is always JSON
 * text; an already-decoded object, array, number or boolean is kept as is. NaN, Infinity
 * and numbers beyond a double (which Python's `json.loads` accepts) are invalid: they are
 * not JSON. So are integer literals beyond `Number.MAX_SAFE_INTEGER` (Python reads them
 * exactly; a JS number would silently hold a different integer): send them as strings.
 *
 * @example
 * const settings = new JSONField({ required: false });
 * settings.clean('{"theme": "dark"}'); // { theme: "dark" }
 */
export class JSONField<R extends boolean = true> extends Field<
  R extends false ? JsonValue : Exclude<JsonValue, null>,
  string | JsonValue
> {
  static override readonly fieldType: string = "JSONField";
  static override defaultErrorMessages: Record<string, string> = { invalid: "JSONField.invalid" };

  // Typed options let `required: false` infer R (the cleaned type then allows null).
  constructor(options: JSONFieldOptions<R> = {}) {
    super(options);
  }

  protected override defaultWidget(): Widget {
    return new Textarea();
  }

  /** Django's JSONField is a CharField, whose null-character check it keeps. */
  protected override defaultValidators() {
    return [new ProhibitNullCharactersValidator()];
  }

  override toPython(value: unknown): JsonValue {
    // A disabled field cleans its initial value, already decoded.
    if (this.disabled) return value as JsonValue;
    const result = coerceJson(value, {});
    if (!result.ok) throw this.error(result.code, result.params);
    return result.value as JsonValue;
  }

  /** Django's `bound_data`: the decoded value, or the raw text wrapped when it is invalid. */
  override boundData(data: unknown, initial: unknown): unknown {
    if (this.disabled) return initial;
    if (data === null || data === undefined) return null;
    if (typeof data !== "string") return data;
    const result = coerceJson(data, {});
    return result.ok ? result.value : new InvalidJSONInput(data);
  }

  /** Django's `prepare_value`: the text a textarea shows (Python's `json.dumps` layout). */
  prepareValue(value: unknown): string {
    return value instanceof InvalidJSONInput ? value.text : pyJsonDumps(value);
  }

  /** True isn't 1 and key order doesn't matter; the initial is a decoded value. */
  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    let dataValue: unknown;
    try {
      dataValue = this.toPython(data);
    } catch {
      return true;
    }
    return sortedDumps(initial ?? null) !== sortedDumps(dataValue);
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "json", params: {} };
  }

  protected override inputSchema(): JsonSchema {
    return {};
  }

  protected override inputType(): string {
    return "JsonValue";
  }

  /** Empty (null, "", [], {}) is "required", so a required field never cleans to null. */
  protected override cleanedType(): string {
    return this.required ? "Exclude<JsonValue, null>" : "JsonValue";
  }

  protected override emptyValue(): JsonValue {
    return null;
  }
}
