import type { z } from "zod";
import type { FormSchemaType, MizanFormReturn, UseMizanFormOptions } from "./form-types.js";
import { LiveValidation, type LiveValidationHost } from "./live-validation.js";
import { useMizanFormWith } from "./use-mizan-form-base.js";

const liveChecks = (host: LiveValidationHost) => new LiveValidation(host);

/**
 * A react-hook-form form wired to a mizan Form: the generated Zod schema validates in the
 * browser, `<name>.validate` checks server-only rules live, `submit` sends `<name>.submit`
 * and puts its errors on the right fields. Generated hooks (`useContactForm()`) call this
 * for forms with server-only rules; `useMizanFormBase` is the same without the live checks.
 *
 * @example
 * const form = useMizanForm({ name: "contact", schema: contactSchema, meta: contactMeta });
 * return (
 *   <form onSubmit={form.submit}>
 *     <input {...form.register("email")} />
 *     {form.formState.errors.email?.message}
 *   </form>
 * );
 */
export function useMizanForm<TSchema extends FormSchemaType, TResult = unknown>(
  options: UseMizanFormOptions<TSchema, TResult>,
): MizanFormReturn<z.input<TSchema>, z.output<TSchema>, TResult> {
  return useMizanFormWith(options, liveChecks);
}
