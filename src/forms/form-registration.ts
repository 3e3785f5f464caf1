import { z } from "zod";
import { type RequestContext, setResponseHeader } from "../core/context.js";
import { refusal, type ValidationDetails } from "../core/errors.js";
import { isPlainObject } from "../core/is-plain-object.js";
import type { Registry } from "../core/registry.js";
import { ServerFunction } from "../core/server-function.js";
import {
  BaseForm,
  bindForm,
  cleanVerdict,
  type FormOptions,
  fullCleanOf,
  type SubmittableForm,
} from "./base-form.js";
import { fileLimitAt } from "./file-limit.js";
import type { FormMeta } from "./form-meta.js";
import {
  type FormSchema,
  formDescriptor,
  formJsonSchema,
  formSchema,
  formVersion,
} from "./form-schema.js";
import { hasKeys, isThenable } from "./form-types.js";
import { ValidationError } from "./validation-error.js";

type FormCtor = (new (options?: FormOptions) => BaseForm) & { meta?: FormMeta | undefined };

/** The result of `<name>.validate`. */
export interface ValidateResult {
  valid: boolean;
  errors: ValidationDetails;
  /** True when the caller's `version` differs from the server's (the server's rules applied). */
  stale: boolean;
}

const dataSchema = z.record(z.string(), z.unknown());
const validateInput = z.object({
  data: dataSchema.default({}),
  fields: z.array(z.string()).max(1000).optional(),
  version: z.string().max(200).optional(),
});
const submitInput = z.object({
  data: dataSchema.default({}),
  version: z.string().max(200).optional(),
});

/**
 * What `validateInput` (`withFields`) or `submitInput` returns for args it would accept as
 * they are: a plain `data` object is passed on, not walked and copied key by key. Anything
 * else is left to Zod (undefined), which also words the error.
 */
function acceptFormArgs(raw: unknown, withFields: boolean) {
  if (!isPlainObject(raw)) return undefined;
  const { data, fields, version } = raw;
  if (data !== undefined && !isPlainObject(data)) return undefined;
  if (version !== undefined && (typeof version !== "string" || version.length > 200)) {
    return undefined;
  }
  const args: { data: Record<string, unknown>; fields?: string[]; version?: string } = {
    data: (data as Record<string, unknown> | undefined) ?? {},
  };
  if (version !== undefined) args.version = version;
  if (withFields && fields !== undefined) {
    if (!Array.isArray(fields) || fields.length > 1000) return undefined;
    if (!fields.every((name) => typeof name === "string")) return undefined;
    args.fields = fields as string[];
  }
  return args;
}

function bindWith(
  form: FormCtor,
  ctx: RequestContext,
  data: Record<string, unknown>,
  initial: FormOptions["initial"] | undefined,
): BaseForm {
  const options: FormOptions = { data, ctx };
  if (initial) options.initial = initial;
  return bindForm(form, options);
}

type InitialFn = Extract<NonNullable<FormMeta["initial"]>, (...args: never[]) => unknown>;

/** The bound form of a request whose `meta.initial` is a function, once its values are in. */
async function bindLater(
  form: FormCtor,
  ctx: RequestContext,
  data: Record<string, unknown>,
  initial: InitialFn,
): Promise<BaseForm> {
  return bindWith(form, ctx, data, await initial(ctx));
}

/** Sets the version header to the server's version; true when the caller's differs (stale). */
function markVersion(ctx: RequestContext, current: string, version: string | undefined): boolean {
  setResponseHeader(ctx, "X-Mizan-Form-Version", current);
  return version !== undefined && version !== current;
}

/** A bound form's `validate` result, once it is cleaned (only `fields`, when given). */
function validated(
  form: BaseForm,
  fields: readonly string[] | undefined,
  stale: boolean,
): ValidateResult | Promise<ValidateResult> {
  const cleaning = fullCleanOf(form, fields);
  if (cleaning) return cleaning.then(() => validateResult(form, stale));
  return validateResult(form, stale);
}

function validateResult(form: BaseForm, stale: boolean): ValidateResult {
  const errors = form.errorDetails();
  const valid = !hasKeys(errors.fields) && errors.non_field.length === 0;
  return { valid, errors, stale };
}

const IS_VALID = BaseForm.prototype.isValid;

/** `await form.isValid()`, then the submit handler's result (see `handled`). */
function submitted(form: BaseForm, ctx: RequestContext): unknown {
  if (form.isValid !== IS_VALID) return form.isValid().then((valid) => handled(form, ctx, valid));
  // BaseForm's own isValid on a form just bound (not cleaned yet), without its awaits.
  const cleaning = fullCleanOf(form, undefined);
  if (cleaning) return cleaning.then(() => handled(form, ctx, cleanVerdict(form)));
  return handled(form, ctx, cleanVerdict(form));
}

/** A valid form's `onSubmitSuccess` result (null for none), or the 422 of an invalid one. */
function handled(form: BaseForm, ctx: RequestContext, valid: boolean): unknown {
  if (!valid) return rejectLater(refusal("VALIDATION_FAILED", undefined, form.errorDetails()));
  const handler = (form as Partial<SubmittableForm>).onSubmitSuccess;
  if (typeof handler !== "function") return null;
  let result: unknown;
  try {
    result = handler.call(form, ctx, form.cleanedData);
  } catch (error) {
    return rejectLater(refusedBy(form, error));
  }
  if (isThenable(result)) {
    return Promise.resolve(result).then(orNull, (error: unknown) => {
      throw refusedBy(form, error);
    });
  }
  return orNull(result);
}

/**
 * A promise rejected with `error` once the caller has had a chance to handle it: a promise
 * already rejected when it is handed back goes through the runtime's unhandled-rejection
 * bookkeeping, which costs more than the refusal itself.
 */
function rejectLater(error: unknown): Promise<never> {
  // Rejected by its function in a microtask, not by a throw: V8 works out where a throw
  // happened (a message object), which costs more than the refusal itself.
  return new Promise((_resolve, reject) => {
    queueMicrotask(() => reject(error));
  });
}

const orNull = (result: unknown) => (result === undefined ? null : result);

/**
 * What a throw of the submit handler becomes: as in Django, a ValidationError raised while
 * handling a valid form is a form error (a 422); anything else stays as it is.
 */
function refusedBy(form: BaseForm, error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  form.addError(null, error);
  return refusal("VALIDATION_FAILED", undefined, form.errorDetails());
}

class FormSchemaFunction extends ServerFunction<unknown, FormSchema> {
  constructor(readonly form: FormCtor) {
    super();
  }
  handle(ctx: RequestContext): Promise<FormSchema> {
    return formSchema(this.form, ctx);
  }
}

/**
 * What `<name>.validate` and `<name>.submit` share: their form, its version (computed on the
 * first call, not at registration, then fixed) and the upload limits of its fields.
 */
abstract class FormCallFunction<I, O> extends ServerFunction<I, O> {
  #version: string | undefined = undefined;
  constructor(readonly form: FormCtor) {
    super();
  }
  /** Sets the version header; true when the caller's `version` differs (stale). */
  protected markVersion(ctx: RequestContext, version: string | undefined): boolean {
    this.#version ??= formVersion(this.form);
    return markVersion(ctx, this.#version, version);
  }
  /** The upload limit at an args path (`data.avatar`): the HTTP handler caps the stream there. */
  fileLimit(path: string): number | undefined {
    return path.startsWith("data.") ? fileLimitAt(this.form, path.slice(5)) : undefined;
  }
}

class FormValidateFunction extends FormCallFunction<
  z.output<typeof validateInput>,
  ValidateResult
> {
  constructor(form: FormCtor) {
    super(form);
    this.input = validateInput;
  }
  protected override acceptArgs(raw: unknown) {
    return acceptFormArgs(raw, true);
  }
  handle(
    ctx: RequestContext,
    args: z.output<typeof validateInput>,
  ): ValidateResult | Promise<ValidateResult> {
    // No async layer of its own: a promise only when the initial values or cleaning need one.
    const stale = this.markVersion(ctx, args.version);
    // The initial values decide whether binding waits (no `instanceof Promise` per call).
    const initial = this.form.meta?.initial;
    if (typeof initial === "function") {
      return bindLater(this.form, ctx, args.data, initial).then((form) =>
        validated(form, args.fields, stale),
      );
    }
    return validated(bindWith(this.form, ctx, args.data, initial), args.fields, stale);
  }
}

class FormSubmitFunction extends FormCallFunction<z.output<typeof submitInput>, unknown> {
  constructor(form: FormCtor) {
    super(form);
    this.input = submitInput;
  }
  protected override acceptArgs(raw: unknown) {
    return acceptFormArgs(raw, false);
  }
  handle(ctx: RequestContext, args: z.output<typeof submitInput>): unknown {
    // No async layer of its own: a promise only when something on the way returns one.
    this.markVersion(ctx, args.version);
    const initial = this.form.meta?.initial;
    if (typeof initial === "function") {
      return bindLater(this.form, ctx, args.data, initial).then((form) => submitted(form, ctx));
    }
    return submitted(bindWith(this.form, ctx, args.data, initial), ctx);
  }
}

/** Register a form class's three functions and its manifest entry. */
export function registerForm(registry: Registry, form: FormCtor, name?: string): void {
  const formName = name ?? form.meta?.name;
  if (!formName) {
    throw new TypeError(
      `${form.name} has no name: add \`static override meta = formMeta({ name: "..." })\`.`,
    );
  }
  const submit = new FormSubmitFunction(form);
  // Only a submit changes anything: it alone carries the form's declared invalidations.
  submit.invalidates = form.meta?.invalidates;
  const fns: Array<[string, ServerFunction]> = [
    ["schema", new FormSchemaFunction(form)],
    ["validate", new FormValidateFunction(form)],
    ["submit", submit],
  ];
  for (const [kind, fn] of fns) {
    fn.auth = form.meta?.auth;
    fn.meta = { form: formName, kind };
    fn.description = `${kind} of the ${formName} form`;
  }
  registry.registerForm(formName, () => {
    // The manifest shows static data only; per-request initial values come from `.schema`.
    return {
      ...formDescriptor(form),
      version: formVersion(form),
      json_schema: formJsonSchema(form),
    };
  });
  for (const [kind, fn] of fns) registry.register(fn, `${formName}.${kind}`);
}
