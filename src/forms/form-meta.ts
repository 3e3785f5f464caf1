import type { AuthOption } from "../core/auth.js";
import type { RequestContext } from "../core/context.js";

/** Options of a form class (its `static meta`). */
export interface FormMetaOptions {
  /** The function prefix: `contact` → `contact.schema`, `contact.validate`, `contact.submit`. */
  name: string;
  title?: string;
  description?: string;
  /** Applies to all three functions, with `client()`'s meaning. */
  auth?: AuthOption;
  /** Prefix of every field's wire name (`"billing"` → `billing-email`), as Django's `prefix`. */
  prefix?: string;
  /** Form-level initial values, static or computed per request. */
  initial?:
    | Record<string, unknown>
    | ((ctx: RequestContext) => Record<string, unknown> | Promise<Record<string, unknown>>);
  /** Free-form metadata passed to renderers (`meta` in `<name>.schema`). */
  extra?: Record<string, unknown>;
  /**
   * Contexts a successful submit changes (`client()`'s `invalidates`, on `<name>.submit`):
   * its envelope's `invalidate` names them. Inside `clean()` or `onSubmitSuccess`,
   * `ctx.invalidate(name, args)` and `ctx.merge(name, value, args)` add more.
   */
  invalidates?: readonly string[];
  /**
   * Where a native (pre-JavaScript) post of this form goes after a successful submit: a 303
   * (Post/Redirect/Get) to this URL, or to what it returns for the submit's result. A safe
   * `next` field or query parameter wins over it. See docs/progressive-enhancement.md.
   */
  successUrl?: string | ((result: unknown) => string);
}

export type FormMeta = Readonly<FormMetaOptions>;

/**
 * Declare a form's name and options.
 *
 * @example
 * static override meta = formMeta({ name: "contact", title: "Contact Us" });
 * static override meta = formMeta({ name: "profile", invalidates: ["currentUser"] });
 * static override meta = formMeta({ name: "contact", successUrl: "/thanks/" });
 */
export function formMeta(options: FormMetaOptions): FormMeta {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(options.name)) {
    throw new TypeError(
      `Invalid form name "${options.name}": start with a lowercase letter; use letters, digits and _.`,
    );
  }
  return Object.freeze({ ...options });
}
