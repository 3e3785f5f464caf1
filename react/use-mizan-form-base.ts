import { useEffect, useMemo, useRef, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormRegister,
  type UseFormRegisterReturn,
  type UseFormReset,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import type { MessageCatalog, MessageCatalogs } from "../src/codegen/runtime/catalog.js";
import { flatFormDefaults } from "./default-values.js";
import { serverErrorOption } from "./error-messages.js";
import { byFieldOrder, errorTarget, toWireValues } from "./field-paths.js";
import { useWholeFormResolver } from "./form-resolvers.js";
import type {
  FormSchemaType,
  FormShape,
  LiveChecks,
  LiveChecksFactory,
  MizanFormReturn,
  UseMizanFormOptions,
} from "./form-types.js";
import { useMizanClient } from "./provider.js";
import { isAbort, isItemList, type MizanServerError, toServerError } from "./server-error.js";
import { serverErrorTracker } from "./server-error-tracker.js";

/**
 * Makes a form's resolver from its schema and the `messages` option, with the catalog it shows
 * and `follow`, called with the form after `useForm`. `localizedMessages` is the one that
 * loads message catalogs; without it, a form has the field resolver alone.
 */
export type FormResolverHook = <TValues extends FieldValues>(
  schema: FormSchemaType,
  catalogs: MessageCatalogs | undefined,
) => {
  resolver: Resolver<TValues, unknown, unknown>;
  follow(form: UseFormReturn<TValues, unknown, unknown>): void;
  catalog: MessageCatalog | undefined;
};

/** Whether the file input of the flat form's field `path` takes several files. */
const flatMultipleFiles: FormShape["multipleFiles"] = (meta, path) =>
  meta?.fields[path]?.widget.allow_multiple_selected === true;

/** Top-level fields only: their names are their paths, and nothing is checked on blur. */
const flatRegister: FormShape["register"] = (form, path, options) => {
  if (path.includes(".")) {
    throw new TypeError(
      `mizan: useMizanFormBase registers top-level fields only ("${path}"): call useMizanForm.`,
    );
  }
  return form.register(path, options);
};

/**
 * `useMizanForm` without live server validation: the generated Zod schema validates in the
 * browser, `submit` sends `<name>.submit` and puts its errors on the right fields (they clear
 * when their values change), but nothing is asked of the server on blur, so a page using only
 * this does not download the live checks. Generated hooks of forms whose metadata marks no
 * server-only rule (and no nested form) call this; `liveValidation` is ignored here. A form
 * with nested forms or formsets (or a dotted path to register) is refused with a `TypeError`
 * naming `useMizanForm`. Message catalogs (`messages`) need `localizedMessages` as the second
 * argument, which generated hooks pass when the client has languages; `messages` without it
 * throws a `TypeError`.
 *
 * @example
 * const form = useMizanFormBase({ name: "contact", schema: contactSchema, meta: contactMeta });
 * return <form onSubmit={form.submit}><input {...form.register("email")} /></form>;
 * // Default messages in the page's language (`mizan generate --languages en,fr`):
 * const localized = useMizanFormBase(
 *   { name: "contact", schema: contactSchema, meta: contactMeta, messages: messageCatalogs },
 *   localizedMessages,
 * );
 */
export function useMizanFormBase<TSchema extends FormSchemaType, TResult = unknown>(
  options: UseMizanFormOptions<TSchema, TResult>,
  localized?: FormResolverHook,
): MizanFormReturn<z.input<TSchema>, z.output<TSchema>, TResult> {
  const useResolver = localized ?? useWholeFormResolver;
  return useMizanFormWith(
    options,
    undefined,
    useResolver,
    flatFormDefaults,
    flatMultipleFiles,
    flatRegister,
  );
}

/**
 * The form hook with live checks made by `makeLive` (none when it is `undefined`), the
 * resolver `useResolver` makes (fixed for the component's life, as hooks are) and the form
 * shape's `defaults`, `multipleFiles` and `registerField` (see `FormShape`).
 */
export function useMizanFormWith<TSchema extends FormSchemaType, TResult = unknown>(
  options: UseMizanFormOptions<TSchema, TResult>,
  makeLive: LiveChecksFactory | undefined,
  useResolver: FormResolverHook,
  defaults: FormShape["defaults"],
  multipleFiles: FormShape["multipleFiles"],
  registerField: FormShape["register"],
): MizanFormReturn<z.input<TSchema>, z.output<TSchema>, TResult> {
  const {
    name,
    schema,
    meta,
    version: versionOption,
    defaultValues,
    liveValidation,
    onSuccess,
    onServerError,
    initialState,
    messages,
    encode,
    ...formProps
  } = options;
  const client = useMizanClient();
  const version = versionOption ?? meta?.version;

  const { resolver, follow, catalog } = useResolver<z.input<TSchema>>(schema, messages);
  if (initialState !== undefined) {
    throw new TypeError(
      "mizan: initialState: spread initialStateOptions(meta, state) (mizan/react).",
    );
  }
  // The metadata's defaults are made even when given others: `useMizanFormBase` refuses a
  // form with nested forms there.
  const initialValues = useMemo(() => {
    const fromMeta = meta && (defaults(meta) as DefaultValues<z.input<TSchema>>);
    return defaultValues ?? fromMeta;
  }, [defaultValues, meta, defaults]);
  const methods = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    mode: "onTouched",
    ...formProps,
    resolver: resolver as NonNullable<
      UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>["resolver"]
    >,
    ...(initialValues !== undefined && { defaultValues: initialValues }),
  });
  follow(methods as unknown as Parameters<typeof follow>[0]);

  const [result, setResult] = useState<TResult>();
  const [serverError, setServerError] = useState<MizanServerError>();
  const [isServerValidating, setServerValidating] = useState(false);
  const [isServerSubmitting, setServerSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ path: string }>();

  // The latest options, read by callbacks that outlive a render.
  const latestOptions = { ...options, version, client };
  const latest = useRef(latestOptions);
  latest.current = latestOptions;

  // Made once: react-hook-form's methods are fixed for the form's life, and what changes
  // between renders is read from `latest` when used.
  const [[start, sync, bound]] = useState(() => {
    const form = methods as unknown as UseFormReturn<FieldValues>;
    const { getValues } = form;
    let submitting: AbortController | null = null;

    // Live validation hears the changes of the fields it checks or tracks, not of every
    // field: react-hook-form copies the whole form's values for each change a values
    // subscriber hears, so a subscription to all of them would make each keystroke cost in
    // proportion to the form's size. `sync()` subscribes again when `watched()` changed (after
    // a render, and whenever the watched set moves); no names, no subscription; none unmounted.
    let mounted = false;
    let subscribed: string | null = null;
    let unsubscribe: (() => void) | undefined;
    const stop = () => {
      unsubscribe?.();
      unsubscribe = undefined;
    };
    const sync = () => {
      if (!mounted) return;
      const fields = checks.watched();
      const key = fields?.join("\n") ?? "*";
      if (key === subscribed) return;
      subscribed = key;
      // Unsubscribe first: react-hook-form may be notifying its subscribers right now.
      stop();
      if (fields?.length === 0) return;
      unsubscribe = form.subscribe({
        ...(fields && { name: fields }),
        formState: { values: true },
        callback: ({ values, name: changed, type }) => {
          checks.valuesChanged(values);
          if (changed && type === "change") checks.changed?.(changed);
        },
      });
    };

    // The form's values as the wire carries them (files in place of file lists).
    const wireValues = () =>
      toWireValues(getValues(), (path) => multipleFiles(latest.current.meta, path));
    const tracker = serverErrorTracker(form, sync);
    // Without live checks, the tracker alone (which clears the same on an unmount).
    const checks: Pick<LiveChecks, "watched" | "valuesChanged" | "clear"> & Partial<LiveChecks> =
      makeLive?.(latest, form, wireValues, tracker, sync, setServerValidating) ?? tracker;
    const onFieldBlur = (path: string) => checks.blurred?.(path);

    const submit = form.handleSubmit(async () => {
      const { client: caller, name: formName, version: formVersion, encode } = latest.current;
      checks.clear();
      submitting?.abort();
      setResult(undefined);
      setServerError(undefined);
      const controller = new AbortController();
      submitting = controller;
      setServerSubmitting(true);
      const args = {
        data: wireValues(),
        ...(formVersion !== undefined && { version: formVersion }),
      };
      try {
        const value = (await caller.call(`${formName}.submit`, args, {
          signal: controller.signal,
          encode,
        })) as TResult;
        if (controller.signal.aborted) return;
        setResult(value);
        latest.current.onSuccess?.(value);
      } catch (thrown) {
        if (isAbort(thrown, controller.signal)) return;
        const error = toServerError(thrown);
        const details = error.details as Partial<Record<string, unknown>> | null;
        // A validation failure's details (when an object) go to the fields, the lists
        // `isItemList` accepts only. Any other error is shown as a form-level one.
        if (
          (error.status === 422 || error.code === "VALIDATION_FAILED") &&
          details &&
          typeof details === "object"
        ) {
          const values = getValues();
          const list = (details.fields ?? {}) as Record<string, unknown>;
          let focus: string | undefined;
          for (const key of byFieldOrder(Object.keys(list), latest.current.meta?.field_order)) {
            const items = list[key];
            // A `__proto__` key (an own key of parsed JSON) is no field: never placed.
            if (key === "__proto__" || !isItemList(items)) continue;
            const target = errorTarget(values, key);
            form.setError(target, serverErrorOption(items));
            tracker.track(target, key);
            if (focus === undefined && target === key) focus = key;
          }
          const nonField = details.non_field;
          if (isItemList(nonField)) form.setError("root.server", serverErrorOption(nonField));
          if (focus !== undefined) setFocusRequest({ path: focus });
          return;
        }
        setServerError(error);
        form.setError("root.server", serverErrorOption([error]));
        latest.current.onServerError?.(error);
      } finally {
        if (submitting === controller) {
          submitting = null;
          setServerSubmitting(false);
        }
      }
    });

    const register: UseFormRegister<FieldValues> = (path, registerOptions) => {
      const props = registerField(form, path, registerOptions, onFieldBlur);
      // react-hook-form fills an input through its ref, in the browser; the value is also
      // rendered (a server-rendered page, e.g. after a failed native post, shows it at once).
      const current = getValues(path);
      const initial =
        typeof current === "string" || typeof current === "number"
          ? { defaultValue: current }
          : typeof current === "boolean"
            ? { defaultChecked: current }
            : {};
      return { ...initial, ...props } as UseFormRegisterReturn<typeof path>;
    };

    const reset: UseFormReset<FieldValues> = (values, resetOptions) => {
      checks.clear();
      submitting?.abort();
      setResult(undefined);
      setServerError(undefined);
      form.reset(values, resetOptions);
    };

    const start = () => {
      mounted = true;
      sync();
      return () => {
        mounted = false;
        subscribed = null;
        stop();
        checks.clear(true);
        submitting?.abort();
      };
    };

    const bound = {
      submit,
      register,
      reset,
      onFieldBlur,
      validateOnServer: async (path: string) => checks.validate?.(path),
    };
    return [start, sync, bound] as const;
  });

  useEffect(start, [start]);
  // The option and the metadata may change from one render to the next.
  useEffect(sync);

  const { setFocus } = methods;
  useEffect(() => {
    if (focusRequest) setFocus(focusRequest.path as Path<z.input<TSchema>>);
  }, [focusRequest, setFocus]);

  return {
    ...methods,
    ...(bound as unknown as Pick<
      MizanFormReturn<z.input<TSchema>, z.output<TSchema>, TResult>,
      keyof typeof bound
    >),
    name,
    meta,
    version,
    result,
    serverError,
    isServerValidating,
    isServerSubmitting,
    catalog,
  };
}
