import { initialStateOptions, MizanCsrfField, useNativeFormProps } from "mizan/react";
import type { ReactNode } from "react";
import { signupFormMeta, useSignupForm } from "../mizan/index.js";
import { useFormInitialState } from "../page-state.js";
import { ResultBox } from "./result-box.js";

type SignupForm = ReturnType<typeof useSignupForm>;
type FieldName = "username" | "email" | "password" | "confirm" | "age" | "birthdate" | "terms";

/** One labelled input with its help text and error, wired for screen readers. */
function Row(props: {
  form: SignupForm;
  name: FieldName;
  label: string;
  help?: string;
  optional?: boolean;
  children: (aria: Record<string, string | boolean | undefined>) => ReactNode;
}) {
  const { form, name, label, help } = props;
  const error = form.formState.errors[name]?.message;
  const describedBy = [help && `signup-${name}-help`, error && `signup-${name}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "mizan-field mizan-field--invalid" : "mizan-field"}>
      <label className="mizan-label" htmlFor={`signup-${name}`}>
        {label}
        {!props.optional && (
          <span className="mizan-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {props.children({
        id: `signup-${name}`,
        className: "mizan-input",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {help && (
        <div className="mizan-help" id={`signup-${name}-help`}>
          {help}
        </div>
      )}
      {error && (
        <div className="mizan-error" id={`signup-${name}-error`}>
          {String(error)}
        </div>
      )}
    </div>
  );
}

/** Laid out by hand with `form.register`: the same hook, your own markup. */
export function SignupPanel() {
  const form = useSignupForm<{ id: number; username: string }>({
    ...initialStateOptions(signupFormMeta, useFormInitialState("signup")),
  });
  const native = useNativeFormProps(form);
  const busy = form.formState.isSubmitting;
  const rootError = form.formState.errors.root?.server?.message;
  return (
    <section aria-labelledby="signup-title">
      <h2 id="signup-title">Create an account</h2>
      <p className="demo-hint">
        “alice” is taken: the server says so when you leave the field. Passwords must match (a
        cross-field <code>clean()</code> on the server).
      </p>
      {form.result ? (
        <ResultBox title="Account created" value={form.result} announce />
      ) : (
        <form className="mizan-form" {...native} onSubmit={form.submit} noValidate>
          <MizanCsrfField />
          {rootError && (
            <div role="alert" className="mizan-nonfield mizan-error">
              {String(rootError)}
            </div>
          )}
          <fieldset disabled={busy} className="mizan-plain-fieldset">
            <Row form={form} name="username" label="Username" help="3–30 letters, digits, _ or -.">
              {(aria) => <input {...aria} autoComplete="username" {...form.register("username")} />}
            </Row>
            <Row form={form} name="email" label="Email">
              {(aria) => (
                <input {...aria} type="email" autoComplete="email" {...form.register("email")} />
              )}
            </Row>
            <Row form={form} name="password" label="Password" help="At least 8 characters.">
              {(aria) => (
                <input
                  {...aria}
                  type="password"
                  autoComplete="new-password"
                  {...form.register("password")}
                />
              )}
            </Row>
            <Row form={form} name="confirm" label="Confirm password">
              {(aria) => (
                <input
                  {...aria}
                  type="password"
                  autoComplete="new-password"
                  {...form.register("confirm")}
                />
              )}
            </Row>
            <Row form={form} name="age" label="Age" help="Between 13 and 120.">
              {(aria) => (
                <input {...aria} type="number" inputMode="numeric" {...form.register("age")} />
              )}
            </Row>
            <Row form={form} name="birthdate" label="Birthdate" optional>
              {(aria) => <input {...aria} type="date" {...form.register("birthdate")} />}
            </Row>
            <div className="mizan-field">
              <div className="mizan-choice">
                <input
                  id="signup-terms"
                  type="checkbox"
                  aria-invalid={form.formState.errors.terms ? true : undefined}
                  aria-describedby={form.formState.errors.terms ? "signup-terms-error" : undefined}
                  {...form.register("terms")}
                />
                <label htmlFor="signup-terms">
                  I accept the terms
                  <span className="mizan-required" aria-hidden="true">
                    *
                  </span>
                </label>
              </div>
              {form.formState.errors.terms && (
                <div className="mizan-error" id="signup-terms-error">
                  {String(form.formState.errors.terms.message)}
                </div>
              )}
            </div>
            <button className="mizan-button mizan-submit" type="submit">
              {busy ? "Creating…" : "Create account"}
            </button>
            {form.isServerValidating && <span className="demo-hint"> checking…</span>}
          </fieldset>
        </form>
      )}
    </section>
  );
}
