import type { RequestContext } from "../core/context.js";

export { isThenable } from "../core/thenable.js";

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
  const facts = classFacts(field);
  const hook = hookName(name);
  return {
    name,
    field,
    hook,
    kind: facts.kind,
    withInitial: facts.withInitial,
    direct: facts.direct,
    checkedPython: facts.checkedPython,
    checkedValidate: facts.checkedValidate,
    toPython: facts.checkedPython ? facts.toPythonChecked : facts.toPython,
    validateError: facts.checkedValidate ? facts.validateError : undefined,
    validatorsError: facts.validatorsError,
    validatorParts: facts.keepsValidatorsError ? validatorPartsOf(field) : undefined,
    isEmpty: facts.isEmpty,
    required: facts.keepsValidate ? field.required : undefined,
    disabled: field.disabled,
    noHook: proto !== undefined && !(hook in proto),
  };
}

/**
 * What a field's step takes from its class: the methods it calls and what follows from where
 * they are defined. Kept per prototype (the walks up the chain cost more than the rest of a
 * step), and used while the field reads the very same methods: an instance's own method, or one
 * changed on a prototype since, is worked out again (what a step calls depends only on which
 * functions these are, so the same functions give the same step).
 */
interface ClassFacts {
  readonly cleanComposite: unknown;
  readonly cleanAsync: unknown;
  readonly clean: unknown;
  readonly runValidators: unknown;
  readonly toPython: FieldStep["toPython"];
  readonly toPythonChecked: FieldStep["toPython"];
  readonly validate: unknown;
  readonly validateError: (this: AnyField, value: unknown) => ValidationError | undefined;
  readonly validatorsError: FieldStep["validatorsError"];
  readonly isEmpty: FieldStep["isEmpty"];
  readonly kind: FieldStep["kind"];
  readonly withInitial: boolean;
  readonly direct: boolean;
  readonly checkedPython: boolean;
  readonly checkedValidate: boolean;
  /** Field's `validatorsError`: the step reads the field's validator parts. */
  readonly keepsValidatorsError: boolean;
  /** Field's `validate` and `validateError`: the step reads the field's `required`. */
  readonly keepsValidate: boolean;
}

const factsByProto = new WeakMap<object, ClassFacts>();

function classFacts(field: AnyField): ClassFacts {
  const proto = Object.getPrototypeOf(field) as object | null;
  const known = proto ? factsByProto.get(proto) : undefined;
  const f = field as AnyField & Partial<CompositeField & AsyncCleanField>;
  if (
    known !== undefined &&
    known.clean === field.clean &&
    known.runValidators === field.runValidators &&
    known.toPython === field.toPython &&
    known.toPythonChecked === field.toPythonChecked &&
    known.validate === field.validate &&
    known.validateError === field.validateError &&
    known.validatorsError === field.validatorsError &&
    known.isEmpty === field.isEmpty &&
    known.cleanComposite === f.cleanComposite &&
    known.cleanAsync === f.cleanAsync
  ) {
    return known;
  }
  const facts = factsOf(field);
  if (proto && !hasOwnMethod(field)) factsByProto.set(proto, facts);
  return facts;
}

/** The methods a step reads, by name. */
const STEP_METHODS = [
  "clean",
  "runValidators",
  "toPython",
  "toPythonChecked",
  "validate",
  "validateError",
  "validatorsError",
  "isEmpty",
  "cleanComposite",
  "cleanAsync",
] as const;

/** Whether the field has a step method of its own (an instance's override). */
function hasOwnMethod(field: AnyField): boolean {
  for (const key of STEP_METHODS) if (Object.hasOwn(field, key)) return true;
  return false;
}

function factsOf(field: AnyField): ClassFacts {
  const f = field as AnyField & Partial<CompositeField & AsyncCleanField>;
  let kind: FieldStep["kind"] = PLAIN;
  if (field instanceof Field && typeof f.cleanComposite === "function") {
    kind = COMPOSITE;
  } else if (typeof f.cleanAsync === "function") {
    kind = ASYNC;
  }
  const ownClean = field.clean !== Field.prototype.clean;
  const checkedValidate = keepsPlain(field, "validate", "validateError");
  return {
    cleanComposite: f.cleanComposite,
    cleanAsync: f.cleanAsync,
    clean: field.clean,
    runValidators: field.runValidators,
    toPython: field.toPython,
    toPythonChecked: field.toPythonChecked,
    validate: field.validate,
    validateError: field.validateError,
    validatorsError: field.validatorsError,
    isEmpty: field.isEmpty,
    kind,
    withInitial: kind === ASYNC || ownClean,
    direct: !ownClean && field.runValidators === Field.prototype.runValidators,
    checkedPython: keepsPlain(field, "toPython", "toPythonChecked"),
    checkedValidate,
    keepsValidatorsError: field.validatorsError === Field.prototype.validatorsError,
    keepsValidate: checkedValidate && field.validateError === Field.prototype.validateError,
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

/** Whether two lists hold the same strings in the same order. */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Per form class: the own keys its last collected instance had, none a member of BaseForm. */
const clearKeys = new WeakMap<object, readonly string[]>();

/**
 * Whether no key of `keys` (a form's own, as `Object.keys` lists them) is a member of `base`
 * (BaseForm.prototype): a field under such a name would clash. An instance with the very keys
 * its class's last one had is not looked up again (the lookup through BaseForm's prototype
 * costs more than the rest of collecting a form's fields).
 */
export function keysClear(form: object, keys: readonly string[], base: object): boolean {
  const proto = Object.getPrototypeOf(form) as object | null;
  const known = proto ? clearKeys.get(proto) : undefined;
  if (known !== undefined && sameStrings(known, keys)) return true;
  for (const key of keys) if (key in base) return false;
  if (proto) clearKeys.set(proto, keys);
  return true;
}

/** Whether `obj` has an enumerable key (without listing them). */
export function hasKeys(obj: object): boolean {
  for (const _ in obj) return true;
  return false;
}
