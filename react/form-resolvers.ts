import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import type { FieldValues, Resolver, UseFormReturn } from "react-hook-form";
import type { MessageCatalogs } from "../src/codegen/runtime/catalog.js";
import { fieldResolver } from "./field-resolver.js";
import type { FormSchemaType } from "./form-types.js";
import type { FormResolverHook } from "./use-mizan-form-base.js";

/** What a form resolver hook gives `useMizanFormBase` when it loads no message catalog. */
interface PlainResolver<TValues extends FieldValues> {
  resolver: Resolver<TValues, unknown, unknown>;
  follow(form: UseFormReturn<TValues, unknown, unknown>): void;
  catalog: undefined;
}

function refuseCatalogs(catalogs: MessageCatalogs | undefined): void {
  if (catalogs) {
    throw new TypeError(
      "mizan: messages needs useMizanFormBase(options, localizedMessages) (mizan/react).",
    );
  }
}

/**
 * `useMizanFormBase`'s resolver when given none: `zodResolver(schema)`, each validation
 * parsing the whole form (cheap for a form of a few fields), English messages.
 */
export function useWholeFormResolver<TValues extends FieldValues>(
  schema: FormSchemaType,
  catalogs: MessageCatalogs | undefined,
): PlainResolver<TValues> {
  refuseCatalogs(catalogs);
  const resolver = useMemo(
    () => zodResolver(schema as never) as unknown as Resolver<TValues, unknown, unknown>,
    [schema],
  );
  return { resolver, follow() {}, catalog: undefined };
}

/** See `fieldLevelResolver`. */
function useFieldLevelResolver<TValues extends FieldValues>(
  schema: FormSchemaType,
  catalogs: MessageCatalogs | undefined,
): PlainResolver<TValues> {
  refuseCatalogs(catalogs);
  // fieldResolver tells a field's events from a submit by the number of fields registered:
  // `follow` hands it the form (the hook calls it on each render, right after useForm, so a
  // new schema's resolver has the form before it first runs).
  const { resolver, follow } = useMemo(() => {
    let form: UseFormReturn<TValues, unknown, unknown> | undefined;
    return {
      resolver: fieldResolver<TValues>(schema, {
        registeredCount: () => form?.control._names?.mount?.size,
      }),
      follow(methods: UseFormReturn<TValues, unknown, unknown>) {
        form = methods;
      },
    };
  }, [schema]);
  return { resolver, follow, catalog: undefined };
}

/**
 * Field-level parsing for `useMizanFormBase`, its second argument: a field's events (a change
 * or blur of a touched field, `trigger(name)`, `deps`) parse only that field's rules
 * (`fieldResolver`), so a keystroke costs the same in a 1,000-field form as in a 5-field one;
 * a submit still parses the whole form, with the same messages either way. Generated hooks of
 * forms with more than 20 fields pass it (`useMizanForm` and `localizedMessages` have it built
 * in); a few-field form does without, and its page does not download it.
 *
 * @example
 * const form = useMizanFormBase(
 *   { name: "survey", schema: surveySchema, meta: surveyFormMeta },
 *   fieldLevelResolver,
 * );
 */
export const fieldLevelResolver: FormResolverHook = useFieldLevelResolver;
