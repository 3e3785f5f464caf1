import { type FormHTMLAttributes, type ReactNode, useContext, useMemo, useRef } from "react";
import { type FieldValues, get, type UseFormReturn, useFormState } from "react-hook-form";
import type { MizanComponents, MizanComponentsOverride } from "./components.js";
import { languageDirection, usePageLanguage } from "./direction.js";
import { errorMessages } from "./error-messages.js";
import type { MizanFormReturn } from "./form-types.js";
import { Button } from "./layout/button.js";
import { ErrorList } from "./layout/error-list.js";
import { FieldRow } from "./layout/field-row.js";
import { Fieldset } from "./layout/fieldset.js";
import { NonFieldErrors } from "./layout/non-field-errors.js";
import type { FormDescriptor, MizanFormMeta } from "./meta.js";
import { MizanFields } from "./mizan-fields.js";
import { MizanCsrfField, useNativeFormProps } from "./native-fields.js";
import { applyInitialState, type MizanFormInitialState } from "./native-form.js";
import { MizanProviderContext } from "./provider-context.js";
import { RenderContext, type RenderContextValue, useRenderContext } from "./render-context.js";
import { useRendererText } from "./renderer-text.js";
import { defaultWidgets } from "./widgets/index.js";

/** The built-in parts; `components` replaces any of them. */
export const defaultComponents: MizanComponents = {
  widgets: defaultWidgets,
  FieldRow,
  ErrorList,
  NonFieldErrors,
  Fieldset,
  Button,
};

export interface MizanFormProps<TValues extends FieldValues = FieldValues>
  extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "children"> {
  /** What `useMizanForm` (or a generated `useXForm()`) returned. */
  form: MizanFormReturn<TValues, unknown, unknown>;
  /** The `<name>.schema` metadata; defaults to the `meta` given to the hook. */
  meta?: MizanFormMeta;
  /** Replace widgets (`{ widgets: { TextInput: MyInput } }`) or layout parts (`FieldRow`, ...). */
  components?: MizanComponentsOverride;
  /** Prefix of element ids; default `id_<form name>-`. */
  idPrefix?: string;
  /** The submit button's text; default "Submit" in the form's language (`ui.submit`). */
  submitLabel?: ReactNode;
  /** Shown in a `role="status"` region once the submit succeeded. */
  renderResult?: (result: unknown) => ReactNode;
  /** Rendered after the fields, before the submit button. */
  children?: ReactNode;
  /**
   * A failed native post to show: the values the user sent and Django's messages beside the
   * fields (what `handleFormPost` in `mizan/server` returns for an invalid form). Applied once,
   * before the first render; give the browser the same state when it hydrates.
   */
  initialState?: MizanFormInitialState | undefined;
  /**
   * The value of the hidden `csrfmiddlewaretoken` field; default the provider's `csrfToken`,
   * else (in a browser) the `csrftoken` cookie.
   */
  csrfToken?: string | undefined;
}

/**
 * Messages of hidden fields, shown with the form's own errors as Django does
 * (`(Hidden field token) This field is required.`, `Form.hidden_field_error`).
 */
function hiddenFieldErrors(
  form: FormDescriptor,
  errors: FieldValues,
  text: ReturnType<typeof useRendererText>,
): string[] {
  const out: string[] = [];
  for (const name of form.field_order) {
    const field = form.fields[name];
    if (!field?.widget.is_hidden) continue;
    for (const error of errorMessages(get(errors, name)))
      out.push(text("Form.hidden_field_error", { name, error }));
  }
  return out;
}

/** The paths `FormErrors` shows: the form's own errors and its hidden fields'. */
function formErrorPaths(form: FormDescriptor): string[] {
  const hidden = form.field_order.filter((name) => form.fields[name]?.widget.is_hidden);
  return ["root", "root.server", ...hidden];
}

function FormErrors({ meta }: { meta: FormDescriptor }) {
  const { form, components } = useRenderContext();
  // Only these paths: a visible field's error re-renders that field alone (see useFieldError).
  const names = useMemo(() => formErrorPaths(meta), [meta]);
  const { errors } = useFormState({ control: form.control, name: names, exact: true });
  const text = useRendererText();
  const root = errors.root as Record<string, unknown> | undefined;
  const messages = [
    ...errorMessages(root?.server),
    ...errorMessages(root),
    ...hiddenFieldErrors(meta, errors, text),
  ];
  const { NonFieldErrors: Alert } = components;
  return <Alert messages={messages.filter((message, i) => messages.indexOf(message) === i)} />;
}

function SubmitButton({ label }: { label: ReactNode }) {
  const { form, components } = useRenderContext();
  const text = useRendererText();
  const { isSubmitting } = useFormState({ control: form.control });
  const { Button: Submit } = components;
  return (
    <Submit
      type="submit"
      className="mizan-submit"
      disabled={isSubmitting || form.isServerSubmitting}
    >
      {label ?? text("ui.submit")}
    </Submit>
  );
}

/**
 * Renders a whole form from its schema metadata: labels, help, errors, every widget, nested
 * forms and formsets, with the aria wiring a screen reader needs.
 *
 * The form is also a plain HTML form that works before JavaScript loads: `method="post"`, an
 * `action` of the handler's native endpoint (`{baseUrl}/form/<name>/`; pass `action` to post
 * elsewhere), `multipart/form-data` when it has files, Django's `name` attributes
 * (`address-street`, `items-0-qty`, formsets' management fields) and a hidden
 * `csrfmiddlewaretoken`. Once hydrated, submits go through the hook instead.
 *
 * Its `dir` follows the language (`rtl` for Arabic, Hebrew, Persian, Urdu...): the provider's
 * `language`, else the page's `<html lang>`; pass `dir` to choose yourself.
 *
 * @example
 * const form = useContactForm();
 * return <MizanForm form={form} />;
 * // On the server, after a failed native post (`handleFormPost` in `mizan/server`):
 * <MizanForm form={form} initialState={{ values: state.values, errors: state.errors }} />
 */
export function MizanForm<TValues extends FieldValues>(props: MizanFormProps<TValues>) {
  const {
    form,
    meta: metaProp,
    components,
    idPrefix,
    submitLabel,
    renderResult,
    children,
    initialState,
    csrfToken: csrfProp,
    ...rest
  } = props;
  const meta = metaProp ?? form.meta;
  const native = useNativeFormProps({ name: form.name, meta });
  // The provider's language (the same on the server and in the browser), else <html lang>
  // once hydrated; the form says its direction, and its language when the provider gave one.
  const given = useContext(MizanProviderContext).language;
  const page = usePageLanguage();
  const dir = languageDirection(given ?? page);
  const resolved = useMemo<MizanComponents>(
    () => ({
      ...defaultComponents,
      ...components,
      widgets: { ...defaultComponents.widgets, ...components?.widgets },
    }),
    [components],
  );
  if (!meta) {
    throw new Error(
      `mizan: <MizanForm> for "${form.name}" needs the form's metadata: pass meta (or give it to the hook).`,
    );
  }
  const applied = useRef<MizanFormInitialState | undefined>(undefined);
  if (initialState && applied.current !== initialState) {
    applied.current = initialState;
    applyInitialState(form as unknown as UseFormReturn<FieldValues>, meta, initialState);
  }
  const context: RenderContextValue = {
    form: form as unknown as MizanFormReturn<FieldValues, unknown, unknown>,
    components: resolved,
    idPrefix: idPrefix ?? `id_${meta?.name || form.name}-`,
    disabled: form.isServerSubmitting,
    catalog: form.catalog,
  };
  const label =
    rest["aria-label"] ?? (rest["aria-labelledby"] ? undefined : meta.title || undefined);
  return (
    <RenderContext.Provider value={context}>
      <form
        noValidate
        className="mizan-form"
        {...native}
        lang={given}
        dir={dir}
        aria-busy={form.isServerSubmitting || undefined}
        {...rest}
        aria-label={label}
        onSubmit={form.submit}
      >
        <MizanCsrfField token={csrfProp} />
        <FormErrors meta={meta} />
        <MizanFields form={meta} />
        {children}
        <div className="mizan-actions">
          <SubmitButton label={submitLabel} />
        </div>
        <div role="status" className="mizan-status">
          {renderResult && form.result !== undefined ? renderResult(form.result) : null}
        </div>
      </form>
    </RenderContext.Provider>
  );
}
