import type { ValidatorChecks, ValidatorParts } from "../field-validators.js";
import type { MessageTemplate } from "../message-types.js";
import type { Widget } from "../widgets/widget.js";

// Field's per-instance parts and option defaults, kept apart from field.ts (a plain module:
// it imports only types).

/**
 * A field's private parts: its widget (made on first read), overrides, validators' checks, and
 * the parts a form's step reads (made once per validators list, see `validatorPartsOf`).
 */
export interface FieldState {
  widget: Widget | undefined;
  readonly overrides: Record<string, MessageTemplate>;
  checks: ValidatorChecks | undefined;
  parts: ValidatorParts | undefined;
}

/** The overrides of a field given no `errorMessages` (never written: shared, read only). */
export const NO_OVERRIDES: Record<string, MessageTemplate> = Object.freeze({});

/**
 * Field's option defaults and unbound `name`, which Field's prototype holds: a field reads
 * them until it is given its own (a construction stores only the options it was given).
 */
export const FIELD_DEFAULTS = {
  required: true,
  label: undefined,
  initial: undefined,
  helpText: "",
  disabled: false,
  localize: false,
  showHiddenInitial: false,
  labelSuffix: undefined,
  name: "",
} as const;
