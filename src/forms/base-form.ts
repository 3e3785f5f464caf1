import type { RequestContext } from "../core/context.js";
import { createContext } from "../core/context.js";
import type { ValidationDetails } from "../core/errors.js";
import { Field } from "./field.js";
import {
  type CleaningForm,
  cleanedOf,
  cleanFieldsOf,
  dropCleaned,
  type FormState,
  formState,
  NON_FIELD_ERRORS,
  resetCleaned,
  setPipeline,
} from "./form-clean.js";
import { addErrors, clearErrors, errorsOf, wireDetails } from "./form-errors.js";
import type { FormMeta } from "./form-meta.js";
import {
  Adoptable,
  adopt,
  defineOwn,
  type FormPlan,
  guardAccessors,
  planOf,
  standaloneRequest,
} from "./form-plan.js";
import { cleanPlan } from "./form-plan-clean.js";
import {
  type AnyField,
  type FormOptions,
  type FullCleanOptions,
  hasKeys,
  hookName,
  isThenable,
  keysClear,
} from "./form-types.js";
import { type ErrorItem, ValidationError } from "./validation-error.js";

export type {
  CleanedData,
  CompositeField,
  FormInput,
  FormOptions,
  FullCleanOptions,
} from "./form-types.js";

import type { CleanedData } from "./form-types.js";

// biome-ignore lint/suspicious/noConfusingVoidType: hooks that return nothing are the norm
type CleanResult = void | Record<string, unknown>;

export { hookName, NON_FIELD_ERRORS };

const own = (obj: object, key: string) => Object.hasOwn(obj, key);

// Where `fullClean` goes on after a step that returned a promise: the fields (then `clean()`
// and `postClean()`), only some fields (nothing more), `clean()`, or `postClean()`.
const [FIELDS, ONLY, FORM, POST] = [0, 1, 2, 3];
// The plan the next BaseForm constructor adopts (bindForm), and BaseForm's #materialize.
let pendingPlan: FormPlan | undefined;
let materialize: (form: object) => void;
let fullCleanNow: (
  form: BaseForm,
  fields: readonly string[] | undefined,
) => Promise<void> | undefined;

function clash(key: string): TypeError {
  return new TypeError(
    `Field name "${key}" clashes with Form.${key}; rename the field (the wire name can stay the same with a prefix).`,
  );
}

/**
 * Django's BaseForm: the whole cleaning pipeline of a form class. Declare forms by extending
 * `Form`, which adds registration (`register(FormClass)`); this base is what the schema,
 * nested-form and registration modules work with, so that none of them imports `Form`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the unparameterised Form reads cleaned data loosely
export class BaseForm<TSelf = any> extends Adoptable {
  /** Name, title, auth and prefix; set with `formMeta()`. */
  static meta: FormMeta | undefined = undefined;

  readonly #s: FormState;

  constructor(options: FormOptions = {}) {
    super();
    const plan = pendingPlan;
    pendingPlan = undefined;
    this.#s = formState(this as unknown as CleaningForm, options, plan);
  }

  static {
    materialize = (form) => (form as BaseForm).#materialize();
    setPipeline({
      fieldMap: (form) => (form as BaseForm).#fieldMap(),
      addError: BaseForm.prototype.addError,
      attach: (form, name, items, fresh) => (form as BaseForm).#attach(name, items, fresh, true),
    });
    fullCleanNow = (form, fields) =>
      form.fullClean === FULL_CLEAN
        ? form.#fullClean(fields)
        : form.fullClean(fields ? { fields } : {});
  }

  /** Gives an instance that shares its class's fields its own (a fresh construction's). */
  #materialize(): void {
    const s = this.#s;
    const plan = s.plan;
    if (!plan) return;
    s.plan = undefined;
    const collected = s.fields !== undefined;
    s.fields = undefined;
    const full = new plan.cls(s.options) as unknown as Record<string, unknown>;
    for (const key of Object.keys(full)) defineOwn(this, key, full[key]);
    // Once the pipeline has its fields, a later assignment is not among them (as with `new`).
    if (collected) void this.fields;
  }

  /** The fields the pipeline runs: the class's shared ones until the instance has its own. */
  #fieldMap(): ReadonlyMap<string, AnyField> {
    const s = this.#s;
    if (!s.plan) return this.fields;
    s.fields ??= s.plan.fields as Map<string, AnyField>;
    return s.fields;
  }

  /** The declared fields, in declaration order (collected on first use). */
  get fields(): ReadonlyMap<string, AnyField> {
    this.#materialize();
    const s = this.#s;
    if (!s.fields) {
      const fields = new Map<string, AnyField>();
      const keys = Object.keys(this);
      const clear = keysClear(this, keys, BaseForm.prototype);
      for (const key of keys) {
        const value = (this as Record<string, unknown>)[key];
        if (!(value instanceof Field)) continue;
        if (!clear && key in BaseForm.prototype) throw clash(key);
        value.name = key;
        fields.set(key, value);
      }
      s.fields = fields;
    }
    return s.fields;
  }

  get isBound(): boolean {
    const data = this.#s.options.data;
    return data !== undefined && data !== null;
  }

  get data(): Readonly<Record<string, unknown>> {
    return this.#s.options.data ?? {};
  }

  get ctx(): RequestContext {
    // Without one given, a context of its own over a Request built once (not one per form).
    const s = this.#s;
    s.ctx ??= s.options.ctx ?? createContext(standaloneRequest());
    return s.ctx;
  }

  get prefix(): string | undefined {
    return this.#s.options.prefix ?? (this.constructor as typeof BaseForm).meta?.prefix;
  }

  /** Django's `add_prefix`: the field's key in submitted data. */
  addPrefix(fieldName: string): string {
    return this.prefix ? `${this.prefix}-${fieldName}` : fieldName;
  }

  /** The initial value of a field: form `initial` option, then the field's own. */
  initialFor(name: string): unknown {
    const initial = this.#s.options.initial;
    if (initial && own(initial, name)) return initial[name];
    return this.#fieldMap().get(name)?.resolveInitial(this.#s.options.ctx);
  }

  /** Errors by field name (`__all__` for non-field), after `isValid()` / `fullClean()`. */
  get errors(): Readonly<Record<string, ErrorItem[]>> {
    const errors = errorsOf(this.#s);
    if (!errors) {
      throw new Error("form.errors is ready after `await form.isValid()` (cleaning may be async).");
    }
    return errors;
  }

  /** The values that passed validation (Django's `cleaned_data`). */
  get cleanedData(): Partial<CleanedData<TSelf>> {
    return cleanedOf(this.#s) as Partial<CleanedData<TSelf>>;
  }

  nonFieldErrors(): ErrorItem[] {
    return errorsOf(this.#s)?.[NON_FIELD_ERRORS] ?? [];
  }

  hasError(field: string | null, code?: string): boolean {
    const list = errorsOf(this.#s)?.[field ?? NON_FIELD_ERRORS] ?? [];
    return code === undefined ? list.length > 0 : list.some((e) => e.code === code);
  }

  /** Run the whole clean pipeline; true when bound and error-free. */
  async isValid(): Promise<boolean> {
    if (!this.#s.errors && !this.#s.failed) await this.fullClean();
    return cleanVerdict(this);
  }

  /** The names of fields whose data differs from their initial value. */
  get changedData(): string[] {
    const out: string[] = [];
    for (const [name, field] of this.#fieldMap()) {
      if (field.hasChanged(this.initialFor(name), this.data[this.addPrefix(name)])) out.push(name);
    }
    return out;
  }

  hasChanged(): boolean {
    return this.changedData.length > 0;
  }

  /** Django's `full_clean`: fields and their hooks, then `clean()`, then `postClean()`. */
  async fullClean(options: FullCleanOptions = {}): Promise<void> {
    const pending = this.#fullClean(options.fields);
    if (pending) await pending;
  }

  /** `fullClean`, a promise only once a step returned one (most forms are sync throughout). */
  #fullClean(only: readonly string[] | undefined): Promise<void> | undefined {
    const s = this.#s;
    resetCleaned(s, undefined);
    clearErrors(s);
    if (!this.isBound) return;
    if (s.options.emptyPermitted && !this.hasChanged()) return;
    const fields = this.cleanFields(only);
    if (isThenable(fields)) return this.#finishClean(fields, only ? ONLY : FIELDS);
    if (only) return;
    const form = this.cleanForm();
    if (isThenable(form)) return this.#finishClean(form, FORM);
    const post = this.postClean(this.ctx);
    if (isThenable(post)) return this.#finishClean(post, POST);
  }

  /** The rest of `fullClean` after the step that returned `pending` (see `FIELDS`...). */
  async #finishClean(pending: PromiseLike<unknown>, step: number): Promise<void> {
    await pending;
    if (step === POST || step === ONLY) return;
    if (step === FIELDS) {
      const form = this.cleanForm();
      if (isThenable(form)) await form;
    }
    const post = this.postClean(this.ctx);
    if (isThenable(post)) await post;
  }

  /**
   * Django's `_clean_fields`: each field's `clean` then its `clean<Field>` hook, in order.
   * Returns a promise only once something had to be awaited.
   */
  protected cleanFields(only?: readonly string[]): Promise<void> | void {
    const s = this.#s;
    s.ctx = this.ctx;
    s.data = this.data;
    // The key in `data`: Django's add_prefix, unless a subclass has its own.
    s.prefix = this.addPrefix === ADD_PREFIX ? (this.prefix ?? "") : undefined;
    if (s.plan) {
      // The pipeline has its fields from here on, as `new`'s collects them: a field assigned
      // in a hook (which gives the instance its own) is not among them.
      s.fields ??= s.plan.fields as Map<string, AnyField>;
      // All the class's fields, under their own names: the plan's own cleaner.
      if (!only && s.prefix === "") return cleanPlan(s, s.plan);
    }
    return cleanFieldsOf(s, s.plan ? s.plan.steps : [...this.fields.keys()], only);
  }

  /** Django's `_clean_form`: `clean()`, whose result (if any) replaces the cleaned data. */
  protected cleanForm(): Promise<void> | void {
    let result: CleanResult | Promise<CleanResult>;
    try {
      result = this.clean(this.ctx);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.addError(null, error);
      return;
    }
    if (isThenable(result)) return this.#settleForm(result);
    if (result !== undefined && result !== null) resetCleaned(this.#s, { ...result });
  }

  async #settleForm(pending: PromiseLike<CleanResult>): Promise<void> {
    try {
      const result = await pending;
      if (result !== undefined && result !== null) resetCleaned(this.#s, { ...result });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.addError(null, error);
    }
  }

  /**
   * Cross-field validation. Read `this.cleanedData`; raise ValidationError for non-field
   * errors or call `this.addError(field, ...)`. Return nothing, or replacement cleaned data.
   */
  clean(_ctx: RequestContext): CleanResult | Promise<CleanResult> {
    return undefined;
  }

  /** Runs after `clean()` (Django's `_post_clean`), for model-style checks. */
  protected postClean(_ctx: RequestContext): void | Promise<void> {}

  /**
   * Attach errors to a field (or `null` for non-field errors) and drop the field from
   * cleaned data. A ValidationError built from a mapping needs `field` = null.
   */
  addError(
    field: string | null,
    error: ValidationError | string | ErrorItem | ReadonlyArray<string | ErrorItem>,
  ): void {
    const err = error instanceof ValidationError ? error : new ValidationError(error);
    if (!err.fieldErrors) {
      this.#attach(field ?? NON_FIELD_ERRORS, err.errors);
      return;
    }
    if (field !== null) {
      throw new TypeError("addError(field, error): a mapping error needs field = null.");
    }
    for (const [name, items] of Object.entries(err.fieldErrors)) {
      this.#attach(name, items);
    }
  }

  /**
   * Adds `items` to `name`'s errors (`fresh`: a list of the caller's, adopted as it is;
   * `known`: the pipeline's own field name, no need to look it up).
   */
  #attach(name: string, items: ErrorItem[], fresh = false, known = false): void {
    const key = name === "null" ? NON_FIELD_ERRORS : name;
    if (!known && key !== NON_FIELD_ERRORS && !this.#fieldMap().has(key)) {
      throw new TypeError(`'${this.constructor.name}' has no field named '${key}'.`);
    }
    addErrors(this.#s, key, items, fresh);
    dropCleaned(this.#s, key);
  }

  /** Errors as the wire carries them: prefixed names, dotted paths, `non_field`. */
  errorDetails(): ValidationDetails {
    // Django's add_prefix, worked out once (unless a subclass has its own).
    const prefix = this.addPrefix === ADD_PREFIX ? (this.prefix ?? "") : undefined;
    return wireDetails(this, this.#s, prefix);
  }
}

/**
 * `new cls(options)` for a request. A declarative class (fields and methods, no constructor of
 * its own) builds its fields once; its instances share them until one reads or assigns a field
 * or `fields`, which gives it its own copy (Django deep-copies `base_fields`).
 *
 * @example
 * const form = bindForm(SignupForm, { data, ctx });
 * await form.isValid();
 */
export function bindForm<F extends BaseForm>(
  cls: new (options?: FormOptions) => F,
  options: FormOptions,
): F {
  const plan = planOf(cls, BaseForm, materialize);
  if (!plan) return new cls(options);
  pendingPlan = plan;
  try {
    return adopt(Object.create(plan.view), BaseForm, options) as F;
  } finally {
    pendingPlan = undefined;
  }
}

/** A form with a submit handler (checked at call time; declaring it is optional). */
export interface SubmittableForm {
  onSubmitSuccess(ctx: RequestContext, data: unknown): unknown;
}

const ADD_PREFIX = BaseForm.prototype.addPrefix;
const FULL_CLEAN = BaseForm.prototype.fullClean;

/**
 * @internal `form.fullClean({ fields })` (`{}` without `fields`), which returns a promise only
 * when cleaning had to wait for something (a subclass's own `fullClean` is called as it is).
 */
export function fullCleanOf(
  form: BaseForm,
  fields: readonly string[] | undefined,
): Promise<void> | undefined {
  return fullCleanNow(form, fields);
}

/** @internal `isValid()`'s verdict on a form that is already cleaned. */
export function cleanVerdict(form: BaseForm): boolean {
  return form.isBound && !hasKeys(form.errors);
}

guardAccessors(BaseForm.prototype, clash);
