import { type AnyField, type FieldStep, fieldStep } from "./form-types.js";

export { hookName } from "./form-types.js";

// biome-ignore lint/suspicious/noExplicitAny: any form constructor
type AnyCtor = new (...args: any[]) => object;

/**
 * What a declarative form class builds once (its fields are configuration, like Django's
 * `base_fields`): the bound instances of a request share them through `view`, a prototype
 * whose field properties build the instance's own copy of the fields the first time a field is
 * read or assigned (Django deep-copies `base_fields` into every instance's `fields`).
 */
export interface FormPlan {
  readonly cls: AnyCtor;
  /** The declared fields, in declaration order, built once; never handed to user code. */
  readonly fields: ReadonlyMap<string, AnyField>;
  readonly names: readonly string[];
  /** How the pipeline cleans each field, in declaration order (see `FieldStep`). */
  readonly steps: readonly FieldStep[];
  /** The prototype of bound instances: a view over `cls.prototype` (see `makePlan`). */
  readonly view: object;
}

let adoptee: object | undefined;

/**
 * The base of BaseForm: a construction normally proceeds as usual, but one that `adopt` set
 * up is given that object as `this` (a bound instance made with `Object.create(plan.view)`,
 * which then gets BaseForm's private state). Cheaper than `Reflect.construct` with a
 * `new.target` whose prototype is the view, which V8 does not cache.
 */
export class Adoptable {
  constructor() {
    const target = adoptee;
    adoptee = undefined;
    // biome-ignore lint/correctness/noConstructorReturn: the point of this class
    if (target) return target as Adoptable;
  }
}

/** `new make(arg)` with `target` as its `this` (see `Adoptable`). */
export function adopt<A, T>(target: object, make: new (arg: A) => T, arg: A): T {
  adoptee = target;
  try {
    return new make(arg);
  } finally {
    adoptee = undefined;
  }
}

/** Sets an own, writable, enumerable data property, as an assignment to a plain object does. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * The constructor TypeScript and esbuild write for class fields (`constructor() {
 * super(...arguments)`), or oxc, Vite's (`constructor(..._args2) { super(..._args2)`): no
 * code of the author's.
 */
const SYNTHESIZED =
  /\bconstructor\s*\(\s*(?:\)\s*\{\s*super\s*\(\s*\.\.\.arguments|\.\.\.(_args\d*)\s*\)\s*\{\s*super\s*\(\s*\.\.\.\1)\s*\)/;
const CONSTRUCTOR = /\bconstructor\s*\(/;

/**
 * Whether every class from `cls` up to (not including) `base` only declares fields and methods:
 * no constructor of its own (one that the compiler wrote for class fields is fine) and no
 * private members (`#x`, which only a real construction installs). Only then may an instance
 * skip the class's constructor. Anything else (Babel's output, a hand-written constructor that
 * adjusts fields per instance) keeps the ordinary `new`.
 */
export function isDeclarative(cls: AnyCtor, base: AnyCtor): boolean {
  for (let c: unknown = cls; c !== base; c = Object.getPrototypeOf(c)) {
    if (typeof c !== "function") return false;
    const source = Function.prototype.toString.call(c);
    if (source.includes("#")) return false;
    if (CONSTRUCTOR.test(source) && !SYNTHESIZED.test(source)) return false;
  }
  return true;
}

/**
 * The plan of a declarative class, from one instance built the ordinary way (`probe`) and its
 * collected fields. `materialize(form)` gives a bound instance its own fields (a fresh
 * construction's) as own properties: the view's accessors call it before the first read or
 * write of a field property, so per-instance changes never reach the shared fields.
 */
export function makePlan(
  cls: AnyCtor,
  probe: object,
  fields: ReadonlyMap<string, AnyField>,
  materialize: (form: object) => void,
): FormPlan | null {
  // Only fields may be per-instance state: any other own property (a Map, a counter) needs `new`.
  const own = Reflect.ownKeys(probe);
  if (own.length !== fields.size || !own.every((k) => typeof k === "string" && fields.has(k))) {
    return null;
  }
  const view: object = Object.create(cls.prototype);
  for (const name of fields.keys()) {
    const ownValue = (form: object) => Object.getOwnPropertyDescriptor(form, name)?.value;
    Object.defineProperty(view, name, {
      configurable: true,
      get(this: object) {
        materialize(this);
        return ownValue(this);
      },
      set(this: object, value: unknown) {
        materialize(this);
        defineOwn(this, name, value);
      },
    });
  }
  const steps = [...fields].map(([name, field]) => fieldStep(name, field, view));
  return { cls, fields, names: [...fields.keys()], steps, view };
}

// A class's plan, or null when its instances need the ordinary `new` (see isDeclarative).
const plans = new WeakMap<object, FormPlan | null>();

/** The plan of `cls` (a subclass of `base`), made once from one ordinary instance. */
export function planOf(
  cls: new (options?: object) => { readonly fields: ReadonlyMap<string, AnyField> },
  base: AnyCtor,
  materialize: (form: object) => void,
): FormPlan | null {
  let plan = plans.get(cls);
  if (plan === undefined) {
    plan = null;
    if (isDeclarative(cls, base)) {
      try {
        const probe = new cls({});
        plan = makePlan(cls, probe, probe.fields, materialize);
      } catch {
        // The ordinary construction reports the problem, per request, as before.
      }
    }
    plans.set(cls, plan);
  }
  return plan;
}

/**
 * Compiled with [[Set]] class fields (`useDefineForClassFields: false`), a field named like one
 * of Form's accessors assigns through the accessor instead of shadowing it: answer that with
 * the same clear error as the [[Define]] case, which `fields` reports.
 */
export function guardAccessors(proto: object, clash: (key: string) => Error): void {
  for (const key of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (descriptor?.get && !descriptor.set) {
      Object.defineProperty(proto, key, {
        ...descriptor,
        set() {
          throw clash(key);
        },
      });
    }
  }
}

let standalone: { request: Request; signal: AbortSignal } | undefined;

/** The request of a form's context when it was given none: a placeholder, built on first use. */
export function standaloneRequest(): { request: Request; signal: AbortSignal } {
  if (!standalone) {
    const request = new Request("http://localhost/");
    standalone = { request, signal: request.signal };
  }
  return standalone;
}
