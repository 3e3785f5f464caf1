import { allowsCodeGeneration } from "./code-generation.js";
import { REFUSED, takeRefusal } from "./field-parts.js";
import {
  pushRaised,
  raisedBy,
  validatorsFailureAfter,
  validatorsFailureOf,
} from "./field-validators.js";
import {
  callHook,
  checkDirect,
  cleanFieldsOf,
  cleanRest,
  cleanValue,
  type FieldRun,
  type FormState,
  report,
  storeCleaned,
} from "./form-clean.js";
import type { FormPlan } from "./form-plan.js";
import { type FieldStep, PLAIN } from "./form-types.js";
import { ValidationError } from "./validation-error.js";
import { plainRuleState, RuleValidator, ruleItem, type Validator } from "./validators/validator.js";

const RULE_VALIDATE = RuleValidator.prototype.validate;

// The fields of a form that shares its class's plan, keyed by their own names (no prefix, no
// `addPrefix` of a subclass), all of them in order: what `cleanFieldsOf` decides per call and
// per field (the field map, the step, the key, the hook lookup) is decided once per plan.
// Where the runtime allows code generation, a plan gets a cleaner compiled for its fields (as
// Zod 4 compiles one per object schema): each key and hook name a constant, each field and its
// `toPython` a closure constant. A form whose instance takes its own fields on the way (a hook
// reading `this.fields`) goes on with `cleanFieldsOf` from that field.

type PlanCleaner = (run: FieldRun, data: Readonly<Record<string, unknown>>) => Promise<void> | void;

const cleaners = new WeakMap<FormPlan, PlanCleaner>();

/**
 * @internal Cleans every field of `plan` for a form that shares it (`run.plan`) and reads
 * `data` under the fields' own names; a promise only if one was async.
 */
export function cleanPlan(run: FormState, plan: FormPlan): Promise<void> | void {
  let cleaner = cleaners.get(plan);
  if (cleaner === undefined) {
    cleaner = (allowsCodeGeneration() && compile(plan)) || ((r) => cleanPlanLoop(r, plan));
    cleaners.set(plan, cleaner);
  }
  return cleaner(run as FieldRun, (run as FieldRun).data);
}

/** `cleanPlan` without generated code. */
function cleanPlanLoop(run: FieldRun, plan: FormPlan): Promise<void> | void {
  const steps = plan.steps;
  const data = run.data;
  for (let i = 0; i < steps.length; i++) {
    if (run.plan !== plan) return cleanFieldsOf(run, steps, undefined, i);
    const step = steps[i] as FieldStep;
    const name = step.name;
    const value = step.disabled
      ? run.form.initialFor(name)
      : Object.hasOwn(data, name)
        ? data[name]
        : undefined;
    const pending = cleanValue(run, step, value);
    if (pending) return cleanRest(run, pending, steps, i + 1, undefined);
  }
}

/**
 * The most source text one generated function gets: past it (a form of some forty fields) the
 * fields go in several functions called in turn, since V8 does not optimize a function whose
 * bytecode is too large, and a form of 80 fields ran 2.8x slower than the loop in one.
 */
const CHUNK_CHARS = 16_000;

/** What a chunk returns once the rest of the run is handled (see `compile`). */
const FINISHED = Symbol("finished");

/** What a generated cleaner calls (its one argument besides the steps). */
const helpers = {
  OP: Object.prototype,
  getPrototypeOf: Object.getPrototypeOf,
  hasOwn: Object.hasOwn,
  REFUSED,
  takeRefusal,
  checkDirect,
  validatorsFailureOf,
  validatorsFailureAfter,
  raisedBy,
  pushRaised,
  plainRuleState,
  ruleItem,
  RULE_VALIDATE,
  report,
  storeCleaned,
  callHook,
  cleanValue,
  cleanRest,
  cleanFieldsOf,
  ValidationError,
  FINISHED,
};

/** The generated cleaner of `plan`, or undefined when the runtime refuses to compile it. */
function compile(plan: FormPlan): PlanCleaner | undefined {
  const steps = plan.steps;
  const head: string[] = [
    `"use strict";`,
    "const { OP, getPrototypeOf, hasOwn, REFUSED, takeRefusal, checkDirect, validatorsFailureOf,",
    "  validatorsFailureAfter, raisedBy, pushRaised, plainRuleState, ruleItem, RULE_VALIDATE,",
    "  report,",
    "  storeCleaned, callHook, cleanValue, cleanRest, cleanFieldsOf, ValidationError,",
    "  FINISHED } = H;",
    "const steps = P.steps;",
    "const fin = (r) => (r === undefined ? FINISHED : r);",
  ];
  const fields = steps.map((step, i) => fieldCode(step, i, head));
  const chunks: string[][] = [[]];
  let size = 0;
  for (const code of fields) {
    if (size > CHUNK_CHARS) {
      chunks.push([]);
      size = 0;
    }
    (chunks[chunks.length - 1] as string[]).push(code);
    size += code.length;
  }
  // A plain object's own key reads as a property when Object.prototype has no such key.
  const start = ["const form = run.form;", "const plain = getPrototypeOf(data) === OP;"];
  const locals = "let v, c, e, p, x;";
  let body: string[];
  if (chunks.length === 1) {
    const code = fields
      .join("\n")
      .replaceAll("return fin(cleanFieldsOf(", "return (cleanFieldsOf(");
    body = ["return function cleanPlan(run, data) {", ...start, locals, code, "};"];
  } else {
    body = chunks.map((chunk, k) =>
      [`function chunk${k}(run, data, form, plain) {`, locals, ...chunk, "}"].join("\n"),
    );
    body.push("return function cleanPlan(run, data) {", ...start, "let r;");
    for (let k = 0; k < chunks.length; k++) {
      body.push(
        `r = chunk${k}(run, data, form, plain);`,
        "if (r !== undefined) return r === FINISHED ? undefined : r;",
      );
    }
    body.push("};");
  }
  try {
    return new Function("P", "H", [...head, ...body].join("\n"))(plan, helpers) as PlanCleaner;
  } catch {
    return undefined;
  }
}

/** The `i`th field's statements (its constants added to `head`). */
function fieldCode(step: FieldStep, i: number, head: string[]): string {
  const key = JSON.stringify(step.name);
  head.push(`const s${i} = steps[${i}], f${i} = s${i}.field, t${i} = s${i}.toPython;`);
  const lines = [
    `if (run.plan !== P) return fin(cleanFieldsOf(run, steps, undefined, ${i}));`,
    step.disabled
      ? `v = form.initialFor(${key});`
      : `v = plain && !(${key} in OP) ? data[${key}] : hasOwn(data, ${key}) ? data[${key}] : undefined;`,
  ];
  if (step.kind !== PLAIN || !step.direct) {
    lines.push(
      `p = cleanValue(run, s${i}, v);`,
      `if (p) return cleanRest(run, p, steps, ${i + 1}, undefined);`,
    );
    return lines.join("\n");
  }
  // No hook on the class: only an own property of the instance can be one. `in` (a constant
  // key, no getter called) answers most calls for the price of a map check.
  const name = JSON.stringify(step.hook);
  const hook = step.noHook ? `if (${name} in form && hasOwn(form, ${name})) {` : "{";
  lines.push(
    "try {",
    `  c = t${i}.call(f${i}, v);`,
    `  e = c === REFUSED ? takeRefusal() : ${checkOf(step, i, head)};`,
    "} catch (error) {",
    "  if (!(error instanceof ValidationError)) throw error;",
    "  e = error;",
    "}",
    `if (e) report(form, ${key}, e);`,
    "else {",
    `  storeCleaned(run, ${key}, c);`,
    `  ${hook}`,
    `    p = callHook(run, s${i}, c);`,
    `    if (p) return cleanRest(run, p, steps, ${i + 1}, undefined);`,
    "  }",
    "}",
  );
  return lines.join("\n");
}

/**
 * `checkDirect(step, field, c)` for the `i`th step as an expression over its constants (added
 * to `head`): the field's `validate` (or `required` and `isEmpty`) then its validators.
 */
function checkOf(step: FieldStep, i: number, head: string[]): string {
  const parts = step.validatorParts;
  if (!parts) return `checkDirect(s${i}, f${i}, c)`;
  head.push(
    `const e${i} = s${i}.isEmpty, p${i} = s${i}.validatorParts;`,
    `const vl${i} = p${i}.validators, vc${i} = p${i}.checks, vo${i} = p${i}.overrides;`,
  );
  const generic = `validatorsFailureOf(vl${i}, c, vc${i}, vo${i})`;
  const list = parts.validators;
  let validators = `(vl${i}.length === 0 ? undefined : ${generic})`;
  if (list.length > 0) {
    // Each validator run here while the list stays (a rule while its `validate` is
    // RuleValidator's); from the first that fails or changed, the rest of the list as
    // validatorsFailureOf runs it, so each runs once, in order.
    const after = (j: number, failure: string) =>
      `validatorsFailureAfter(vl${i}, c, vc${i}, vo${i}, ${j}, ${failure})`;
    // A field's overrides are its own copy, never changed: with none, a rule's failure is its
    // item as it is, and the rest of the list runs here (restN) adding to the items.
    const bare = Object.keys(parts.overrides).length === 0;
    const n = list.length;
    if (bare && n > 1) head.push(restOf(i, list));
    let chain = "undefined";
    for (let j = list.length - 1; j >= 0; j--) {
      const validator = list[j] as Validator;
      const r = `r${i}_${j}`;
      let same = `vl${i}[${j}] === ${r}`;
      let run: string;
      if (validator instanceof RuleValidator) {
        same += ` && ${r}.validate === RULE_VALIDATE`;
        const state = plainRuleState(validator) !== undefined;
        head.push(`const ${r} = vl${i}[${j}], q${i}_${j} = plainRuleState(${r});`);
        const q = `q${i}_${j}`;
        // ruleFailure(q, c) with the check called here (a known function, read once).
        const item = state ? `ruleItem(${q}, x)` : "x";
        const check = state ? `${q}.fn(c, ${q}.params)` : `${r}.failure(c)`;
        const failed = !bare
          ? after(j + 1, item)
          : j === n - 1
            ? `[${item}]`
            : `rest${i}(c, [${item}], ${j + 1})`;
        run = `((x = ${check}) ? ${failed} : ${chain})`;
      } else {
        if (typeof validator !== "function") same += ` && ${r}.validate !== RULE_VALIDATE`;
        head.push(`const ${r} = vl${i}[${j}];`);
        let failed = after(j + 1, "undefined, x");
        if (bare && j === n - 1) failed = `(x.fieldErrors ? ${failed} : x)`;
        run = `((x = raisedBy(${r}, c)) ? ${failed} : ${chain})`;
      }
      chain = `(${same} ? ${run} : ${after(j, "undefined")})`;
    }
    validators = `(vl${i}.length === ${list.length} ? ${chain} : ${generic})`;
  }
  const unlessEmpty = `(e${i}.call(f${i}, c) ? undefined : ${validators})`;
  if (step.required !== undefined) {
    // Field's own `validate`: required and empty (`isEmpty` then serves the validators too).
    const empty = step.required ? `f${i}.error("required")` : "undefined";
    return `(e${i}.call(f${i}, c) ? ${empty} : ${validators})`;
  }
  if (step.validateError) {
    head.push(`const ve${i} = s${i}.validateError;`);
    return `(ve${i}.call(f${i}, c) || ${unlessEmpty})`;
  }
  return `(f${i}.validate(c), ${unlessEmpty})`;
}

/**
 * `restN(c, items, k)` for the `i`th step, a field without overrides: its validators from the
 * `k`th on, after one failed (`items` its items so far), adding their items in order, as
 * `validatorsFailureAfter` does (which takes over from a validator that changed).
 */
function restOf(i: number, list: readonly Validator[]): string {
  const after = (k: number) =>
    `return validatorsFailureAfter(vl${i}, c, vc${i}, vo${i}, ${k}, undefined, undefined, x);`;
  const lines = [`function rest${i}(c, x, k) {`, "let y;", "switch (k) {"];
  for (let k = 1; k < list.length; k++) {
    const validator = list[k] as Validator;
    const r = `r${i}_${k}`;
    const q = `q${i}_${k}`;
    lines.push(`case ${k}:`);
    if (validator instanceof RuleValidator) {
      const check = plainRuleState(validator) ? `${q}.fn(c, ${q}.params)` : `${r}.failure(c)`;
      const item = plainRuleState(validator) ? `ruleItem(${q}, y)` : "y";
      lines.push(
        `if (vl${i}[${k}] !== ${r} || ${r}.validate !== RULE_VALIDATE) ${after(k)}`,
        `if ((y = ${check})) x.push(${item});`,
      );
    } else {
      const rule = typeof validator === "function" ? "" : ` || ${r}.validate === RULE_VALIDATE`;
      lines.push(
        `if (vl${i}[${k}] !== ${r}${rule}) ${after(k)}`,
        `if ((y = raisedBy(${r}, c))) pushRaised(x, y);`,
      );
    }
  }
  lines.push("}", `if (vl${i}.length !== ${list.length}) ${after(list.length)}`, "return x;", "}");
  return lines.join("\n");
}
