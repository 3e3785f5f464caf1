import type { RequestContext } from "../core/context.js";
import { createContext } from "../core/context.js";
import type { ValidationDetails, WireErrorItem } from "../core/errors.js";
import { Field } from "./field.js";
import type { FormMeta } from "./form-meta.js";
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

const hookNames = new Map<string, string>();

/** The `clean<Field>` hook name of a field: `first_name` → `cleanFirstName`. */
export function hookName(field: string): string {
  const known = hookNames.get(field);
  if (known) return known;
  const pascal = field
    .split("_")
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  const name = `clean${pascal}`;
  if (hookNames.size < 10_000) hookNames.set(field, name);
  return name;
}

const own = (obj: object, key: string) => Object.hasOwn(obj, key);

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

  constructor(options: FormOptions = {}) {
    this.#options = options;
  }

  /** The declared fields, in declaration order (collected on first use). */
  get fields(): ReadonlyMap<string, AnyField> {
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
    if (!this.#ctx) this.#ctx = this.#options.ctx ?? createContext();
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
    return this.fields.get(name)?.resolveInitial(this.#options.ctx);
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
    for (const [name, field] of this.fields) {
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
    for (const [name, field] of this.fields) {
      if (only && !only.includes(name)) continue;
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
      if (key !== NON_FIELD_ERRORS && !this.fields.has(key)) {
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

/** A form with a submit handler (checked at call time; declaring it is optional). */
export interface SubmittableForm {
  onSubmitSuccess(ctx: RequestContext, data: unknown): unknown;
}

// Compiled with [[Set]] class fields (`useDefineForClassFields: false`), a field named like one
// of Form's accessors assigns through the accessor instead of shadowing it: answer that with
// the same clear error as the [[Define]] case, which `fields` reports.
for (const key of Object.getOwnPropertyNames(BaseForm.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(BaseForm.prototype, key);
  if (descriptor?.get && !descriptor.set) {
    Object.defineProperty(BaseForm.prototype, key, {
      ...descriptor,
      set() {
        throw clash(key);
      },
    });
  }
}
