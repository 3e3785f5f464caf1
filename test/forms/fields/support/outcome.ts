/**
 * One input, two verdicts: the server field's `clean()` and the same field's JSON Schema run
 * by the browser runtime the generated client uses. Field tests assert both agree.
 */
import { cleanField, type FieldSpec } from "../../../../src/codegen/runtime/field.js";
import type { Field } from "../../../../src/forms/field.js";
import { COERCERS, RULES } from "../../../../src/forms/rules/index.js";
import type { RuleSpec } from "../../../../src/forms/rules/types.js";
import { ValidationError } from "../../../../src/forms/validation-error.js";

export type Outcome = { value: unknown } | { errors: Array<[string, string]> };

export function server(field: Field, input: unknown): Outcome {
  try {
    return { value: field.clean(input) };
  } catch (e) {
    if (e instanceof ValidationError) return { errors: e.errors.map((x) => [x.code, x.message]) };
    throw e;
  }
}

/** A field node's keywords as the `FieldSpec` a generated client passes to `field()`. */
function specOf(node: Record<string, unknown>): FieldSpec {
  const calls = (specs: unknown) =>
    ((specs ?? []) as RuleSpec[]).map(
      (r) =>
        [
          RULES[r.rule] as NonNullable<(typeof RULES)[string]>,
          r.code,
          r.message,
          r.params,
        ] as const,
    );
  const coerce = node["x-mizan-coerce"] as { kind: string; params: never } | undefined;
  const spec: FieldSpec = {
    required: node["x-mizan-required"] as boolean,
    falsy: node["x-mizan-required-kind"] === "falsy",
    messages: node.errorMessage as Record<string, string>,
    validate: calls(node["x-mizan-validate"]),
    rules: calls(node["x-mizan-rules"]),
    steps: ((node["x-mizan-steps"] ?? []) as Array<Record<string, unknown>>).map(specOf),
  };
  if (coerce)
    spec.coerce = [COERCERS[coerce.kind] as NonNullable<(typeof COERCERS)[string]>, coerce.params];
  return spec;
}

/** The same input through the field's JSON Schema, as a generated client runs it. */
export function browser(field: Field, input: unknown): Outcome {
  const spec = specOf(field.jsonSchema());
  const ctx: Parameters<typeof cleanField>[2] = { issues: [] };
  const result = cleanField(spec, input, ctx);
  if (result) return { value: result.value };
  return { errors: ctx.issues.map((i) => [String(i.params?.code), i.message]) };
}

/** The same verdicts with errors as `{ code, message }` objects (the text-field tests' shape). */
export type ItemOutcome = { value: unknown } | { errors: Array<{ code: string; message: string }> };

function asItems(outcome: Outcome): ItemOutcome {
  if (!("errors" in outcome)) return outcome;
  return { errors: outcome.errors.map(([code, message]) => ({ code, message })) };
}

export const serverItems = (field: Field, input: unknown): ItemOutcome =>
  asItems(server(field, input));

export const browserItems = (field: Field, input: unknown): ItemOutcome =>
  asItems(browser(field, input));
