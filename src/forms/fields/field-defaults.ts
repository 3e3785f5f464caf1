import type { FieldOptions } from "../field-parts.js";
import type { ValidatorChecks, ValidatorParts } from "../field-validators.js";
import type { MessageParams, MessageTemplate } from "../message-types.js";
import type { Validator } from "../validators/validator.js";
import type { Widget } from "../widgets/widget.js";

// Field's per-instance parts and option defaults, kept apart from field.ts (a plain module:
// it imports only types).

/**
 * A field's private parts: its widget (made on first read), overrides, validators' checks, and
 * the parts a form's step reads (made once per validators list, see `validatorPartsOf`).
 */
export interface FieldState {
  /**
   * The validators cleaning runs. Until `validators` is first read (`fresh` not null), the
   * built-in ones a field class adds (`fresh`: their places, classes and limits) are shared
   * (`sharedValidator`): that read gives the field its own list and objects, as Django's.
   */
  list: Validator[];
  fresh: Array<[number, BuiltinValidator, SharedLimit]> | undefined | null;
  widget: Widget | undefined;
  readonly overrides: Record<string, MessageTemplate>;
  checks: ValidatorChecks | undefined;
  parts: ValidatorParts | undefined;
}

/** The params of a message given none (read only). */
export const NO_PARAMS: MessageParams = Object.freeze({});

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

/** Stores on a new field the options that differ from FIELD_DEFAULTS (`option ?? default`). */
export function storeGivenOptions(field: object, options: FieldOptions): void {
  const target = field as Record<string, unknown>;
  const { required, label, initial, helpText, disabled, localize } = options;
  if (required != null && required !== true) target.required = required;
  if (label !== undefined) target.label = label;
  if (initial !== undefined) target.initial = initial;
  if (helpText != null && helpText !== "") target.helpText = helpText;
  if (disabled != null && disabled !== false) target.disabled = disabled;
  if (localize != null && localize !== false) target.localize = localize;
  const { showHiddenInitial, labelSuffix } = options;
  if (showHiddenInitial != null && showHiddenInitial !== false) {
    target.showHiddenInitial = showHiddenInitial;
  }
  if (labelSuffix !== undefined) target.labelSuffix = labelSuffix;
}

/** A built-in validator class a field adds with one argument (its limit), or none. */
export type BuiltinValidator = new (...args: never[]) => Validator;
/** A limit that makes the same validator each time (a function is called when made). */
type SharedLimit = number | string | undefined;

/** `new make(limit)`. */
export function makeBuiltin(make: BuiltinValidator, limit: unknown): Validator {
  return new (make as new (limit?: unknown) => Validator)(limit);
}

const shared = new Map<BuiltinValidator, Map<SharedLimit, Validator>>();
/** How many limits per class are shared at most (a form built per request with new limits). */
const MAX_SHARED = 64;

/**
 * One `new make(limit)` per class and limit, for cleaning only: a field hands it to no one
 * (its `validators` gives its own, see FieldState), so no one changes it. Undefined once a
 * class holds MAX_SHARED limits.
 */
export function sharedValidator(make: BuiltinValidator, limit: SharedLimit): Validator | undefined {
  let byLimit = shared.get(make);
  if (!byLimit) {
    byLimit = new Map();
    shared.set(make, byLimit);
  }
  let validator = byLimit.get(limit);
  if (!validator && byLimit.size < MAX_SHARED) {
    validator = makeBuiltin(make, limit);
    byLimit.set(limit, validator);
  }
  return validator;
}

/** Adds `new make(limit)` to a field's validators: shared until they are read (FieldState). */
export function addBuiltinTo(s: FieldState, make: BuiltinValidator, limit?: unknown): void {
  const kind = typeof limit;
  const validator =
    s.fresh === null || (kind !== "number" && kind !== "string" && kind !== "undefined")
      ? undefined
      : sharedValidator(make, limit as SharedLimit);
  if (validator === undefined) {
    s.list.push(makeBuiltin(make, limit));
    return;
  }
  s.fresh ??= [];
  s.fresh.push([s.list.length, make, limit as SharedLimit]);
  s.list.push(validator);
}

/** The field's own validators (see FieldState): the shared built-ins replaced by its own. */
export function ownValidators(s: FieldState): Validator[] {
  const fresh = s.fresh;
  if (fresh) {
    const list = s.list.slice();
    for (const [at, make, limit] of fresh) list[at] = makeBuiltin(make, limit);
    s.list = list;
  }
  s.fresh = null;
  return s.list;
}
