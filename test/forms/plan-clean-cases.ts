// Forms that share their class's fields (bindForm, as the registry binds them) and clean them
// with the plan's own cleaner: each case is checked against an ordinary `new` instance of the
// same class on the same data (plan-clean.test.ts with generated code, plan-clean-noeval.test.ts
// without).
import { expect, vi } from "vitest";
import { createContext } from "../../src/core/context.js";
import { bindForm } from "../../src/forms/base-form.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form, type FormOptions } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";
import { RuleValidator } from "../../src/forms/validators/validator.js";

type AnyForm = Form & Record<string, unknown>;

/** The outcome of one form: validity, wire errors, cleaned data, and the hooks' log. */
async function outcome(form: AnyForm, log: string[]) {
  const valid = await form.isValid();
  return { valid, errors: form.errorDetails(), cleaned: { ...form.cleanedData }, log: [...log] };
}

/** Cleans `data` with a bound instance and with `new`, after `prepare` on each; both the same. */
export async function sameAsNew(
  cls: new (options?: FormOptions) => Form,
  data: Record<string, unknown>,
  expected: { valid: boolean; cleaned?: Record<string, unknown>; log?: string[] },
  prepare: (form: AnyForm) => void = () => {},
) {
  const results = [];
  for (const make of [bindForm, (c: typeof cls, o: FormOptions) => new c(o)]) {
    log.length = 0;
    const form = make(cls, { data, ctx: createContext() }) as AnyForm;
    prepare(form);
    results.push(await outcome(form, log));
  }
  const [bound, fresh] = results;
  expect(bound).toEqual(fresh);
  expect(bound?.valid).toBe(expected.valid);
  if (expected.cleaned) expect(bound?.cleaned).toEqual(expected.cleaned);
  if (expected.log) expect(bound?.log).toEqual(expected.log);
  return bound;
}

export const log: string[] = [];

export class PlainForm extends Form<PlainForm> {
  static override meta = formMeta({ name: "plan_plain" });
  name = new CharField({ maxLength: 5 });
  age = new IntegerField({ required: false, minValue: 1 });
  nick = new CharField({ required: false });
}

export class HookForm extends Form<HookForm> {
  static override meta = formMeta({ name: "plan_hooks" });
  first = new CharField();
  second = new CharField({ required: false });
  third = new IntegerField({ required: false });

  cleanFirst(value: string) {
    log.push(`cleanFirst:${value}`);
    if (value === "add-hook") {
      // An own hook for a later field, added while the form is cleaning.
      (this as AnyForm).cleanThird = (v: number) => {
        log.push(`ownThird:${v}`);
        return v * 2;
      };
    }
    if (value === "own-fields") {
      // The instance takes its own fields: the rest are cleaned with those.
      (this.fields.get("second") as { required: boolean }).required = true;
    }
    if (value === "bad") throw new ValidationError("Bad.", { code: "bad" });
    return value.toUpperCase();
  }
}

export class PrefixForm extends Form<PrefixForm> {
  static override meta = formMeta({ name: "plan_prefix", prefix: "p" });
  name = new CharField();
}

export class OwnPrefixForm extends Form<OwnPrefixForm> {
  static override meta = formMeta({ name: "plan_own_prefix" });
  name = new CharField();

  override addPrefix(fieldName: string): string {
    return `x_${fieldName}`;
  }
}

export class DisabledForm extends Form<DisabledForm> {
  static override meta = formMeta({ name: "plan_disabled" });
  tier = new CharField({ disabled: true, initial: "free" });
  name = new CharField();
}

/** Shared rule validators (module constants a user may spy on), counting their checks. */
export const ruleCalls: string[] = [];
const noDigits = new RuleValidator(
  "no_digits",
  (value) => {
    ruleCalls.push(`noDigits:${value}`);
    return /\d/.test(String(value)) ? { digits: true } : null;
  },
  { code: "no_digits", message: "No digits.", messageKey: "test.no_digits" },
);
const notBad = new RuleValidator(
  "not_bad",
  (value) => {
    ruleCalls.push(`notBad:${value}`);
    return String(value).includes("bad") ? { bad: true } : null;
  },
  { code: "not_bad", message: "Not bad.", messageKey: "test.not_bad" },
);

/** A plain function validator and an object one (not rules), around a rule. */
function noFn(value: unknown) {
  ruleCalls.push(`noFn:${value}`);
  if (String(value).includes("fn")) throw new ValidationError("No fn.", { code: "no_fn" });
  if (String(value).includes("boom")) throw new TypeError("boom");
}
const noObj = {
  validate(value: unknown) {
    ruleCalls.push(`noObj:${value}`);
    if (String(value).includes("obj")) {
      throw new ValidationError([
        new ValidationError("No obj.", { code: "no_obj" }),
        new ValidationError("Really.", { code: "really" }),
      ]);
    }
  },
};

export class RulesForm extends Form<RulesForm> {
  static override meta = formMeta({ name: "plan_rules" });
  word = new CharField({ validators: [noDigits, notBad] });
  other = new CharField({ required: false, validators: [notBad] });
  mixed = new CharField({
    required: false,
    validators: [noFn, notBad, noObj],
    errorMessages: { not_bad: "Overridden." },
  });
}

/** Fields without `errorMessages` (their failures taken without the field's overrides). */
const raisedLast: ValidationError[] = [];
function dictFn(value: unknown) {
  if (String(value).includes("dict")) throw new ValidationError({ x: "In a dict." });
}
export class LastForm extends Form<LastForm> {
  static override meta = formMeta({ name: "plan_last" });
  rule = new CharField({ required: false, validators: [noDigits, notBad] });
  fn = new IntegerField({
    required: false,
    validators: [
      (value: unknown) => {
        if (value === 5) {
          raisedLast.push(new ValidationError("No %(v)s.", { code: "no_5", params: { v: 5 } }));
          throw raisedLast[raisedLast.length - 1];
        }
      },
    ],
  });
  dict = new IntegerField({ required: false, validators: [(v: unknown) => dictFn(`${v}dict`)] });
  mixed = new CharField({ required: false, validators: [notBad, noObj, dictFn] });
}

/**
 * A form of 90 fields (its cleaner is generated in several functions), declared as written
 * (native class fields, no compiler constructor); field 45's hook makes field 50 required.
 */
export const BigForm = new Function(
  "Form",
  "CharField",
  "formMeta",
  `return class BigForm extends Form {
    static meta = formMeta({ name: "plan_big" });
    ${Array.from({ length: 90 }, (_, i) => `f${i} = new CharField({ required: ${i % 3 === 0}, maxLength: 5 });`).join("\n")}
    cleanF45(value) {
      if (value === "req") this.fields.get("f50").required = true;
      return value;
    }
  }`,
)(Form, CharField, formMeta) as new (
  options?: FormOptions,
) => Form;

/** Every case, run by both test files. */
export const cases: Array<[string, () => Promise<unknown>]> = [
  [
    "valid and invalid data, in order",
    async () => {
      await sameAsNew(
        PlainForm,
        { name: "ada", age: "3" },
        {
          valid: true,
          cleaned: { name: "ada", age: 3, nick: "" },
        },
      );
      await sameAsNew(PlainForm, { name: "adalovelace", age: "0" }, { valid: false });
    },
  ],
  [
    "a key inherited by the data reads as missing",
    async () => {
      await sameAsNew(PlainForm, Object.create({ name: "inherited" }), { valid: false });
      const nullProto = Object.assign(Object.create(null), { name: "ada" });
      await sameAsNew(PlainForm, nullProto, {
        valid: true,
        cleaned: { name: "ada", age: null, nick: "" },
      });
      // Polluted: a `new` form would refuse the field name, so only the bound one is checked.
      const bound = bindForm(PlainForm, { data: { name: "ada" }, ctx: createContext() });
      const proto = Object.prototype as Record<string, unknown>;
      proto.nick = "polluted";
      try {
        await bound.isValid();
      } finally {
        delete proto.nick;
      }
      expect(bound.errorDetails().fields).toEqual({});
      expect(bound.cleanedData).toEqual({ name: "ada", age: null, nick: "" });
    },
  ],
  [
    "hooks, an own hook added on the instance before and during cleaning",
    async () => {
      await sameAsNew(
        HookForm,
        { first: "a", third: "2" },
        {
          valid: true,
          cleaned: { first: "A", second: "", third: 2 },
          log: ["cleanFirst:a"],
        },
      );
      await sameAsNew(
        HookForm,
        { first: "add-hook", third: "2" },
        {
          valid: true,
          cleaned: { first: "ADD-HOOK", second: "", third: 4 },
          log: ["cleanFirst:add-hook", "ownThird:2"],
        },
      );
      await sameAsNew(
        HookForm,
        { first: "a", second: "b" },
        { valid: true, cleaned: { first: "A", second: "B!", third: null } },
        (form) => {
          form.cleanSecond = (v: string) => `${v.toUpperCase()}!`;
        },
      );
      await sameAsNew(HookForm, { first: "bad", third: "x" }, { valid: false });
    },
  ],
  [
    "an instance that takes its own fields mid-run, or has a field replaced",
    async () => {
      await sameAsNew(HookForm, { first: "own-fields" }, { valid: false });
      await sameAsNew(HookForm, { first: "a" }, { valid: true });
      await sameAsNew(HookForm, { first: "a", second: "long" }, { valid: false }, (form) => {
        form.second = new CharField({ maxLength: 1 });
      });
    },
  ],
  [
    "rule validators: each run once, in order, and a later validate or spy is called",
    async () => {
      ruleCalls.length = 0;
      await sameAsNew(
        RulesForm,
        { word: "ok" },
        { valid: true, cleaned: { word: "ok", other: "", mixed: "" } },
      );
      expect(ruleCalls).toEqual(["noDigits:ok", "notBad:ok", "noDigits:ok", "notBad:ok"]);
      ruleCalls.length = 0;
      const bad = await sameAsNew(RulesForm, { word: "bad1", other: "x" }, { valid: false });
      expect(bad?.errors.fields).toEqual({
        word: [
          { code: "no_digits", message: "No digits." },
          { code: "not_bad", message: "Not bad." },
        ],
      });
      expect(ruleCalls).toEqual([
        "noDigits:bad1",
        "notBad:bad1",
        "notBad:x",
        "noDigits:bad1",
        "notBad:bad1",
        "notBad:x",
      ]);
      const spy = vi.spyOn(notBad, "validate").mockImplementation(() => {
        throw new ValidationError("Spied.", { code: "spied" });
      });
      try {
        const spied = await sameAsNew(RulesForm, { word: "ok" }, { valid: false });
        expect(spied?.errors.fields).toEqual({ word: [{ code: "spied", message: "Spied." }] });
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
      (noDigits as { validate: unknown }).validate = () => {
        throw new ValidationError("Own.", { code: "own" });
      };
      try {
        const own = await sameAsNew(RulesForm, { word: "ok" }, { valid: false });
        expect(own?.errors.fields).toEqual({ word: [{ code: "own", message: "Own." }] });
      } finally {
        delete (noDigits as { validate?: unknown }).validate;
      }
      await sameAsNew(RulesForm, { word: "ok" }, { valid: true });
    },
  ],
  [
    "function and object validators among rules: once each, in order, errors as raised",
    async () => {
      const fieldsOf = async (mixed: string) => {
        ruleCalls.length = 0;
        const result = await sameAsNew(RulesForm, { word: "ok", mixed }, { valid: mixed === "x" });
        const calls = ruleCalls.slice(ruleCalls.length / 2).filter((c) => !c.includes(":ok"));
        return { fields: result?.errors.fields, calls };
      };
      expect(await fieldsOf("x")).toEqual({
        fields: {},
        calls: ["noFn:x", "notBad:x", "noObj:x"],
      });
      expect(await fieldsOf("fn")).toEqual({
        fields: { mixed: [{ code: "no_fn", message: "No fn." }] },
        calls: ["noFn:fn", "notBad:fn", "noObj:fn"],
      });
      expect(await fieldsOf("fn-bad-obj")).toEqual({
        fields: {
          mixed: [
            { code: "no_fn", message: "No fn." },
            { code: "not_bad", message: "Overridden." },
            { code: "no_obj", message: "No obj." },
            { code: "really", message: "Really." },
          ],
        },
        calls: ["noFn:fn-bad-obj", "notBad:fn-bad-obj", "noObj:fn-bad-obj"],
      });
      expect(await fieldsOf("obj")).toEqual({
        fields: {
          mixed: [
            { code: "no_obj", message: "No obj." },
            { code: "really", message: "Really." },
          ],
        },
        calls: ["noFn:obj", "notBad:obj", "noObj:obj"],
      });
      for (const make of [bindForm, (c: typeof RulesForm, o: FormOptions) => new c(o)]) {
        const form = make(RulesForm, { data: { word: "ok", mixed: "boom" }, ctx: createContext() });
        await expect(form.isValid()).rejects.toThrow("boom");
      }
    },
  ],
  [
    "a form of many fields",
    async () => {
      const data: Record<string, unknown> = {};
      for (let i = 0; i < 90; i += 3) data[`f${i}`] = `v${i}`;
      const all = await sameAsNew(BigForm, data, { valid: true });
      expect(Object.keys(all?.cleaned ?? {})).toHaveLength(90);
      await sameAsNew(BigForm, { ...data, f3: "", f7: "toolong", f89: "x" }, { valid: false });
      await sameAsNew(BigForm, { ...data, f45: "req" }, { valid: false });
      await sameAsNew(BigForm, { ...data, f45: "req", f50: "ok" }, { valid: true });
    },
  ],
  [
    "fields without overrides: the same items in order, a lone raised error itself",
    async () => {
      const given: unknown[] = [];
      const capture = (form: AnyForm) => {
        const addError = form.addError.bind(form);
        form.addError = (field, error) => {
          given.push(error);
          addError(field, error);
        };
      };
      raisedLast.length = 0;
      const data = { rule: "bad1", fn: "5", dict: "6", mixed: "bad-obj-dict" };
      const bad = await sameAsNew(LastForm, data, { valid: false }, capture);
      expect(bad?.errors.fields).toEqual({
        rule: [
          { code: "no_digits", message: "No digits." },
          { code: "not_bad", message: "Not bad." },
        ],
        fn: [{ code: "no_5", message: "No 5." }],
        dict: [{ code: "invalid", message: "In a dict." }],
        mixed: [
          { code: "not_bad", message: "Not bad." },
          { code: "no_obj", message: "No obj." },
          { code: "really", message: "Really." },
          { code: "invalid", message: "In a dict." },
        ],
      });
      expect(given[1]).toBe(raisedLast[0]);
      expect(given[5]).toBe(raisedLast[1]);
      await sameAsNew(LastForm, { rule: "bad", mixed: "obj" }, { valid: false });
      await sameAsNew(LastForm, { rule: "1", mixed: "bad" }, { valid: false });
    },
  ],
  [
    "prefixes, a subclass's addPrefix, disabled fields",
    async () => {
      await sameAsNew(PrefixForm, { "p-name": "ada" }, { valid: true, cleaned: { name: "ada" } });
      await sameAsNew(PrefixForm, { name: "ada" }, { valid: false });
      await sameAsNew(OwnPrefixForm, { x_name: "ada" }, { valid: true, cleaned: { name: "ada" } });
      await sameAsNew(
        DisabledForm,
        { tier: "gold", name: "ada" },
        { valid: true, cleaned: { tier: "free", name: "ada" } },
      );
    },
  ],
];
