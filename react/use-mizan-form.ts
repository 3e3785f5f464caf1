import { zodResolver } from "@hookform/resolvers/zod";
import { type BaseSyntheticEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormProps,
  type UseFormRegister,
  type UseFormReset,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import type { ValidationDetails, WireErrorItem } from "../src/core/errors.js";
import { formDefaults } from "./default-values.js";
import { serverErrorOption } from "./error-messages.js";
import {
  byFieldOrder,
  errorTarget,
  splitPath,
  toWireValues,
  withoutFilesOutside,
} from "./field-paths.js";
import { LiveValidation } from "./live-validation.js";
import { type FormDescriptor, type MizanFormMeta, serverRuleFields, subFormOf } from "./meta.js";
import { useMizanClient } from "./provider.js";
import {
  isAbort,
  type MizanServerError,
  toServerError,
  validationDetails,
} from "./server-error.js";

export type LiveValidationMode = "blur" | "change";

/**
 * When to ask the server about server-only rules: `"blur"` (default), `"change"` (debounced),
 * an object to pick the fields and delay, or `false` to check them on submit only.
 */
export type LiveValidationOption =
  | false
  | LiveValidationMode
  | {
      on?: LiveValidationMode;
      /** Delay after the last change in `"change"` mode; default 400 ms. */
      debounceMs?: number;
      /** Top-level fields to check live; default: those the metadata marks as having server rules. */
      fields?: readonly string[];
    };

type FormSchemaType = z.ZodType<FieldValues, FieldValues>;

export interface UseMizanFormOptions<
  TSchema extends FormSchemaType = FormSchemaType,
  TResult = unknown,
> extends Omit<
    UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>,
    "resolver" | "defaultValues"
  > {
  /** The form's registered name: calls go to `<name>.validate` and `<name>.submit`. */
  name: string;
  /** The Zod schema generated from the form's JSON Schema (the shared rules). */
  schema: TSchema;
  /** The `<name>.schema` metadata: the renderer's fields, and default values when none are given. */
  meta?: MizanFormMeta;
  /** The form's content hash, sent with each call; the server answers `stale` when it differs. */
  version?: string;
  defaultValues?: DefaultValues<z.input<TSchema>>;
  liveValidation?: LiveValidationOption;
  /** Called with what `onSubmitSuccess` returned. */
  onSuccess?: (result: TResult) => void;
  /** Called when a submit fails with anything but field errors (401, 403, 500, network). */
  onServerError?: (error: MizanServerError) => void;
}

/** What `useMizanForm` adds to react-hook-form's `UseFormReturn`. */
export interface MizanFormExtras<TResult = unknown> {
  name: string;
  meta: MizanFormMeta | undefined;
  version: string | undefined;
  /** `onSubmit` handler: client validation, then `<name>.submit`; never throws. */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** What `onSubmitSuccess` returned, after a successful submit. */
  result: TResult | undefined;
  /** The last submit's failure other than field errors (401/403/500/network). */
  serverError: MizanServerError | undefined;
  /** A `<name>.validate` call is in flight. */
  isServerValidating: boolean;
  /** A `<name>.submit` call is in flight (the renderer disables inputs meanwhile). */
  isServerSubmitting: boolean;
  /** Check one field's server-only rules now. */
  validateOnServer: (path: string) => Promise<void>;
  /** Tell the form a field lost focus (widgets built on `Controller` call this from `onBlur`). */
  onFieldBlur: (path: string) => void;
}

export type MizanFormReturn<
  TValues extends FieldValues = FieldValues,
  TOutput = TValues,
  TResult = unknown,
> = UseFormReturn<TValues, unknown, TOutput> & MizanFormExtras<TResult>;

const warnedStale = new Set<string>();

function isDevelopment(): boolean {
  // Vite replaces `import.meta.env`; webpack and others the literal `process.env.NODE_ENV`.
  // A browser with neither counts as production.
  const env = (import.meta as ImportMeta & { env?: { DEV?: unknown } }).env;
  if (typeof env?.DEV === "boolean") return env.DEV;
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return false;
  }
}

function liveSettings(option: LiveValidationOption | undefined) {
  if (option === false) return { on: undefined, debounceMs: 0, fields: undefined };
  if (option === undefined || typeof option === "string") {
    return { on: option ?? "blur", debounceMs: 400, fields: undefined };
  }
  return { on: option.on ?? "blur", debounceMs: option.debounceMs ?? 400, fields: option.fields };
}

/** `billing-email` → `email` for a form with prefix `billing` (the server's field names). */
function unprefixed(meta: FormDescriptor | undefined, key: string): string {
  const prefix = meta?.prefix;
  return prefix && key.startsWith(`${prefix}-`) ? key.slice(prefix.length + 1) : key;
}

function multipleFilesAt(meta: FormDescriptor | undefined, path: string): boolean {
  let form = meta;
  const keys = splitPath(path);
  for (let i = 0; i < keys.length && form; i++) {
    const field = form.fields[keys[i] ?? ""];
    if (!field) return false;
    if (i === keys.length - 1) return field.widget.allow_multiple_selected;
    form = subFormOf(field);
    if (field.type === "FormSet") i++;
  }
  return false;
}

/**
 * A react-hook-form form wired to a mizan Form: the generated Zod schema validates in the
 * browser, `<name>.validate` checks server-only rules live, `submit` sends `<name>.submit`
 * and puts its errors on the right fields. Generated hooks (`useContactForm()`) call this.
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
  const {
    name,
    schema,
    meta,
    version: versionOption,
    defaultValues,
    liveValidation,
    onSuccess,
    onServerError,
    ...formProps
  } = options;
  const client = useMizanClient();
  const version = versionOption ?? meta?.version;

  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const initialValues = useMemo(
    () =>
      defaultValues ?? (meta ? (formDefaults(meta) as DefaultValues<z.input<TSchema>>) : undefined),
    [defaultValues, meta],
  );
  const useFormProps: UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>> = {
    mode: "onTouched",
    ...formProps,
    resolver,
  };
  if (initialValues !== undefined) useFormProps.defaultValues = initialValues;
  const methods = useForm<z.input<TSchema>, unknown, z.output<TSchema>>(useFormProps);

  const [result, setResult] = useState<TResult | undefined>(undefined);
  const [serverError, setServerError] = useState<MizanServerError | undefined>(undefined);
  const [isServerValidating, setServerValidating] = useState(false);
  const [isServerSubmitting, setServerSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ path: string } | null>(null);

  // The latest options, read by callbacks that outlive a render.
  const latest = useRef({
    name,
    schema,
    meta,
    version,
    client,
    liveValidation,
    onSuccess,
    onServerError,
  });
  latest.current = {
    name,
    schema,
    meta,
    version,
    client,
    liveValidation,
    onSuccess,
    onServerError,
  };
  const submitController = useRef<AbortController | null>(null);

  const { getValues, setFocus } = methods;
  const untyped = methods as unknown as UseFormReturn<FieldValues>;

  const wireValues = useCallback(
    () => toWireValues(getValues(), (path) => multipleFilesAt(latest.current.meta, path)),
    [getValues],
  );

  const [live] = useState(
    () =>
      new LiveValidation({
        validate: (args, signal) =>
          latest.current.client.call(`${latest.current.name}.validate`, args, { signal }),
        version: () => latest.current.version,
        serverFieldOf: (path) => {
          const { liveValidation: option, meta: form } = latest.current;
          const settings = liveSettings(option);
          if (!settings.on) return undefined;
          const top = splitPath(path)[0] ?? "";
          const fields =
            settings.fields ?? (form ? serverRuleFields(form as MizanFormMeta) : undefined);
          // Unmarked metadata cannot tell which fields have clean<Field>() hooks: check all.
          if (fields && !fields.includes(top) && !fields.includes(unprefixed(form, top)))
            return undefined;
          return unprefixed(form, top);
        },
        values: () => getValues(),
        // A check of one field need not upload the form's other files on every blur.
        wireValues: (top) => withoutFilesOutside(wireValues(), top),
        hasClientError: async (path) => {
          const parsed = await latest.current.schema.safeParseAsync(getValues());
          if (parsed.success) return false;
          return parsed.error.issues.some((issue) => {
            const at = issue.path.map(String).join(".");
            return at === path || at.startsWith(`${path}.`);
          });
        },
        setServerError: (target, items) =>
          untyped.setError(target as Path<FieldValues>, serverErrorOption(items)),
        clearServerError: (target) => {
          if (untyped.getFieldState(target as Path<FieldValues>).error?.type === "server") {
            untyped.clearErrors(target as Path<FieldValues>);
          }
        },
        onBusyChange: setServerValidating,
        onStale: () => {
          const formName = latest.current.name;
          if (isDevelopment() && !warnedStale.has(formName)) {
            warnedStale.add(formName);
            console.warn(
              `mizan: the "${formName}" form changed on the server; regenerate the client (npx mizan generate) so the browser runs the same rules.`,
            );
          }
        },
      }),
  );

  const { subscribe } = methods;
  useEffect(() => {
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ values, name: changed, type }) => {
        live.valuesChanged(values);
        const settings = liveSettings(latest.current.liveValidation);
        if (settings.on === "change" && changed && type === "change") {
          live.schedule(changed, settings.debounceMs);
        }
      },
    });
    return () => {
      unsubscribe();
      live.abortAll();
      submitController.current?.abort();
    };
  }, [subscribe, live]);

  useEffect(() => {
    if (focusRequest) setFocus(focusRequest.path as Path<z.input<TSchema>>);
  }, [focusRequest, setFocus]);

  const onFieldBlur = useCallback(
    (path: string) => {
      if (liveSettings(latest.current.liveValidation).on) void live.validate(path);
    },
    [live],
  );
  const validateOnServer = useCallback((path: string) => live.validate(path), [live]);

  const applyDetails = useCallback(
    (details: ValidationDetails) => {
      const values = getValues();
      const order = byFieldOrder(Object.keys(details.fields), latest.current.meta?.field_order);
      let focus: string | undefined;
      for (const key of order) {
        const items = details.fields[key] as WireErrorItem[];
        if (!items.length) continue;
        const target = errorTarget(values, key);
        untyped.setError(target as Path<FieldValues>, serverErrorOption(items));
        live.track(target, key);
        if (focus === undefined && target === key) focus = key;
      }
      if (details.non_field.length) {
        untyped.setError("root.server", serverErrorOption(details.non_field));
      }
      if (focus !== undefined) setFocusRequest({ path: focus });
    },
    [getValues, untyped, live],
  );

  const submit = useMemo(
    () =>
      methods.handleSubmit(async () => {
        const { client: caller, name: formName, version: formVersion } = latest.current;
        live.clear();
        submitController.current?.abort();
        const controller = new AbortController();
        submitController.current = controller;
        setServerError(undefined);
        setResult(undefined);
        setServerSubmitting(true);
        const args: { data: unknown; version?: string } = { data: wireValues() };
        if (formVersion !== undefined) args.version = formVersion;
        try {
          const value = (await caller.call(`${formName}.submit`, args, {
            signal: controller.signal,
          })) as TResult;
          if (controller.signal.aborted) return;
          setResult(value);
          latest.current.onSuccess?.(value);
        } catch (thrown) {
          if (isAbort(thrown, controller.signal)) return;
          const error = toServerError(thrown);
          const details = validationDetails(error);
          if (details) {
            applyDetails(details);
            return;
          }
          setServerError(error);
          untyped.setError(
            "root.server",
            serverErrorOption([{ code: error.code, message: error.message }]),
          );
          latest.current.onServerError?.(error);
        } finally {
          if (submitController.current === controller) {
            submitController.current = null;
            setServerSubmitting(false);
          }
        }
      }),
    [methods.handleSubmit, live, wireValues, applyDetails, untyped],
  );

  const register = useCallback<UseFormRegister<FieldValues>>(
    (path, registerOptions) => {
      const props = untyped.register(path, registerOptions);
      return {
        ...props,
        onBlur: async (event) => {
          const out = await props.onBlur(event);
          onFieldBlur(path);
          return out;
        },
      };
    },
    [untyped, onFieldBlur],
  );

  const reset = useCallback<UseFormReset<FieldValues>>(
    (values, resetOptions) => {
      live.clear();
      submitController.current?.abort();
      setResult(undefined);
      setServerError(undefined);
      untyped.reset(values, resetOptions);
    },
    [live, untyped],
  );

  return {
    ...methods,
    register: register as unknown as UseFormRegister<z.input<TSchema>>,
    reset: reset as unknown as UseFormReset<z.input<TSchema>>,
    name,
    meta,
    version,
    submit,
    result,
    serverError,
    isServerValidating,
    isServerSubmitting,
    validateOnServer,
    onFieldBlur,
  };
}
