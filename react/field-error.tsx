import { type ReactNode, useContext, useMemo } from "react";
import {
  type Control,
  type FieldPath,
  type FieldValues,
  get,
  useFormContext,
  useFormState,
} from "react-hook-form";
import { errorMessages } from "./error-messages.js";
import { ErrorList } from "./layout/error-list.js";
import { fieldId, RenderContext } from "./render-context.js";

/**
 * What `useFieldError` and `<FieldError>` need of a form: what `useMizanForm` or a generated
 * `useXForm()` returned (or react-hook-form's `useForm`; only `control` is read).
 */
export interface FieldErrorSource<TValues extends FieldValues = FieldValues> {
  // biome-ignore lint/suspicious/noExplicitAny: any context and submitted-data type will do
  control: Control<TValues, any, any>;
}

/** The messages at one path: the field's own error and, for array values, its `root` one. */
function messagesOf(error: unknown): string[] {
  const root = (error as { root?: unknown } | undefined)?.root;
  if (root === undefined) return errorMessages(error);
  return [...new Set([...errorMessages(error), ...errorMessages(root)])];
}

/**
 * The messages of one field's errors, client-side (the generated schema's) and server-side (a
 * submit's or a live check's) alike, de-duplicated; `[]` when it has none. The component
 * calling it re-renders when that field's errors change, not when another field's do (it
 * subscribes to the path alone, `useFormState({ name, exact: true })`), so a big form that
 * shows each field's errors through this keeps a keystroke's cost independent of its size.
 *
 * `form` is what the form hook returned; inside `<MizanForm>` (custom widgets and layout
 * parts) or react-hook-form's `<FormProvider>` it may be left out.
 *
 * @example
 * function EmailRow({ form }: { form: ReturnType<typeof useContactForm> }) {
 *   const errors = useFieldError("email", form);
 *   return (
 *     <p>
 *       <input {...form.register("email")} aria-invalid={errors.length > 0 || undefined} />
 *       {errors.map((message) => <span key={message}>{message}</span>)}
 *     </p>
 *   );
 * }
 */
export function useFieldError<TValues extends FieldValues = FieldValues>(
  name: FieldPath<TValues>,
  form?: FieldErrorSource<TValues>,
): string[] {
  const rendered = useContext(RenderContext);
  const provided = useFormContext<TValues>();
  const control =
    form?.control ??
    (rendered?.form.control as Control<TValues> | undefined) ??
    (provided?.control as Control<TValues> | undefined);
  if (!control) {
    throw new Error(
      `mizan: useFieldError("${name}") needs the form: pass what the form hook returned (or render it inside <MizanForm>).`,
    );
  }
  // The field's own path and its field-array root (where a server error on an array value
  // goes): with `exact`, other fields' changes do not reach this component.
  const names = useMemo(() => [name, `${name}.root`] as FieldPath<TValues>[], [name]);
  const { errors } = useFormState({ control, name: names, exact: true });
  const error: unknown = get(errors, name);
  return useMemo(() => messagesOf(error), [error]);
}

export interface FieldErrorProps<TValues extends FieldValues = FieldValues> {
  /** The field's path (`email`, `address.city`, `items.0.qty`). */
  name: FieldPath<TValues>;
  /** What the form hook returned; may be left out inside `<MizanForm>`. */
  form?: FieldErrorSource<TValues>;
  /**
   * The list's id, for the input's `aria-describedby`. Inside `<MizanForm>` it defaults to the
   * renderer's (`<field id>_error`); elsewhere the list has no id unless given one.
   */
  id?: string;
  /** Added to the list's `mizan-errorlist` class. */
  className?: string;
  /** Lays out the messages yourself (called with `[]` when the field has no error). */
  children?: (messages: string[]) => ReactNode;
}

/**
 * One field's error messages, client and server alike, as the renderer shows them (Django's
 * `<ul class="errorlist">`, `components.ErrorList` inside `<MizanForm>`); nothing when the field
 * is valid. Only this component re-renders when the field's errors change, so a hand-laid form
 * need not read `formState.errors` at the top (which re-renders every field on each change).
 *
 * @example
 * const form = useContactForm();
 * return (
 *   <form onSubmit={form.submit} noValidate>
 *     <label htmlFor="email">Email</label>
 *     <input id="email" {...form.register("email")} aria-describedby="email_error" />
 *     <FieldError form={form} name="email" id="email_error" />
 *     <button type="submit">Send</button>
 *   </form>
 * );
 */
export function FieldError<TValues extends FieldValues = FieldValues>(
  props: FieldErrorProps<TValues>,
): ReactNode {
  const { name, form, id, className, children } = props;
  const messages = useFieldError(name, form);
  const rendered = useContext(RenderContext);
  if (children) return children(messages);
  const List = rendered?.components.ErrorList ?? ErrorList;
  const listId = id ?? (rendered ? `${fieldId(rendered.idPrefix, name)}_error` : undefined);
  const listProps: { id?: string; messages: string[]; className?: string } = { messages };
  if (listId !== undefined) listProps.id = listId;
  if (className !== undefined) listProps.className = className;
  return <List {...listProps} />;
}
