import type { FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import { formDefaults } from "./default-values.js";
import { serverErrorOption } from "./error-messages.js";
import { splitPath, withoutFilesOutside } from "./field-paths.js";
import { partialSchema } from "./field-resolver.js";
import { isDevelopment, liveSettings, multipleFilesAt, unprefixed } from "./form-settings.js";
import type {
  FormSchemaType,
  LiveChecksFactory,
  MizanFormReturn,
  UseMizanFormOptions,
} from "./form-types.js";
import { useCatalogResolver } from "./language.js";
import { LiveValidation } from "./live-validation.js";
import { type MizanFormMeta, serverRuleFields } from "./meta.js";
import { nestedRegister } from "./nested-register.js";
import { clearServerError } from "./server-error-tracker.js";
import { useMizanFormWith } from "./use-mizan-form-base.js";

const warnedStale = new Set<string>();

/** The live checks of a form, wired to its react-hook-form form and its latest options. */
const liveChecks: LiveChecksFactory = (latest, form, wireValues, tracker, sync, onBusyChange) => {
  const values = () => form.getValues();
  return new LiveValidation(
    {
      values,
      clearServerError: (target) => clearServerError(form, target),
      onWatchedChange: sync,
      option: () => latest.current.liveValidation,
      meta: () => latest.current.meta,
      validate: (args, signal) => {
        const { client, name, encode } = latest.current;
        return client.call(`${name}.validate`, args, { signal, encode });
      },
      version: () => latest.current.version,
      serverFieldOf: (path) => {
        const { liveValidation: option, meta } = latest.current;
        const settings = liveSettings(option);
        if (!settings.on) return undefined;
        const top = splitPath(path)[0] ?? "";
        const fields =
          settings.fields ?? (meta ? serverRuleFields(meta as MizanFormMeta) : undefined);
        // Unmarked metadata cannot tell which fields have clean<Field>() hooks: check all.
        if (fields && !fields.includes(top) && !fields.includes(unprefixed(meta, top)))
          return undefined;
        return unprefixed(meta, top);
      },
      // A check of one field need not upload the form's other files on every blur.
      wireValues: (top) => withoutFilesOutside(wireValues(), top),
      hasClientError: async (path) => {
        // Only the top-level field's own rules can reject it (unless the schema has
        // object-level ones): a blur need not run the whole form's rules.
        const { schema: whole } = latest.current;
        const schema = partialSchema(whole, [splitPath(path)[0] ?? path]) ?? whole;
        const parsed = await schema.safeParseAsync(values());
        if (parsed.success) return false;
        return parsed.error.issues.some((issue) => {
          const at = issue.path.map(String).join(".");
          return at === path || at.startsWith(`${path}.`);
        });
      },
      setServerError: (target, items) =>
        form.setError(target as Path<FieldValues>, serverErrorOption(items)),
      onBusyChange,
      onStale: () => {
        const formName = latest.current.name;
        if (isDevelopment() && !warnedStale.has(formName)) {
          warnedStale.add(formName);
          console.warn(
            `mizan: the "${formName}" form changed on the server; regenerate the client (npx mizan generate) so the browser runs the same rules.`,
          );
        }
      },
    },
    tracker,
  );
};

/**
 * A react-hook-form form wired to a mizan Form: the generated Zod schema validates in the
 * browser, `<name>.validate` checks server-only rules live, `submit` sends `<name>.submit`
 * and puts its errors on the right fields; default messages come from `messages` (the
 * generated `messageCatalogs`) in the page's language. Generated hooks (`useContactForm()`)
 * call this for forms with server-only rules; `useMizanFormBase` is the same without the live
 * checks (and loads catalogs only with `localizedMessages`).
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
  // Forms with nested forms and formsets: their rows' defaults, file paths, Django names.
  return useMizanFormWith(
    options,
    liveChecks,
    useCatalogResolver,
    formDefaults,
    multipleFilesAt,
    nestedRegister,
  );
}
