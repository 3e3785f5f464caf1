import { Field, type FieldOptions, isEmptyValue, type JsonSchema } from "../field.js";
import { formatMessage } from "../messages.js";
import type { JsonValue } from "../rules/types.js";
import { type ErrorItem, ValidationError } from "../validation-error.js";
import { MultiWidget } from "../widgets/multi-widget.js";
import type { Widget } from "../widgets/widget.js";

export interface MultiValueFieldOptions<R extends boolean = boolean> extends FieldOptions {
  required?: R;
  /**
   * Default true: every part must be filled (an empty part of a required field is
   * "required"; the parts' own `required` is switched off). With false, each part's own
   * `required` decides, and an empty required part is "Enter a complete value."
   */
  requireAllFields?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: any field can be a part
type AnyField = Field<any, any>;

/** Python's `not value` for what a form submits: None, "", [], {}, False, 0. */
function pyFalsy(value: unknown): boolean {
  return value === false || value === 0 || isEmptyValue(value);
}

function sameError(a: ErrorItem, b: ErrorItem): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    JSON.stringify(a.params ?? null) === JSON.stringify(b.params ?? null)
  );
}

/**
 * Django's MultiValueField: one value made of several parts, each cleaned by its own field
 * (`fields[i]` cleans item `i` of the submitted array), then joined by `compress()`, which a
 * subclass implements. Every part's errors are reported together. Codes: `required`,
 * `invalid` (not an array: "Enter a list of values.") and `incomplete` (with
 * `requireAllFields: false`, a required part left empty: "Enter a complete value."; a part
 * may give its own `incomplete` text).
 *
 * The default widget is a MultiWidget of the parts' widgets. Cleaning runs on the server
 * only (the schema carries `x-mizan-server-rules`): the browser checks that something was
 * given and passes the parts on as they are.
 *
 * @example
 * class PhoneField extends MultiValueField<string> {
 *   constructor() {
 *     super([new CharField({ maxLength: 3 }), new CharField({ maxLength: 8 })]);
 *   }
 *   override compress(parts: unknown[]) {
 *     return parts.length ? parts.join("-") : "";
 *   }
 * }
 * new PhoneField().clean(["030", "1234567"]); // "030-1234567"
 */
export class MultiValueField<TValue = unknown, TInput = unknown[] | null> extends Field<
  TValue,
  TInput
> {
  static override readonly fieldType: string = "MultiValueField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "MultiValueField.invalid",
    incomplete: "MultiValueField.incomplete",
  };
  readonly fields: readonly AnyField[];
  readonly requireAllFields: boolean;

  constructor(fields: readonly AnyField[], options: MultiValueFieldOptions = {}) {
    super(options);
    const parts = [...fields];
    this.fields = parts;
    // `defaultWidget()` runs before the parts are known; a bare MultiWidget gets theirs.
    const placeholder: Widget = this.widget;
    if (!options.widget && Object.getPrototypeOf(placeholder) === MultiWidget.prototype) {
      this.widget = new MultiWidget(
        parts.map((f) => f.widget),
        placeholder.attrs,
      );
    }
    this.requireAllFields = options.requireAllFields ?? true;
    for (const field of parts) {
      // Django sets these on the parts; mizan's fields expose them read-only.
      const part = field as { disabled: boolean; required: boolean };
      if (this.disabled) part.disabled = true;
      // The required check of each part is this field's (Django's require_all_fields).
      if (this.requireAllFields) part.required = false;
    }
  }

  /** Django's `compress`: the cleaned parts (or `[]` when all were empty) as one value. */
  compress(_dataList: unknown[]): TValue {
    throw new Error(`${(this.constructor as typeof Field).fieldType} must implement compress().`);
  }

  /** The parts of a stored single value, by the widget's `decompress()`. */
  protected decompress(value: unknown): unknown[] {
    if (this.widget instanceof MultiWidget) return this.widget.decompress(value);
    throw new TypeError(
      `${(this.constructor as typeof Field).fieldType} needs a MultiWidget to split ${JSON.stringify(value)}.`,
    );
  }

  /** Django's MultiValueField.validate does nothing: `clean()` checks `required` itself. */
  override validate(_value: unknown): void {}

  /** The part's `incomplete` text: its own override, else this field's. */
  private incompleteError(field: AnyField): ErrorItem {
    const template = field.errorMessages.incomplete ?? this.errorMessages.incomplete ?? "";
    return { code: "incomplete", message: formatMessage(template, {}) };
  }

  /**
   * Django's `MultiValueField.clean`: an array (or nothing) is required; each part is
   * cleaned by its field, all errors collected (duplicates dropped), then `compress()`,
   * `validate()` and the validators run on the joined value.
   */
  override clean(value: unknown): TValue {
    let data = value;
    if (this.disabled && !Array.isArray(data)) data = this.decompress(data);
    if (pyFalsy(data) || Array.isArray(data)) {
      const list = Array.isArray(data) ? data : [];
      if (!list.some((v) => !isEmptyValue(v))) {
        if (this.required) throw this.error("required");
        return this.compress([]);
      }
    } else {
      throw this.error("invalid");
    }
    const list = data as unknown[];
    const cleanData: unknown[] = [];
    const errors: ErrorItem[] = [];
    const add = (item: ErrorItem) => {
      if (!errors.some((e) => sameError(e, item))) errors.push(item);
    };
    this.fields.forEach((field, i) => {
      const fieldValue = i < list.length ? list[i] : null;
      if (isEmptyValue(fieldValue)) {
        if (this.requireAllFields) {
          // Required and a part is empty: "required" at once, like Django.
          if (this.required) throw this.error("required");
        } else if (field.required) {
          add(this.incompleteError(field));
          return;
        }
      }
      try {
        cleanData.push(field.clean(fieldValue));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const item of error.errors) add(item);
      }
    });
    if (errors.length) throw new ValidationError(errors);
    const out = this.compress(cleanData);
    this.validate(out);
    this.runValidators(out);
    return out;
  }

  /**
   * Django's `has_changed`: part by part, against the initial value's parts (a single
   * initial value is split by `decompress()`).
   */
  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    const dataList = Array.isArray(data) ? data : [];
    const decompressed = initial !== null && initial !== undefined && !Array.isArray(initial);
    const initialList =
      initial === null || initial === undefined
        ? dataList.map(() => "")
        : decompressed
          ? this.decompress(initial)
          : (initial as unknown[]);
    const n = Math.min(this.fields.length, initialList.length, dataList.length);
    for (let i = 0; i < n; i++) {
      const field = this.fields[i] as AnyField;
      let initialValue: unknown;
      try {
        initialValue = field.toPython(initialList[i]);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // Django's decompress gives typed values, which to_python passes whatever the
        // input formats; mizan's typed values are strings, so keep them as they are.
        if (!decompressed) return true;
        initialValue = initialList[i];
      }
      if (field.hasChanged(initialValue, dataList[i])) return true;
    }
    return false;
  }

  /**
   * Shown with the parts: a single initial value is split by `decompress()`, so the form
   * holds an array from the start (Django's MultiWidget does the same when rendering).
   */
  override resolveInitial(ctx?: unknown): unknown {
    const initial = super.resolveInitial(ctx);
    if (initial === null || initial === undefined || Array.isArray(initial)) return initial;
    return this.widget instanceof MultiWidget ? this.widget.decompress(initial) : initial;
  }

  protected override inputSchema(): JsonSchema {
    return { type: this.required ? "array" : ["array", "null"] };
  }

  protected override emptyValue(): JsonValue {
    return null;
  }

  /** Cleaning runs each part's field and `compress()`, which only the server has. */
  override hasServerRules(): boolean {
    return true;
  }

  /** What the form holds: the parts (a renderer starts from "" or the initial's parts). */
  protected override inputType(): string {
    return 'unknown[] | "" | null';
  }

  /**
   * The browser does not clean the parts: it checks that something was entered and passes
   * them on (so a required field's value is the array of parts).
   */
  protected override cleanedType(): string {
    return this.required ? "unknown[]" : this.inputType();
  }

  /**
   * `required_parts`: which inputs a renderer marks required (Django's BoundField: all of
   * them for a required field, or with `requireAllFields: false` those whose field is).
   */
  protected override constraints(): Record<string, unknown> {
    return {
      require_all_fields: this.requireAllFields,
      required_parts: this.fields.map(
        (f) => this.required && (this.requireAllFields || f.required),
      ),
    };
  }

  /** The widget used when none is given: the parts' widgets together (filled in above). */
  protected override defaultWidget(): Widget {
    return new MultiWidget([]);
  }
}
