import type { BaseSyntheticEvent } from "react";
import type {
  DefaultValues,
  FieldValues,
  Path,
  RegisterOptions,
  UseFormProps,
  UseFormRegisterReturn,
  UseFormReturn,
} from "react-hook-form";
import type { $ZodIssue, $ZodType, input, output } from "zod/v4/core";
import type { CallBodyEncoder } from "../src/client/transport.js";
import type { MessageCatalog, MessageCatalogs } from "../src/codegen/runtime/catalog.js";
import type { MizanFormMeta } from "./meta.js";
import type { MizanCaller } from "./provider.js";
import type { MizanServerError } from "./server-error.js";
import type { ServerErrorTracker } from "./server-error-tracker.js";

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

/**
 * The schema `useMizanForm` takes: any Zod 4 schema, `zod/mini` (what `mizan generate` writes by
 * default) or classic `zod` (`--zod classic`), over an object of fields. Both flavors have
 * `safeParseAsync`, which the live validation uses.
 */
export type FormSchemaType = $ZodType<FieldValues, FieldValues> & {
  safeParseAsync(
    data: unknown,
  ): Promise<{ success: true } | { success: false; error: { issues: $ZodIssue[] } }>;
};

export interface UseMizanFormOptions<
  TSchema extends FormSchemaType = FormSchemaType,
  TResult = unknown,
> extends Omit<
    UseFormProps<input<TSchema>, unknown, output<TSchema>>,
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
  defaultValues?: DefaultValues<input<TSchema>>;
  liveValidation?: LiveValidationOption;
  /**
   * Not an option (a hook given it throws a `TypeError`): to start from a failed native post,
   * spread `initialStateOptions(meta, state)` into the options (`defaultValues` and `errors`),
   * so pages that never show one do not download that code. `<MizanForm initialState>` still
   * takes the state itself.
   */
  initialState?: never;
  /**
   * How submits and live checks encode the form's data: generated hooks of forms with file
   * fields pass `multipartBody` (`mizan/client`), since the caller of `<MizanProvider baseUrl>`
   * sends JSON only. Give it to a hand-written hook of such a form (or give the provider
   * `plugins={[multipart()]}`); without either, a submit holding a file fails with a TypeError.
   */
  encode?: CallBodyEncoder | undefined;
  /** Called with what `onSubmitSuccess` returned. */
  onSuccess?: (result: TResult) => void;
  /** Called when a submit fails with anything but field errors (401, 403, 500, network). */
  onServerError?: (error: MizanServerError) => void;
  /**
   * The generated client's `messageCatalogs` (`mizan generate --languages`), which generated
   * hooks pass: default messages in `useMizanLanguage()`'s language, English built in.
   */
  messages?: MessageCatalogs | undefined;
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
  /**
   * The last submit's failure other than field errors (401/403/500/network). Its message is
   * also in `formState.errors.root.server` (with the 422 non-field errors): show one of the two.
   */
  serverError: MizanServerError | undefined;
  /** A `<name>.validate` call is in flight. */
  isServerValidating: boolean;
  /** A `<name>.submit` call is in flight (the renderer disables inputs meanwhile). */
  isServerSubmitting: boolean;
  /** Check one field's server-only rules now. */
  validateOnServer: (path: string) => Promise<void>;
  /** Tell the form a field lost focus (widgets built on `Controller` call this from `onBlur`). */
  onFieldBlur: (path: string) => void;
  /**
   * The catalog the form shows its default messages from (`undefined`: the English ones
   * built in); `<MizanForm>` shows its own texts (Submit, Add, ...) from it too.
   */
  catalog: MessageCatalog | undefined;
}

export type MizanFormReturn<
  TValues extends FieldValues = FieldValues,
  TOutput = TValues,
  TResult = unknown,
> = UseFormReturn<TValues, unknown, TOutput> & MizanFormExtras<TResult>;

/** The options a form's callbacks read when they run (the last render's). */
export interface LatestFormOptions {
  name: string;
  schema: FormSchemaType;
  meta?: MizanFormMeta | undefined;
  version: string | undefined;
  client: MizanCaller;
  liveValidation?: LiveValidationOption | undefined;
  encode?: CallBodyEncoder | undefined;
}

/**
 * A form's live server validation as the hook drives it. `watched()` names the fields whose
 * changes must come to `valuesChanged` (`undefined`: all of them); the option and metadata
 * are read from the latest options.
 */
export interface LiveChecks {
  watched(): string[] | undefined;
  /** Call on every change of a `watched()` field: drops outdated checks and errors. */
  valuesChanged(values: unknown): void;
  /** A field's input changed the value at `path`. */
  changed(path: string): void;
  /** The field at `path` lost focus. */
  blurred(path: string): void;
  /** Ask the server about the value at `path` now. */
  validate(path: string): Promise<void>;
  /**
   * Abort every check and forget tracked errors (a submit or a reset), and cached answers
   * too unless `keepAnswers` (an unmount: the form may show again).
   */
  clear(keepAnswers?: boolean): void;
}

/**
 * Makes a form's live server validation (`useMizanForm` passes `LiveValidation`'s). Without
 * one, the form keeps its server errors until their values change and checks nothing on blur.
 * Its arguments are positional (a plain form page downloads the call, and property names do not
 * minify): the latest options, the form, its values as the wire carries them (the shape's file
 * paths applied), its server errors' tracker (the live checks' errors go
 * there too), `sync` to call when the fields `watched()` names changed (the form subscribes to
 * them instead), and `onBusyChange` for `isServerValidating`.
 */
export type LiveChecksFactory = (
  latest: { readonly current: LatestFormOptions },
  form: UseFormReturn<FieldValues>,
  wireValues: () => unknown,
  tracker: ServerErrorTracker,
  sync: () => void,
  onBusyChange: (busy: boolean) => void,
) => LiveChecks;

/**
 * What the hook reads of a form's metadata, its last three arguments (positional: a plain form
 * page downloads the call, and property names do not minify): `useMizanFormBase` takes forms
 * without nested forms or formsets (`flatFormDefaults`); `useMizanForm` passes the ones that
 * walk into them.
 */
export interface FormShape {
  /** Default values from the metadata (when `defaultValues` is not given). */
  defaults(meta: MizanFormMeta): Record<string, unknown>;
  /** Whether the file input at `path` takes several files. */
  multipleFiles(meta: MizanFormMeta | undefined, path: string): boolean;
  /** react-hook-form's `register` as the hook hands it out (the value rendered aside). */
  register(
    form: UseFormReturn<FieldValues>,
    path: Path<FieldValues>,
    options: RegisterOptions<FieldValues> | undefined,
    onFieldBlur: (path: string) => void,
  ): UseFormRegisterReturn;
}
