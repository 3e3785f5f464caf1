import { NEVER, safeParse, transform, type ZodMiniTransform } from "zod/mini";
import type { $ZodType, input, output } from "zod/v4/core";
import { isSubformData } from "../../core/is-plain-object.js";
import { isEmptyValue } from "../../forms/field-parts.js";
import { generatedText } from "./message-text.js";

/** A nested form node's `x-mizan-required` and `errorMessage` (FormField). */
export interface SubformSpec<TRequired extends boolean = boolean> {
  required?: TRequired;
  messages?: Readonly<Record<string, string>>;
  /** The locale key of each default message (`--languages`). */
  keys?: Readonly<Record<string, string>>;
}

/** A FormSet node's `x-mizan-required`, `x-mizan-min-num` / `x-mizan-max-num` and messages. */
export interface FormSetSpec {
  required?: boolean;
  min?: number;
  max?: number;
  /** Count messages arrive formatted (the server fills `%(num)d` and picks the plural). */
  messages?: Readonly<Record<string, string>>;
  /** The locale key of each default message (`--languages`); counts fill `%(num)d`. */
  keys?: Readonly<Record<string, string>>;
}

type Issue = {
  code: "custom";
  message: string;
  input: unknown;
  path?: PropertyKey[];
  params?: Record<string, unknown>;
};
interface IssueSink {
  issues: Issue[];
}

function report(
  ctx: IssueSink,
  input: unknown,
  code: string,
  spec: SubformSpec | FormSetSpec,
  num?: number,
): void {
  const message = generatedText(
    spec.keys?.[code],
    spec.messages?.[code] ?? code,
    num === undefined ? {} : { num },
  );
  ctx.issues.push({ code: "custom", message, input, params: { code } });
}

/** Parse with a sub-schema, copying its issues under `prefix`. */
function parseInto(
  schema: $ZodType,
  value: unknown,
  prefix: PropertyKey[],
  ctx: IssueSink,
): unknown {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.issues.push({ ...(issue as unknown as Issue), path: [...prefix, ...issue.path] });
  }
  return undefined;
}

/**
 * A nested form (FormField), as the server cleans it: an empty value is `required` (or
 * `null`), anything but an object is `invalid`, an object is cleaned by `form` with its
 * issues at nested paths (`address.city`).
 *
 * @example
 * address: subform(z.object({ city: field<string, string>({ required: true }) }), { required: true }),
 */
export function subform<T extends $ZodType, TRequired extends boolean = false>(
  form: T,
  spec: SubformSpec<TRequired>,
): ZodMiniTransform<TRequired extends true ? output<T> : output<T> | null, input<T>> {
  type Out = TRequired extends true ? output<T> : output<T> | null;
  return transform((input: input<T>, payload) => {
    const ctx = payload as unknown as IssueSink;
    if (isEmptyValue(input)) {
      if (!spec.required) return null as Out;
      report(ctx, input, "required", spec);
      return NEVER;
    }
    if (!isSubformData(input)) {
      report(ctx, input, "invalid", spec);
      return NEVER;
    }
    const before = ctx.issues.length;
    const out = parseInto(form, input, [], ctx);
    return ctx.issues.length > before ? NEVER : (out as Out);
  });
}

/**
 * A formset (FormSet), as the server cleans it: a list of objects, each cleaned by `form`
 * (issues at `items.0.qty`), then the count checked, `too_many_forms` before `too_few_forms`,
 * reported on the formset itself.
 *
 * @example
 * items: formset(lineItemSchema, { min: 1, max: 5, messages }),
 */
export function formset<T extends $ZodType>(
  form: T,
  spec: FormSetSpec,
): ZodMiniTransform<Array<output<T>>, Array<input<T>>> {
  return transform((input: Array<input<T>>, payload) => {
    const ctx = payload as unknown as IssueSink;
    const items: unknown = input ?? [];
    if (!Array.isArray(items) || !items.every(isSubformData)) {
      report(ctx, input, "invalid", spec);
      return NEVER;
    }
    if (spec.required && items.length === 0) {
      report(ctx, input, "required", spec);
      return NEVER;
    }
    const before = ctx.issues.length;
    const out = items.map((item, index) => parseInto(form, item, [index], ctx));
    if (spec.max !== undefined && items.length > spec.max) {
      report(ctx, input, "too_many_forms", spec, spec.max);
    } else if (spec.min !== undefined && items.length < spec.min) {
      report(ctx, input, "too_few_forms", spec, spec.min);
    }
    return ctx.issues.length > before ? NEVER : (out as Array<output<T>>);
  });
}
