import type { MessageTemplate } from "./message-types.js";
import type { JsonValue } from "./rules/types.js";
import type { ValidationError } from "./validation-error.js";
import type { Validator } from "./validators/validator.js";
import type { Widget, WidgetDescriptor } from "./widgets/widget.js";

// The plain parts of field.ts (helpers, option and descriptor types), kept apart so that the
// Field class stays one readable file, and so that browser code (mizan/runtime's
// isEmptyValue) can import them without the message tables: nothing here imports a value.

/**
 * @internal What `toPythonChecked` returns for input `toPython` refuses: the error is then
 * `takeRefusal()`'s. A built-in field reports a refusal as a value rather than a throw (a
 * throw costs more than a whole valid clean); `toPython` throws that same error.
 */
export const REFUSED: unique symbol = Symbol("mizan.refused");
let refusal: ValidationError | undefined;

/** @internal Keeps `error` for `takeRefusal` and returns REFUSED. */
export function refuse(error: ValidationError): typeof REFUSED {
  refusal = error;
  return REFUSED;
}

/** @internal The error of the REFUSED just returned. */
export function takeRefusal(): ValidationError {
  const error = refusal as ValidationError;
  refusal = undefined;
  return error;
}

/** Django's `validators.EMPTY_VALUES`: None, "", [], (), {} (undefined counts as None). */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.keys(value as object).length === 0;
  }
  return false;
}

/** Options every field takes (Django's `Field.__init__`, camelCased). */
export interface FieldOptions {
  /** Default true: an empty value is an error ("This field is required."). */
  required?: boolean;
  label?: string;
  /** A value, or a function called per request (Django's callable initial). */
  initial?: unknown;
  helpText?: string;
  /** Override default texts by error code: `{ required: "Tell us your name." }`. */
  errorMessages?: Record<string, MessageTemplate>;
  /** Run after the field's own validators; plain functions are server-only. */
  validators?: Validator[];
  /** Shown but not editable; the submitted value is ignored in favour of `initial`. */
  disabled?: boolean;
  widget?: Widget;
  /** Read number and date input in the request's language (IntegerField, FloatField, DecimalField, the date/time fields; docs/forms.md). */
  localize?: boolean;
  showHiddenInitial?: boolean;
  labelSuffix?: string;
}

/** What `<name>.schema` tells a renderer about a field (wire keys are snake_case). */
export interface FieldDescriptor {
  name: string;
  label: string;
  type: string;
  widget: WidgetDescriptor;
  required: boolean;
  disabled: boolean;
  help_text: string;
  initial: JsonValue;
  choices?: Array<[JsonValue, string]>;
  [constraint: string]: unknown;
}

/** A JSON Schema (draft 2020-12) node; mizan's own keywords start with `x-mizan-`. */
export type JsonSchema = Record<string, unknown>;

/**
 * A field's TypeScript types as TS source text, carried in its schema node as `x-mizan-ts`:
 * the generator prints them as `field<output, input>` without knowing the field class.
 */
export interface FieldTsTypes {
  /** What the form holds while it is edited (the generated `z.input`). */
  input: string;
  /** What the browser's shareable steps clean it to (the generated `z.output`). */
  output: string;
}

/** Turns `user_name` into "User name" (Django's `pretty_name`). */
export function prettyName(name: string): string {
  if (!name) return "";
  const spaced = name.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
