/**
 * The three contestants of the typing benchmark (and the floor), each counting the renders of
 * its form component. Each takes an optional `size` (the big form's field count, default 200;
 * see `bigForm`). Imported only after a DOM exists (see typing.ts).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import RjsfForm from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import { FieldError } from "mizan/react";
import type { ReactNode } from "react";
import { type FieldErrors, type UseFormRegisterReturn, useForm } from "react-hook-form";
import { type BigField, bigForm, FIELD_COUNT } from "../lib/big-form.js";

export const renders = { plain: 0, mizan: 0, rhf: 0, rjsf: 0 };

const CHOICES = ["a", "b", "c", "d", "e"];

function input(field: BigField, props: UseFormRegisterReturn): ReactNode {
  switch (field.kind) {
    case "flag":
      return <input id={field.name} type="checkbox" {...props} />;
    case "choice":
      return (
        <select id={field.name} {...props}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </select>
      );
    case "number":
      return <input id={field.name} type="number" {...props} />;
    case "email":
      return <input id={field.name} type="email" {...props} />;
    default:
      return <input id={field.name} type="text" {...props} />;
  }
}

/**
 * The hand-laid markup of the raw react-hook-form contestant and the floor. Raw react-hook-form
 * reads `formState.errors` at the top, as its docs lay a form out; it could subscribe per field
 * with `useFormState({ name })` too, but the row measures each library's documented way.
 */
function Fields(props: {
  fields: BigField[];
  register: (name: string) => UseFormRegisterReturn;
  errors: FieldErrors;
}) {
  return props.fields.map((field) => {
    const error = props.errors[field.name];
    return (
      <p key={field.name}>
        <label htmlFor={field.name}>{field.name}</label>
        {input(field, props.register(field.name))}
        {error ? <span role="alert">{String(error.message)}</span> : null}
      </p>
    );
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the generated hook's form type is the generator's
type AnyHook = () => any;

const generatedHooks = new Map<number, AnyHook>();

/**
 * Hands over the generated hook of the big form at `size` fields (`useBigForm()` at 200; it
 * is generated at run time).
 */
export function setGeneratedHook(hook: AnyHook, size: number = FIELD_COUNT): void {
  generatedHooks.set(size, hook);
}

function missingHook(size: number): AnyHook {
  return () => {
    throw new Error(`call setGeneratedHook(hook, ${size}) first`);
  };
}

/**
 * The generated hook (`useBigForm()` at 200 fields), as an app lays out a form by hand following
 * mizan's docs: each row shows its errors with `<FieldError>`, which re-renders alone when that
 * field's errors change (the form component reads no `formState.errors`). Its function child
 * lays the message out as the react-hook-form rows do, so both contestants' pages hold the
 * same elements (with `<div>` rows, which the default `<ul>` needs, Chromium's main thread
 * cost 1.2–1.5× raw react-hook-form's per keystroke instead of 0.8–1.1×).
 */
export function MizanBig(props: { size?: number }) {
  renders.mizan++;
  const size = props.size ?? FIELD_COUNT;
  const useGeneratedForm = generatedHooks.get(size) ?? missingHook(size);
  const form = useGeneratedForm();
  return (
    <form onSubmit={form.submit} noValidate>
      {bigForm(size).fields.map((field) => (
        <p key={field.name}>
          <label htmlFor={field.name}>{field.name}</label>
          {input(field, form.register(field.name))}
          <FieldError form={form} name={field.name}>
            {(messages) =>
              messages.length ? <span role="alert">{messages.join(" ")}</span> : null
            }
          </FieldError>
        </p>
      ))}
    </form>
  );
}

const noop = async () => {};
const plainRegister = (name: string): UseFormRegisterReturn => ({
  name,
  onChange: noop,
  onBlur: noop,
  ref: () => {},
});

/** The floor: the same markup with no form library (what jsdom, React and user-event cost). */
export function PlainBig(props: { size?: number }) {
  renders.plain++;
  return (
    <form noValidate>
      <Fields fields={bigForm(props.size).fields} register={plainRegister} errors={{}} />
    </form>
  );
}

/** Raw react-hook-form + zodResolver with the hand-written schema, same mode as mizan's. */
export function RhfBig(props: { size?: number }) {
  renders.rhf++;
  const spec = bigForm(props.size);
  const form = useForm({
    mode: "onTouched",
    resolver: zodResolver(spec.zod),
    defaultValues: spec.defaults,
  });
  return (
    <form onSubmit={form.handleSubmit(() => {})} noValidate>
      <Fields
        fields={spec.fields}
        register={form.register as (name: string) => UseFormRegisterReturn}
        errors={form.formState.errors}
      />
    </form>
  );
}

class CountingRjsf extends RjsfForm {
  override render() {
    renders.rjsf++;
    return super.render();
  }
}

/** RJSF with its default theme and the AJV 8 validator; `live` validates on every change. */
export function RjsfBig(props: { live: boolean; size?: number }) {
  const spec = bigForm(props.size);
  return (
    <CountingRjsf
      schema={spec.jsonSchema as never}
      validator={validator}
      formData={spec.defaults}
      liveValidate={props.live}
      noHtml5Validate
    />
  );
}
