import type { RequestContext } from "../core/context.js";
import { createContext } from "../core/context.js";
import type { ValidationDetails, WireErrorItem } from "../core/errors.js";
import { Field } from "./field.js";
import type { FormMeta } from "./form-meta.js";
import {
  defineOwn,
  type FormPlan,
  guardAccessors,
  hookName,
  planOf,
  standaloneRequest,
} from "./form-plan.js";
import { type ErrorItem, ValidationError } from "./validation-error.js";

// biome-ignore lint/suspicious/noConfusingVoidType: hooks that return nothing are the norm
type CleanResult = void | Record<string, unknown>;

/** Django's key for errors that belong to no field. */
export const NON_FIELD_ERRORS = "__all__";

// biome-ignore lint/suspicious/noExplicitAny: matches any field type
type AnyField = Field<any, any>;
type FormKeys =
  | "fields"
  | "isBound"
  | "data"
  | "ctx"
  | "prefix"
  | "errors"
  | "cleanedData"
  | "changedData";
type FieldKeys<F> = {
  [K in Exclude<keyof F, FormKeys>]: F[K] extends AnyField ? K : never;
}[Exclude<keyof F, FormKeys>] &
  string;

/** The cleaned data of a form class instance, typed from its field declarations. */
export type CleanedData<F> = {
  // biome-ignore lint/suspicious/noExplicitAny: inference position
  [K in FieldKeys<F>]: F[K] extends Field<infer V, any> ? V : never;
};

/** What a form accepts as `data`, typed from its field declarations. */
export type FormInput<F> = {
  // biome-ignore lint/suspicious/noExplicitAny: inference position
  [K in FieldKeys<F>]?: F[K] extends Field<any, infer I> ? I : never;
};

export interface FormOptions {
  /** Submitted data; leave out for an unbound form. */
  data?: Record<string, unknown> | null;
  /** Initial values by field name (override field `initial`). */
  initial?: Record<string, unknown>;
  /** Overrides `meta.prefix`. */
  prefix?: string;
  /** The request being served; given to `clean*` hooks. */
  ctx?: RequestContext;
  /** Django's `empty_permitted`: an unchanged form is valid without running validation. */
  emptyPermitted?: boolean;
}

export interface FullCleanOptions {
  /** Only clean these fields (and their `clean<Field>` hooks); `clean()` does not run. */
  fields?: readonly string[];
}

/** Something nested that cleans with a whole sub-form (FormField, FormSet). */
export interface CompositeField {
  cleanComposite(
    value: unknown,
    ctx: RequestContext,
  ): Promise<{ value: unknown; errors: Record<string, ErrorItem[]> }>;
}

function isCompositeField(field: unknown): field is AnyField & CompositeField {
  return (
    field instanceof Field &&
    typeof (field as Partial<CompositeField>).cleanComposite === "function"
  );
}

/**
 * A field whose `clean()` must first read something asynchronously (ImageField reads the
 * upload's bytes): the form awaits `cleanAsync(value, initial)` instead of `clean`.
 */
interface AsyncCleanField {
  cleanAsync(value: unknown, initial?: unknown): Promise<unknown>;
}

function isAsyncCleanField(field: unknown): field is AnyField & AsyncCleanField {
  return typeof (field as Partial<AsyncCleanField>).cleanAsync === "function";
}

export { hookName };

const own = (obj: object, key: string) => Object.hasOwn(obj, key);
// The plan the next BaseForm constructor adopts (bindForm), and BaseForm's #materialize.
let pendingPlan: FormPlan | undefined;
let materialize: (form: object) => void;

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
export class BaseForm<TSelf = any> {
  /** Name, title, auth and prefix; set with `formMeta()`. */
  static meta: FormMeta | undefined = undefined;

  readonly #options: FormOptions;
  #fields: Map<string, AnyField> | undefined;
  #errors: Record<string, ErrorItem[]> | undefined;
  #cleaned: Record<string, unknown> = {};
  #ctx: RequestContext | undefined;
  #plan: FormPlan | undefined; // while the instance shares its class's fields (bindForm)

  constructor(options: FormOptions = {}) {
    this.#options = options;
    this.#plan = pendingPlan;
    pendingPlan = undefined;
  }

  static {
    materialize = (form) => (form as BaseForm).#materialize();
  }

  /** Gives an instance that shares its class's fields its own (a fresh construction's). */
  #materialize(): void {
    const plan = this.#plan;
    if (!plan) return;
    this.#plan = undefined;
    const collected = this.#fields !== undefined;
    this.#fields = undefined;
    const full = new plan.cls(this.#options) as unknown as Record<string, unknown>;
    for (const key of Object.keys(full)) defineOwn(this, key, full[key]);
    // Once the pipeline has its fields, a later assignment is not among them (as with `new`).
    if (collected) void this.fields;
  }

  /** The fields the pipeline runs: the class's shared ones until the instance has its own. */
  #fieldMap(): ReadonlyMap<string, AnyField> {
    if (!this.#plan) return this.fields;
    this.#fields ??= this.#plan.fields as Map<string, AnyField>;
    return this.#fields;
  }

  /** The declared fields, in declaration order (collected on first use). */
  get fields(): ReadonlyMap<string, AnyField> {
    this.#materialize();
    if (!this.#fields) {
      const fields = new Map<string, AnyField>();
      for (const key of Object.keys(this)) {
        const value = (this as Record<string, unknown>)[key];
        if (!(value instanceof Field)) continue;
        if (key in BaseForm.prototype) throw clash(key);
        value.name = key;
        fields.set(key, value);
      }
      this.#fields = fields;
    }
    return this.#fields;
  }

  get isBound(): boolean {
    return this.#options.data !== undefined && this.#options.data !== null;
  }

  get data(): Readonly<Record<string, unknown>> {
    return this.#options.data ?? {};
  }

  get ctx(): RequestContext {
    // Without one given, a context of its own over a Request built once (not one per form).
    this.#ctx ??= this.#options.ctx ?? createContext(standaloneRequest());
    return this.#ctx;
  }

  get prefix(): string | undefined {
    return this.#options.prefix ?? (this.constructor as typeof BaseForm).meta?.prefix;
  }

  /** Django's `add_prefix`: the field's key in submitted data. */
  addPrefix(fieldName: string): string {
    return this.prefix ? `${this.prefix}-${fieldName}` : fieldName;
  }

  /** The initial value of a field: form `initial` option, then the field's own. */
  initialFor(name: string): unknown {
    const initial = this.#options.initial;
    if (initial && own(initial, name)) return initial[name];
    return this.#fieldMap().get(name)?.resolveInitial(this.#options.ctx);
  }

  /** Errors by field name (`__all__` for non-field), after `isValid()` / `fullClean()`. */
  get errors(): Readonly<Record<string, ErrorItem[]>> {
    if (!this.#errors) {
      throw new Error("form.errors is ready after `await form.isValid()` (cleaning may be async).");
    }
    return this.#errors;
  }

  /** The values that passed validation (Django's `cleaned_data`). */
  get cleanedData(): Partial<CleanedData<TSelf>> {
    return this.#cleaned as Partial<CleanedData<TSelf>>;
  }

  nonFieldErrors(): ErrorItem[] {
    return this.#errors?.[NON_FIELD_ERRORS] ?? [];
  }

  hasError(field: string | null, code?: string): boolean {
    const list = this.#errors?.[field ?? NON_FIELD_ERRORS] ?? [];
    return code === undefined ? list.length > 0 : list.some((e) => e.code === code);
  }

  /** Run the whole clean pipeline; true when bound and error-free. */
  async isValid(): Promise<boolean> {
    if (!this.#errors) await this.fullClean();
    return this.isBound && Object.keys(this.errors).length === 0;
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
    this.#errors = {};
    this.#cleaned = {};
    if (!this.isBound) return;
    if (this.#options.emptyPermitted && !this.hasChanged()) return;
    await this.cleanFields(options.fields);
    if (options.fields) return;
    await this.cleanForm();
    await this.postClean(this.ctx);
  }

  protected async cleanFields(only?: readonly string[]): Promise<void> {
    const ctx = this.ctx;
    for (const name of this.#plan ? this.#plan.names : [...this.fields.keys()]) {
      if (only && !only.includes(name)) continue;
      // Read per name: a hook may have given the instance its own fields meanwhile.
      const field = this.#fieldMap().get(name);
      if (!field) continue;
      const key = this.addPrefix(name);
      const value = field.disabled
        ? this.initialFor(name)
        : own(this.data, key)
          ? this.data[key]
          : undefined;
      try {
        let cleaned: unknown;
        if (isCompositeField(field)) {
          const nested = await field.cleanComposite(value, ctx);
          const paths = Object.keys(nested.errors);
          if (paths.length) {
            for (const path of paths) {
              const list = (this.#errors as Record<string, ErrorItem[]>)[path] ?? [];
              list.push(...(nested.errors[path] ?? []));
              (this.#errors as Record<string, ErrorItem[]>)[path] = list;
            }
            continue;
          }
          cleaned = nested.value;
        } else if (isAsyncCleanField(field)) {
          cleaned = await field.cleanAsync(value, this.initialFor(name));
        } else {
          cleaned = (field.clean as (v: unknown, initial?: unknown) => unknown)(
            value,
            this.initialFor(name),
          );
        }
        this.#cleaned[name] = cleaned;
        const hook = (this as unknown as Record<string, unknown>)[hookName(name)];
        if (typeof hook === "function") {
          this.#cleaned[name] = await hook.call(this, cleaned, ctx);
        }
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        this.addError(name, error);
      }
    }
  }

  protected async cleanForm(): Promise<void> {
    try {
      const result = await this.clean(this.ctx);
      if (result !== undefined && result !== null) this.#cleaned = { ...result };
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
    if (!this.#errors) this.#errors = {};
    const errors = this.#errors;
    let mapping: Record<string, ErrorItem[]>;
    if (err.fieldErrors) {
      if (field !== null) {
        throw new TypeError("addError(field, error): a mapping error needs field = null.");
      }
      mapping = err.fieldErrors;
    } else {
      mapping = { [field ?? NON_FIELD_ERRORS]: err.errors };
    }
    for (const [name, items] of Object.entries(mapping)) {
      const key = name === "null" ? NON_FIELD_ERRORS : name;
      if (key !== NON_FIELD_ERRORS && !this.#fieldMap().has(key)) {
        throw new TypeError(`'${this.constructor.name}' has no field named '${key}'.`);
      }
      const list = errors[key] ?? [];
      list.push(...items);
      errors[key] = list;
      if (own(this.#cleaned, key)) delete this.#cleaned[key];
    }
  }

  /** Errors as the wire carries them: prefixed names, dotted paths, `non_field`. */
  errorDetails(): ValidationDetails {
    const details: ValidationDetails = { fields: {}, non_field: [] };
    const strip = (items: ErrorItem[]): WireErrorItem[] =>
      items.map(({ message, code }) => ({ message, code }));
    for (const [key, items] of Object.entries(this.#errors ?? {})) {
      if (key === NON_FIELD_ERRORS) details.non_field.push(...strip(items));
      else details.fields[this.addPrefix(key)] = strip(items);
    }
    return details;
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
    return Reflect.construct(BaseForm, [options], plan.view) as F;
  } finally {
    pendingPlan = undefined;
  }
}

/** A form with a submit handler (checked at call time; declaring it is optional). */
export interface SubmittableForm {
  onSubmitSuccess(ctx: RequestContext, data: unknown): unknown;
}

guardAccessors(BaseForm.prototype, clash);
