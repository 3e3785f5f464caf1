import { type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import {
  type Control,
  type FieldPath,
  type FieldValues,
  type UseFormReturn,
  useFormContext,
} from "react-hook-form";
import { errorMessages } from "./error-messages.js";
import { ErrorList } from "./layout/error-list.js";
import { RenderContext } from "./render-context.js";

/**
 * What `useFieldError` and `<FieldError>` need of a form: what `useMizanForm` or a generated
 * `useXForm()` returned (or react-hook-form's `useForm`; `control` and `subscribe` are read).
 */
export interface FieldErrorSource<TValues extends FieldValues = FieldValues> {
  // biome-ignore lint/suspicious/noExplicitAny: any context and submitted-data type will do
  control: Control<TValues, any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as for control
  subscribe: UseFormReturn<TValues, any, any>["subscribe"];
}

type Subscribe = UseFormReturn<FieldValues>["subscribe"];

/** The top-level field of a dotted path (`items` for `items.0.qty`). */
const topOf = (path: string) => {
  const dot = path.indexOf(".");
  return dot < 0 ? path : path.slice(0, dot);
};

/**
 * One subscription per form to its error changes, handed to the components showing the errors
 * of the top-level field the change was about (all of them when react-hook-form names none:
 * a submit, a reset). A subscription per field would have react-hook-form test every one of
 * them on each keystroke, which grows with the form.
 */
class ErrorChanges {
  readonly #byTop = new Map<string, Set<() => void>>();
  #stop: (() => void) | undefined;
  #subscribe: Subscribe;

  constructor(subscribe: Subscribe) {
    this.#subscribe = subscribe;
  }

  listen(path: string, listener: () => void): () => void {
    const top = topOf(path);
    let listeners = this.#byTop.get(top);
    if (!listeners) {
      listeners = new Set();
      this.#byTop.set(top, listeners);
    }
    listeners.add(listener);
    this.#stop ??= this.#subscribe({
      formState: { errors: true },
      callback: ({ name }) => this.#notify(name),
    });
    return () => {
      listeners.delete(listener);
      if (!listeners.size) this.#byTop.delete(top);
      if (!this.#byTop.size) {
        this.#stop?.();
        this.#stop = undefined;
      }
    };
  }

  #notify(name: string | undefined): void {
    const groups = name ? [this.#byTop.get(topOf(name))] : [...this.#byTop.values()];
    for (const listeners of groups) for (const listener of [...(listeners ?? [])]) listener();
  }
}

const changesByForm = new WeakMap<object, ErrorChanges>();

function errorChanges(form: FieldErrorSource<FieldValues>): ErrorChanges {
  let changes = changesByForm.get(form.control);
  if (!changes) {
    changes = new ErrorChanges(form.subscribe);
    changesByForm.set(form.control, changes);
  }
  return changes;
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
 * calling it re-renders when that field's messages change, not when another field's do, so a
 * big form that shows each field's errors through this keeps a keystroke's cost independent
 * of its size.
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
  const source = (form ?? rendered?.form ?? provided) as FieldErrorSource | null | undefined;
  if (!source?.control) {
    throw new Error(
      `mizan: useFieldError("${name}") needs the form: pass what the form hook returned (or render it inside <MizanForm>).`,
    );
  }
  const { control } = source;
  const changes = errorChanges(source);
  const listen = useCallback(
    (listener: () => void) => changes.listen(name, listener),
    [changes, name],
  );
  // The snapshot is the messages as text: a new error object with the same messages (the
  // field validated again) renders nothing.
  const read = useCallback(() => {
    const messages = messagesOf(control.getFieldState(name).error);
    return messages.length ? JSON.stringify(messages) : "";
  }, [control, name]);
  const shown = useSyncExternalStore(listen, read, read);
  return useMemo(() => (shown ? (JSON.parse(shown) as string[]) : []), [shown]);
}

export interface FieldErrorProps<TValues extends FieldValues = FieldValues> {
  /** The field's path (`email`, `address.city`, `items.0.qty`). */
  name: FieldPath<TValues>;
  /** What the form hook returned; may be left out inside `<MizanForm>`. */
  form?: FieldErrorSource<TValues>;
  /**
   * The list's id, for the input's `aria-describedby`; none unless given (inside `<MizanForm>`
   * the renderer's own list already has `<field id>_error`, and ids must stay unique).
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
  const listProps: { id?: string; messages: string[]; className?: string } = { messages };
  if (id !== undefined) listProps.id = id;
  if (className !== undefined) listProps.className = className;
  return <List {...listProps} />;
}
