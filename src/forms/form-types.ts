import type { RequestContext } from "../core/context.js";
import { Field, validatorPartsOf } from "./field.js";
import type { ValidatorParts } from "./field-validators.js";
import type { ErrorItem, ValidationError } from "./validation-error.js";

// The types a form class is written against, and how its pipeline cleans each kind of field
// (kept apart from base-form.ts, which holds the pipeline itself).

// biome-ignore lint/suspicious/noExplicitAny: matches any field type
export type AnyField = Field<any, any>;
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

/**
 * A field whose `clean()` must first read something asynchronously (ImageField reads the
 * upload's bytes): the form awaits `cleanAsync(value, initial)` instead of `clean`.
 */
export interface AsyncCleanField {
  cleanAsync(value: unknown, initial?: unknown): Promise<unknown>;
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

/** How the pipeline cleans one field: a plain `clean`, a whole sub-form, or `cleanAsync`. */
export const PLAIN = 0;
export const COMPOSITE = 1;
export const ASYNC = 2;

/** One field of the pipeline, with what it needs decided once rather than per request. */
export interface FieldStep {
  readonly name: string;
  readonly field: AnyField;
  /** Its `clean<Field>` hook's name. */
  readonly hook: string;
  readonly kind: typeof PLAIN | typeof COMPOSITE | typeof ASYNC;
  /**
   * Whether `clean` is given the initial value: Field's own `clean(value)` ignores it, so only
   * a class with its own `clean` (FileField's `clean(data, initial)`) or `cleanAsync` needs it.
   */
  readonly withInitial: boolean;
  /**
   * Whether the class keeps Field's `clean` and `runValidators`: the form then runs the steps
   * itself and takes the validators' error without a throw (`validatorsError`).
   */
  readonly direct: boolean;
  /**
   * Whether the form may call `toPythonChecked` / `validateError` (a refusal as a value) for
   * `toPython` / `validate`: no class below the one implementing them overrides the latter.
   */
  readonly checkedPython: boolean;
  readonly checkedValidate: boolean;
  /**
   * A direct step's three calls, read off the field once (`.call(field, ...)`): the field's
   * `toPythonChecked` or `toPython`, its `validateError` (undefined: call `validate`), and its
   * `validatorsError`. One property read per step instead of one per field class.
   */
  readonly toPython: (this: AnyField, value: unknown) => unknown;
  readonly validateError:
    | ((this: AnyField, value: unknown) => ValidationError | undefined)
    | undefined;
  readonly validatorsError: (this: AnyField, value: unknown) => ValidationError | undefined;
  /**
   * Set when the field keeps Field's `validatorsError`: its parts, for `validatorsErrorOf`
   * (with `isEmpty`, the field's, first), so that the form reads no field property for it.
   */
  readonly validatorParts: ValidatorParts | undefined;
  readonly isEmpty: (this: AnyField, value: unknown) => boolean;
  /** The field's `required` when it keeps Field's `validate` and `validateError`, else undefined. */
  readonly required: boolean | undefined;
  /** The field's `disabled`, as it was when the step was made. */
  readonly disabled: boolean;
  /**
   * A plan's step: the class has no such hook (checked once on the bound instances'
   * prototype), so only an own property of the instance could be one.
   */
  readonly noHook: boolean;
}

/**
 * The step of a field (Django's `_clean_fields` asks the same of each field every time).
 * `proto`, for a plan, is the prototype of its bound instances.
 */
export function fieldStep(name: string, field: AnyField, proto?: object): FieldStep {
  let kind: FieldStep["kind"] = PLAIN;
  if (
    field instanceof Field &&
    typeof (field as Partial<CompositeField>).cleanComposite === "function"
  ) {
    kind = COMPOSITE;
  } else if (typeof (field as Partial<AsyncCleanField>).cleanAsync === "function") {
    kind = ASYNC;
  }
  const ownClean = field.clean !== Field.prototype.clean;
  const withInitial = kind === ASYNC || ownClean;
  const direct = !ownClean && field.runValidators === Field.prototype.runValidators;
  const hook = hookName(name);
  const noHook = proto !== undefined && !(hook in proto);
  const checkedPython = keepsPlain(field, "toPython", "toPythonChecked");
  const checkedValidate = keepsPlain(field, "validate", "validateError");
  return {
    name,
    field,
    hook,
    kind,
    withInitial,
    direct,
    checkedPython,
    checkedValidate,
    toPython: checkedPython ? field.toPythonChecked : field.toPython,
    validateError: checkedValidate ? field.validateError : undefined,
    validatorsError: field.validatorsError,
    validatorParts:
      field.validatorsError === Field.prototype.validatorsError
        ? validatorPartsOf(field)
        : undefined,
    isEmpty: field.isEmpty,
    required:
      checkedValidate && field.validateError === Field.prototype.validateError
        ? field.required
        : undefined,
    disabled: field.disabled,
    noHook,
  };
}

/** The object on `obj`'s prototype chain (itself included) that holds `key`. */
function holderOf(obj: object, key: string): object | null {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, key)) return o;
  }
  return null;
}

/**
 * Whether `plain` (Field's throwing method, which calls `checked`) is not overridden below
 * the class implementing `checked`: then calling `checked` is what `plain` would do.
 */
function keepsPlain(field: AnyField, plain: string, checked: string): boolean {
  const plainHolder = holderOf(field, plain);
  const checkedHolder = holderOf(field, checked);
  if (!plainHolder || !checkedHolder) return false;
  return (
    plainHolder === checkedHolder || Object.prototype.isPrototypeOf.call(plainHolder, checkedHolder)
  );
}

/** Whether `value` is to be awaited (a promise or another thenable), as `await` would. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === "function"
  );
}

/** Whether `obj` has an enumerable key (without listing them). */
export function hasKeys(obj: object): boolean {
  for (const _ in obj) return true;
  return false;
}
