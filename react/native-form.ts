import {
  type FieldErrors,
  type FieldValues,
  type Path,
  set,
  type UseFormReturn,
} from "react-hook-form";
import type { ValidationDetails } from "../src/core/errors.js";
import { isRecord } from "../src/core/is-plain-object.js";
import { formDefaults } from "./default-values.js";
import { serverErrorOption } from "./error-messages.js";
import { errorTarget } from "./field-paths.js";
import { type FormDescriptor, subFormOf } from "./meta.js";

export { CSRF_FIELD_NAME } from "../src/forms/native-names.js";

/**
 * What a failed native post left to show: the values the user sent (nested as the wire
 * carries them: `{ address: { street }, items: [{ qty }] }`) and Django's messages, as
 * `handleFormPost` in `mizan/server` returns them for an invalid form.
 */
export interface MizanFormInitialState {
  values?: Record<string, unknown> | undefined;
  errors?: Partial<ValidationDetails> | undefined;
}

/** Whether a form (or a nested form or formset in it) has a file field: it posts multipart. */
export function hasFileFields(form: FormDescriptor): boolean {
  return form.field_order.some((name) => {
    const field = form.fields[name];
    if (!field) return false;
    if (field.widget.needs_multipart_form) return true;
    const sub = subFormOf(field);
    return sub ? hasFileFields(sub) : false;
  });
}

/** `{base}/form/<name>/`: the handler's endpoint for a native post of the form. */
export function nativeFormAction(baseUrl: string | undefined, name: string): string | undefined {
  if (baseUrl === undefined || !name) return undefined;
  return `${baseUrl.replace(/\/+$/, "")}/form/${encodeURIComponent(name)}/`;
}

/** The `csrftoken` cookie of this page, read synchronously; undefined without a `document`. */
export function csrfCookie(name = "csrftoken"): string | undefined {
  const cookies = (globalThis as { document?: { cookie?: string } }).document?.cookie;
  if (!cookies) return undefined;
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/**
 * `values` without what a password input held: as Django's PasswordInput (`render_value`
 * false), a page shown again never writes a password back into its HTML.
 */
function withoutPasswords(form: FormDescriptor, values: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...values };
  for (const name of form.field_order) {
    const field = form.fields[name];
    if (!field || !Object.hasOwn(out, name)) continue;
    const sub = subFormOf(field);
    const value = out[name];
    if (field.widget.input_type === "password") delete out[name];
    else if (sub && Array.isArray(value))
      out[name] = value.map((row) => (isRecord(row) ? withoutPasswords(sub, row) : row));
    else if (sub && isRecord(value)) out[name] = withoutPasswords(sub, value);
  }
  return out;
}

/** The state's values over the form's defaults (passwords left out), or undefined. */
export function initialStateValues(
  meta: FormDescriptor | undefined,
  state: MizanFormInitialState | undefined,
): Record<string, unknown> | undefined {
  if (!state || !isRecord(state.values)) return undefined;
  return meta ? formDefaults(meta, withoutPasswords(meta, state.values)) : state.values;
}

/**
 * The state's messages as react-hook-form's error tree (its `errors` option), placed as the
 * hook's own 422 handling places them (see `applyInitialState`).
 */
export function initialStateErrors(
  values: unknown,
  state: MizanFormInitialState | undefined,
): FieldErrors | undefined {
  if (!state?.errors) return undefined;
  const tree: FieldErrors = {};
  for (const [path, items] of Object.entries(state.errors.fields ?? {})) {
    if (items?.length) set(tree, errorTarget(values, path), serverErrorOption(items));
  }
  const nonField = state.errors.non_field ?? [];
  if (nonField.length) set(tree, "root.server", serverErrorOption(nonField));
  return Object.keys(tree).length ? tree : undefined;
}

/** The options `initialStateOptions` made, per state object (and the metadata they were for). */
const optionsMade = new WeakMap<object, { meta: FormDescriptor | undefined; options: object }>();

/**
 * The form hook options that start a form from a failed native post (`handleFormPost`'s
 * `values` and `errors` in `mizan/server`): `defaultValues`, the state's values over the
 * form's defaults (passwords left out), and react-hook-form's `errors`, the messages on their
 * fields (nested forms and formsets as a whole at `<path>.root`, non-field ones at
 * `root.server`), shown on the first render, server rendering included. Spread them into a
 * hand-laid form's hook options; `{}` without a state. The same state object gives the same
 * options (react-hook-form applies `errors` again whenever the object changes). Kept out of the
 * hooks, so a page that never shows a native post does not download it.
 *
 * @example
 * const form = useSignupForm({ ...initialStateOptions(signupFormMeta, state) });
 */
export function initialStateOptions(
  meta: FormDescriptor | undefined,
  state: MizanFormInitialState | undefined,
): { defaultValues?: Record<string, unknown>; errors?: FieldErrors } {
  if (!state) return {};
  const made = optionsMade.get(state);
  if (made && made.meta === meta) return made.options;
  const options: { defaultValues?: Record<string, unknown>; errors?: FieldErrors } = {};
  const values = initialStateValues(meta, state);
  if (values) options.defaultValues = values;
  const errors = initialStateErrors(values ?? (meta ? formDefaults(meta) : undefined), state);
  if (errors) options.errors = errors;
  optionsMade.set(state, { meta, options });
  return options;
}

/**
 * Put a failed native post's state into a react-hook-form form: the values over the form's
 * defaults (a field the browser did not send, such as an unchecked box, keeps its empty
 * value), then every message where the hook's own 422 handling puts it (fields at their
 * dotted paths, nested forms and formsets as a whole at `<path>.root`, non-field errors at
 * `root.server`). Runs before the fields first render, so server HTML and hydration agree.
 */
export function applyInitialState(
  form: UseFormReturn<FieldValues, unknown, unknown>,
  meta: FormDescriptor,
  state: MizanFormInitialState,
): void {
  const values = initialStateValues(meta, state);
  if (values) form.reset(values, { keepDefaultValues: true });
  const current = form.getValues();
  for (const [path, items] of Object.entries(state.errors?.fields ?? {})) {
    if (!items?.length) continue;
    form.setError(errorTarget(current, path) as Path<FieldValues>, serverErrorOption(items));
  }
  const nonField = state.errors?.non_field ?? [];
  if (nonField.length) form.setError("root.server", serverErrorOption(nonField));
}
