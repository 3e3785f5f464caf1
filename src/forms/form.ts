import type { Registry } from "../core/registry.js";
import { BaseForm, type FormOptions } from "./base-form.js";
import type { FormMeta } from "./form-meta.js";
import { registerForm } from "./form-registration.js";

export {
  type CleanedData,
  type FormInput,
  type FormOptions,
  type FullCleanOptions,
  NON_FIELD_ERRORS,
  type SubmittableForm,
} from "./base-form.js";

/**
 * Django's Form: declare fields as properties, add `clean<Field>()` and `clean()` hooks and an
 * `onSubmitSuccess` handler; `register()` the class to serve it as three functions.
 *
 * Hooks run in Django's order: every field's `clean()` then its `clean<Field>(value, ctx)`
 * hook (in declaration order), then the form's `clean(ctx)`, then `postClean(ctx)`.
 * Hooks may be async. Pass the class itself as the type argument (`extends Form<SignupForm>`)
 * to type `this.cleanedData` inside hooks; `onSubmitSuccess(ctx, data)` receives the cleaned
 * data, typed with `CleanedData<SignupForm>`.
 *
 * @example
 * export class ContactForm extends Form<ContactForm> {
 *   static override meta = formMeta({ name: "contact", title: "Contact Us" });
 *   email = new EmailField();
 *   message = new CharField({ widget: new Textarea(), minLength: 10 });
 *   async onSubmitSuccess(ctx: RequestContext, data: CleanedData<ContactForm>) {
 *     return { sent: true };
 *   }
 * }
 * register(ContactForm);
 */
// biome-ignore lint/suspicious/noExplicitAny: the unparameterised Form reads cleaned data loosely
export class Form<TSelf = any> extends BaseForm<TSelf> {
  /** Used by `register(FormClass)`: adds `<name>.schema`, `<name>.validate`, `<name>.submit`. */
  static registerInto(registry: Registry, name?: string): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being registered
    registerForm(registry, this, name);
  }
}

export type FormClass<F extends Form = Form> = (new (
  options?: FormOptions,
) => F) & {
  meta: FormMeta | undefined;
};
