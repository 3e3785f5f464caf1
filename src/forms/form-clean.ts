import type { RequestContext } from "../core/context.js";
import { REFUSED, takeRefusal } from "./field-parts.js";
import { validatorsFailureOf } from "./field-validators.js";
import { addErrors, type ErrorSlots } from "./form-errors.js";
import type { FormPlan } from "./form-plan.js";
import {
  type AnyField,
  ASYNC,
  type AsyncCleanField,
  COMPOSITE,
  type CompositeField,
  type FieldStep,
  type FormOptions,
  fieldStep,
  isThenable,
} from "./form-types.js";
import { type ErrorItem, errorFromItems, ValidationError } from "./validation-error.js";

// Django's `_clean_fields` for BaseForm: every field's `clean` then its `clean<Field>` hook,
// in declaration order. It runs synchronously and only turns async at the first field, hook or
// sub-form that returns a promise (most forms never do), and it takes what it knows of each
// field (kind, hook name) from the class's plan instead of asking per request.

export { NON_FIELD_ERRORS } from "./form-errors.js";

/**
 * A form's per-instance state, in one object (one private slot to set up per form); a
 * `cleanFields` run reads its form, data and prefix from it too (no object of its own).
 */
export interface FormState extends ErrorSlots {
  readonly options: FormOptions;
  /** The form itself, as the pipeline calls it. */
  readonly form: CleaningForm;
  fields: Map<string, AnyField> | undefined;
  /**
   * The cleaned data, made when first read (`cleanedOf`); until then the pipeline keeps the
   * values in `pending`, as name, value, name, value... in the order a plain object would
   * hold them (a store into an object under a different key per field costs more than the
   * whole rest of a valid field's step; most calls never read the object).
   */
  cleaned: Record<string, unknown> | undefined;
  pending: unknown[] | undefined;
  ctx: RequestContext | undefined;
  /** Set while the instance shares its class's fields (bindForm). */
  plan: FormPlan | undefined;
  /** Set by `cleanFields` for its run: the submitted data. */
  data: Readonly<Record<string, unknown>> | undefined;
  /** Set by `cleanFields`: Django's add_prefix's prefix; undefined when a subclass has its own `addPrefix`. */
  prefix: string | undefined;
}

/** A new form's state (one shape for every form). */
export function formState(
  form: CleaningForm,
  options: FormOptions,
  plan: FormPlan | undefined,
): FormState {
  return {
    options,
    form,
    fields: undefined,
    errors: undefined,
    failed: undefined,
    lists: undefined,
    cleaned: undefined,
    pending: undefined,
    ctx: undefined,
    plan,
    data: undefined,
    prefix: undefined,
  };
}

/**
 * @internal `cleaned[name] = value` (see `FormState.cleaned`). A name stored again (a hook's
 * result) is listed again: `cleanedOf` keeps its first place and its last value, as an object
 * does, and `dropCleaned` drops every entry.
 */
export function storeCleaned(s: FormState, name: string, value: unknown): void {
  if (s.cleaned !== undefined) {
    s.cleaned[name] = value;
    return;
  }
  const pending = s.pending;
  if (pending === undefined) s.pending = [name, value];
  else pending.push(name, value);
}

/** The cleaned data as an object (made from `pending` on first read). */
export function cleanedOf(s: FormState): Record<string, unknown> {
  let cleaned = s.cleaned;
  if (cleaned === undefined) {
    cleaned = {};
    const pending = s.pending;
    if (pending !== undefined) {
      for (let i = 0; i < pending.length; i += 2) cleaned[pending[i] as string] = pending[i + 1];
    }
    s.cleaned = cleaned;
    s.pending = undefined;
  }
  return cleaned;
}

/** `delete cleaned[name]` when it is there. */
export function dropCleaned(s: FormState, name: string): void {
  const pending = s.pending;
  if (s.cleaned === undefined) {
    if (pending === undefined) return;
    for (let i = pending.length - 2; i >= 0; i -= 2) {
      if (pending[i] === name) pending.splice(i, 2);
    }
    return;
  }
  if (Object.hasOwn(s.cleaned, name)) delete s.cleaned[name];
}

/** Sets the cleaned data to `cleaned` (a fresh object), or to none (undefined). */
export function resetCleaned(s: FormState, cleaned: Record<string, unknown> | undefined): void {
  s.cleaned = cleaned;
  s.pending = undefined;
}

/** The BaseForm methods the pipeline calls (a subclass may override them). */
export interface CleaningForm {
  addError(field: string | null, error: ValidationError): void;
  initialFor(name: string): unknown;
  addPrefix(fieldName: string): string;
  readonly ctx: RequestContext;
}

/** @internal A `cleanFields` run: the form's state with its `ctx` and `data` set. */
export type FieldRun = FormState & {
  readonly ctx: RequestContext;
  readonly data: Readonly<Record<string, unknown>>;
};

/** What BaseForm gives the pipeline (see `setPipeline`). */
export interface PipelineHooks {
  /** The fields the pipeline runs (the class's shared ones until the form has its own). */
  readonly fieldMap: (form: object) => ReadonlyMap<string, AnyField>;
  /** BaseForm's own `addError`: a form that keeps it may be given items (`attach`). */
  readonly addError: CleaningForm["addError"];
  /**
   * BaseForm's `addError(name, errorFromItems(items))` for a field the pipeline cleaned,
   * adopting `items` when `fresh` (else copying them).
   */
  readonly attach: (form: object, name: string, items: ErrorItem[], fresh: boolean) => void;
}

let hooks: PipelineHooks;

/** @internal BaseForm tells the pipeline how it reads a form's fields and adds errors. */
export function setPipeline(given: PipelineHooks): void {
  hooks = given;
}

/**
 * @internal A field's failure: an error, or the items of one (fresh, in order; see
 * `validatorsFailureOf`).
 */
export function report(
  form: CleaningForm,
  name: string,
  failed: ValidationError | ErrorItem[],
): void {
  if (form.addError !== hooks.addError) {
    form.addError(name, Array.isArray(failed) ? errorFromItems(failed) : failed);
  } else if (Array.isArray(failed)) {
    hooks.attach(form, name, failed, true);
  } else if (failed.fieldErrors) {
    form.addError(name, failed); // refused: a mapping needs field = null
  } else {
    hooks.attach(form, name, failed.errors, false);
  }
}

function stepFor(name: string, field: AnyField, known: FieldStep | undefined): FieldStep {
  // A form with fields of its own (`new`, or after a hook took them) works its steps out per
  // call, as Django does.
  return known && known.field === field ? known : fieldStep(name, field);
}

/**
 * Cleans the fields `names` (the plan's steps, or names) from the `from`th on; a promise only
 * if one was async.
 */
export function cleanFieldsOf(
  run: FormState,
  names: ReadonlyArray<FieldStep | string>,
  only: readonly string[] | undefined,
  from = 0,
): Promise<void> | void {
  for (let i = from; i < names.length; i++) {
    const entry = names[i] as FieldStep | string;
    const name = typeof entry === "string" ? entry : entry.name;
    if (only && !only.includes(name)) continue;
    const pending = cleanField(
      run as FieldRun,
      name,
      typeof entry === "string" ? undefined : entry,
    );
    if (pending) return cleanRest(run as FieldRun, pending, names, i + 1, only);
  }
}

/** @internal The rest of a run from the `from`th name on, once `pending` (a field's) settled. */
export async function cleanRest(
  run: FieldRun,
  pending: Promise<void>,
  names: ReadonlyArray<FieldStep | string>,
  from: number,
  only: readonly string[] | undefined,
): Promise<void> {
  await pending;
  for (let i = from; i < names.length; i++) {
    const entry = names[i] as FieldStep | string;
    const name = typeof entry === "string" ? entry : entry.name;
    if (only && !only.includes(name)) continue;
    const next = cleanField(run, name, typeof entry === "string" ? undefined : entry);
    if (next) await next;
  }
}

function cleanField(
  run: FieldRun,
  name: string,
  known: FieldStep | undefined,
): Promise<void> | void {
  const form = run.form;
  // Read per name: a hook may have given the instance its own fields meanwhile. While it
  // shares its class's fields (a plan), the plan's step holds the very field the map would.
  const field = known && run.plan ? known.field : hooks.fieldMap(form).get(name);
  if (!field) return;
  const step = stepFor(name, field, known);
  let value: unknown;
  if (step.disabled) {
    value = form.initialFor(name);
  } else {
    const prefix = run.prefix;
    const key = prefix === undefined ? form.addPrefix(name) : prefix ? `${prefix}-${name}` : name;
    value = Object.hasOwn(run.data, key) ? run.data[key] : undefined;
  }
  return cleanValue(run, step, value);
}

/** @internal A field's clean of `value` (its data), then its hook (see `cleanField`). */
export function cleanValue(run: FieldRun, step: FieldStep, value: unknown): Promise<void> | void {
  const form = run.form;
  const field = step.field;
  const name = step.name;
  if (step.kind === COMPOSITE) return cleanComposite(run, step, value);
  if (step.kind === ASYNC) {
    const initial = form.initialFor(name);
    return settle(run, step, (field as AnyField & AsyncCleanField).cleanAsync(value, initial));
  }
  let cleaned: unknown;
  let failed: ValidationError | ErrorItem[] | undefined;
  try {
    if (step.direct) {
      // Field's `clean`, with the errors taken as values rather than thrown where the
      // field's class reports them so (see `FieldStep.checkedPython`).
      cleaned = step.toPython.call(field, value);
      failed = cleaned === REFUSED ? takeRefusal() : checkDirect(step, field, cleaned);
    } else {
      // Field's own `clean(value)` has no use for the initial value: only a subclass's may.
      cleaned = step.withInitial
        ? (field.clean as (v: unknown, initial?: unknown) => unknown)(value, form.initialFor(name))
        : field.clean(value);
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    failed = error;
  }
  if (failed) {
    report(form, name, failed);
    return;
  }
  return runHook(run, step, cleaned);
}

/**
 * @internal A direct step's `validate` then `runValidators`, their error returned (see
 * `FieldStep`).
 */
export function checkDirect(
  step: FieldStep,
  field: AnyField,
  cleaned: unknown,
): ValidationError | ErrorItem[] | undefined {
  let empty: boolean | undefined;
  if (step.required !== undefined) {
    // Field's own `validate`: required and empty (`isEmpty` then serves the validators too).
    empty = step.isEmpty.call(field, cleaned);
    if (empty && step.required) return field.error("required");
  } else if (step.validateError) {
    const failed = step.validateError.call(field, cleaned);
    if (failed) return failed;
  } else {
    field.validate(cleaned);
  }
  const parts = step.validatorParts;
  if (!parts) return step.validatorsError.call(field, cleaned);
  if (empty ?? step.isEmpty.call(field, cleaned)) return undefined;
  return validatorsFailureOf(parts.validators, cleaned, parts.checks, parts.overrides);
}

/** Stores a field's cleaned value and runs its `clean<Field>` hook on it. */
function runHook(run: FieldRun, step: FieldStep, cleaned: unknown): Promise<void> | void {
  const form = run.form;
  storeCleaned(run, step.name, cleaned);
  // A missing hook is a lookup that fails all the way up the prototype chain: a plan knows.
  if (step.noHook && !Object.hasOwn(form, step.hook)) return;
  return callHook(run, step, cleaned);
}

/** @internal A field's `clean<Field>` hook on its stored `cleaned` value, if it has one. */
export function callHook(run: FieldRun, step: FieldStep, cleaned: unknown): Promise<void> | void {
  const form = run.form;
  const hook = (form as unknown as Record<string, unknown>)[step.hook];
  if (typeof hook !== "function") return;
  let result: unknown;
  try {
    result = hook.call(form, cleaned, run.ctx);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    form.addError(step.name, error);
    return;
  }
  if (isThenable(result)) return settle(run, step, result, true);
  storeCleaned(run, step.name, result);
}

/** Awaits a field's async clean (then runs its hook), or its async hook. */
async function settle(
  run: FieldRun,
  step: FieldStep,
  pending: PromiseLike<unknown>,
  isHook = false,
): Promise<void> {
  let value: unknown;
  try {
    value = await pending;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    run.form.addError(step.name, error);
    return;
  }
  if (isHook) {
    storeCleaned(run, step.name, value);
    return;
  }
  const after = runHook(run, step, value);
  if (after) await after;
}

/** A sub-form (FormField, FormSet): its errors go in under their own paths. */
async function cleanComposite(run: FieldRun, step: FieldStep, value: unknown): Promise<void> {
  let nested: Awaited<ReturnType<CompositeField["cleanComposite"]>>;
  try {
    nested = await (step.field as AnyField & CompositeField).cleanComposite(value, run.ctx);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    run.form.addError(step.name, error);
    return;
  }
  const paths = Object.keys(nested.errors);
  if (paths.length) {
    for (const path of paths) addErrors(run, path, nested.errors[path] ?? [], false);
    return;
  }
  const after = runHook(run, step, nested.value);
  if (after) await after;
}
