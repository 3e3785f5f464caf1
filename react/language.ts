import { useContext, useEffect, useMemo, useRef, useState } from "react";
import type { FieldValues, Path, Resolver, UseFormReturn } from "react-hook-form";
import {
  catalogLoader,
  type MessageCatalog,
  type MessageCatalogs,
  withCatalog,
} from "../src/codegen/runtime/catalog.js";
import { usePageLanguage } from "./direction.js";
import { fieldResolver } from "./field-resolver.js";
import type { FormSchemaType } from "./form-types.js";
import { MizanProviderContext } from "./provider-context.js";
import type { FormResolverHook } from "./use-mizan-form-base.js";

/**
 * The language mizan's forms show their messages in: the nearest `<MizanProvider language>`,
 * else the page's `<html lang>` (followed when a script changes it; not read on the server
 * or while hydrating), else `"en"`.
 *
 * @example
 * const language = useMizanLanguage(); // "fr" under <MizanProvider language="fr">
 */
export function useMizanLanguage(): string {
  const given = useContext(MizanProviderContext).language;
  const page = usePageLanguage();
  return given || page || "en";
}

// One load per catalog module, shared by every form of the page.
const loaded = new WeakMap<object, Promise<MessageCatalog | undefined>>();

function load(loader: MessageCatalogs[string]): Promise<MessageCatalog | undefined> {
  let promise = loaded.get(loader);
  if (!promise) {
    promise = loader().then(
      (module) => module.catalog,
      () => {
        loaded.delete(loader); // a failed chunk load may succeed later
        return undefined;
      },
    );
    loaded.set(loader, promise);
  }
  return promise;
}

/**
 * The catalog of `language` from a generated client's `messageCatalogs`, loaded (once per
 * page; `undefined` for English, a language the client was not generated with, or a chunk
 * that failed to load). Give it to `<MizanProvider catalog>` with the same `language`, on the
 * server and before hydrating, so that the first render already shows that language.
 *
 * @example
 * const catalog = await loadMessageCatalog(messageCatalogs, language);
 * renderToString(
 *   <MizanProvider baseUrl="/api/mizan" language={language} catalog={catalog}>
 *     <App />
 *   </MizanProvider>,
 * );
 */
export function loadMessageCatalog(
  catalogs: MessageCatalogs | undefined,
  language: string,
): Promise<MessageCatalog | undefined> {
  const loader = catalogLoader(catalogs, language);
  return loader ? load(loader) : Promise.resolve(undefined);
}

/** Whether `error` (a react-hook-form error subtree) holds a message the browser made. */
function hasClientMessage(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { type, message } = error as { type?: unknown; message?: unknown };
  if (typeof message === "string" && typeof type === "string") return type !== "server";
  return Object.entries(error).some(([key, value]) => key !== "ref" && hasClientMessage(value));
}

/**
 * The resolver of a generated form, showing its default messages in the page's language:
 * the catalog of `useMizanLanguage()` is loaded from `catalogs` (a dynamic import, once per
 * page), validation runs inside it, and when it arrives (a language switch), the fields
 * already showing a browser-made message are validated again so they show it in the new
 * language. Server messages are left alone (the server wrote them in its language).
 * Without `catalogs` (English only), it is `zodResolver(schema)`. Either way a field's own
 * events parse only that field (`fieldResolver`). Until the load, the
 * provider's `catalog` serves when it is this language's (so the server's render and the
 * hydrating one show it); `catalog` is the one shown (the renderer's texts use it too).
 */
export function useCatalogResolver<TValues extends FieldValues>(
  schema: FormSchemaType,
  catalogs: MessageCatalogs | undefined,
): {
  resolver: Resolver<TValues, unknown, unknown>;
  /** Call once with the form, after `useForm`. */
  follow(form: UseFormReturn<TValues, unknown, unknown>): void;
  catalog: MessageCatalog | undefined;
} {
  const language = useMizanLanguage();
  const loader = catalogLoader(catalogs, language);
  // The catalog loaded last, with the loader it came from: after a switch, the previous
  // language's catalog is not used while the new one loads (English shows meanwhile). Until
  // a load, the provider's catalog serves when it is this language's.
  const [loadedLast, setLoadedLast] = useState<{
    loader: MessageCatalogs[string];
    catalog: MessageCatalog | undefined;
  }>();
  const given = useContext(MizanProviderContext).catalog;
  const shown =
    loader &&
    (loadedLast?.loader === loader
      ? loadedLast.catalog
      : given && catalogLoader(catalogs, given.language) === loader
        ? given
        : undefined);
  const current = useRef<MessageCatalog | undefined>(undefined);
  current.current = shown;
  useEffect(() => {
    if (!loader) return;
    let live = true;
    void load(loader).then((catalog) => {
      if (live) setLoadedLast({ loader, catalog });
    });
    return () => {
      live = false;
    };
  }, [loader]);
  const form = useRef<UseFormReturn<TValues, unknown, unknown> | null>(null);
  const resolver = useMemo(() => {
    // A field's events parse that field only (see fieldResolver); it needs to know how many
    // fields react-hook-form registered, to tell them from a submit.
    const registeredCount = () => form.current?.control._names?.mount?.size;
    if (!catalogs) return fieldResolver<TValues>(schema, { registeredCount });
    // The sync parse runs inside withCatalog; generated schemas have no async step.
    const base = fieldResolver<TValues>(schema, { mode: "sync", registeredCount });
    return ((values, context, options) =>
      withCatalog(current.current, () => base(values, context, options))) as Resolver<
      TValues,
      unknown,
      unknown
    >;
  }, [schema, catalogs]);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the shown catalog changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const methods = form.current;
    if (!methods) return;
    // getFieldState reads the current errors without subscribing: reading formState.errors
    // here would make react-hook-form re-render the hook's caller on every error change.
    const stale = Object.keys(methods.getValues() as object).filter((name) =>
      hasClientMessage(methods.getFieldState(name as Path<TValues>).error),
    );
    if (stale.length) void methods.trigger(stale as Array<Path<TValues>>);
  }, [shown]);
  return {
    resolver,
    follow(methods) {
      form.current = methods;
    },
    catalog: shown,
  };
}

/**
 * Message catalogs for `useMizanFormBase`, its second argument: the form shows its default
 * messages in `useMizanLanguage()`'s language, loading the catalog from the `messages` option
 * (the generated `messageCatalogs`), as `useMizanForm` does built in. Kept out of
 * `useMizanFormBase` so a page whose forms are English only does not download it; generated
 * hooks pass it when the client was generated with `--languages`.
 *
 * @example
 * import { localizedMessages, useMizanFormBase } from "mizan/react";
 * import { messageCatalogs } from "./mizan/messages/index.js";
 * const form = useMizanFormBase(
 *   { name: "contact", schema: contactSchema, meta: contactFormMeta, messages: messageCatalogs },
 *   localizedMessages,
 * );
 */
export const localizedMessages: FormResolverHook = useCatalogResolver;
