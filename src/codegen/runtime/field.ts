import { NEVER, transform, type ZodMiniTransform } from "zod/mini";
import { isEmptyValue } from "../../forms/field-parts.js";
import type { CoerceFn, RuleFn, RuleParams } from "../../forms/rules/types.js";
import { generatedText } from "./message-text.js";

/**
 * One `RuleSpec` as generated code passes it: the shared function, code, template, params,
 * and (in a client generated with `--languages`) the message's locale key.
 */
export type RuleCall =
  | readonly [fn: RuleFn, code: string, message: string, params: RuleParams]
  | readonly [
      fn: RuleFn,
      code: string,
      message: string,
      params: RuleParams,
      key: string | undefined,
      /** Params that are words to translate: param → locale key. */
      paramKeys?: Readonly<Record<string, string>>,
    ];

/** A field node's `x-mizan-*` keywords, with the shared functions in place of their names. */
export interface FieldSpec {
  /** `x-mizan-coerce`: the shared `to_python` and its params. */
  coerce?: readonly [fn: CoerceFn, params: RuleParams];
  /** `x-mizan-required`. */
  required?: boolean;
  /** `x-mizan-required-kind: "falsy"` (BooleanField: Python's `not value`). */
  falsy?: boolean;
  /** `errorMessage` templates for `required` and the codes a coercer can name. */
  messages?: Readonly<Record<string, string>>;
  /** `x-mizan-message-keys`: the locale key of each default message (with `--languages`). */
  keys?: Readonly<Record<string, string>>;
  /** `x-mizan-validate`: the first failure stops. */
  validate?: readonly RuleCall[];
  /** `x-mizan-rules`: all run, all failures are reported. */
  rules?: readonly RuleCall[];
  /** `x-mizan-steps`: fields cleaned in turn after this one, each given the last's value. */
  steps?: readonly FieldSpec[];
}

/** What a Zod transform context needs to receive an issue. */
interface IssueSink {
  issues: Array<{
    code: "custom";
    message: string;
    input: unknown;
    params?: Record<string, unknown>;
  }>;
}

function report(ctx: IssueSink, input: unknown, code: string, message: string): void {
  ctx.issues.push({ code: "custom", message, input, params: { code } });
}

/** Python's truthiness for what JSON carries (`not value` in Django's BooleanField). */
function isFalsy(value: unknown): boolean {
  return value === false || value === 0 || Number.isNaN(value) || isEmptyValue(value);
}

/** What `clean` returns for a field that failed (its issues are in `ctx`). */
const FAILED = NEVER;

/**
 * Run one field's shared clean pipeline (docs/schema-vocabulary.md): coerce → required →
 * validate (first failure) → stop if empty → rules (all failures), then its `steps` in turn
 * (the first that fails stops, as Django's ComboField). Returns the cleaned value, or
 * `undefined` after reporting issues into `ctx`.
 */
export function cleanField(
  spec: FieldSpec,
  input: unknown,
  ctx: IssueSink,
): { value: unknown } | undefined {
  const value = clean(spec, input, ctx);
  return value === FAILED ? undefined : { value };
}

/** `cleanField` without a wrapper per value: the cleaned value, or FAILED. */
function clean(spec: FieldSpec, input: unknown, ctx: IssueSink): unknown {
  let value = cleanOne(spec, input, ctx);
  for (const step of spec.steps ?? []) {
    if (value === FAILED) break;
    value = clean(step, value, ctx);
  }
  return value;
}

function cleanOne(spec: FieldSpec, input: unknown, ctx: IssueSink): unknown {
  let value = input;
  if (spec.coerce) {
    const result = spec.coerce[0](input, spec.coerce[1]);
    if (!result.ok) {
      const { code } = result;
      report(
        ctx,
        input,
        code,
        generatedText(spec.keys?.[code], spec.messages?.[code] ?? code, result.params ?? {}),
      );
      return FAILED;
    }
    value = result.value;
  }
  const empty = isEmptyValue(value);
  if (spec.required && (spec.falsy ? isFalsy(value) : empty)) {
    report(
      ctx,
      input,
      "required",
      generatedText(spec.keys?.required, spec.messages?.required ?? "required", {}),
    );
    return FAILED;
  }
  for (const [fn, code, message, params, key, words] of spec.validate ?? []) {
    const failure = fn(value, params);
    if (failure) {
      report(ctx, input, code, generatedText(key, message, { ...params, ...failure }, words));
      return FAILED;
    }
  }
  if (empty) return value;
  let failed = false;
  for (const [fn, code, message, params, key, words] of spec.rules ?? []) {
    const failure = fn(value, params);
    if (failure) {
      report(ctx, input, code, generatedText(key, message, { ...params, ...failure }, words));
      failed = true;
    }
  }
  return failed ? FAILED : value;
}

/**
 * A form field as a Zod schema running the server's own shared coercer and rules, with the
 * server's exact messages. `TOut` is the cleaned type, `TIn` what the input holds. Issues carry
 * Django's error code in `params.code`.
 *
 * @example
 * const name = field<string, string>({
 *   coerce: [coerceStr, { strip: true, empty: "" }],
 *   required: true,
 *   messages: { required: "This field is required." },
 *   rules: [[maxLength, "max_length", "Ensure this value has at most 3 characters (it has %(show_value)d).", { limit_value: 3 }]],
 * });
 */
export function field<TOut, TIn>(spec: FieldSpec): ZodMiniTransform<TOut, TIn> {
  // A failure returns NEVER itself, which is what Zod expects of a failed transform.
  return transform((input: TIn, ctx) => clean(spec, input, ctx as unknown as IssueSink) as TOut);
}
