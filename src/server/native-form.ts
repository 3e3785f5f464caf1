import type { DispatchOptions, DispatchOutcome } from "../core/dispatch.js";
import { dispatch, errorOutcome } from "../core/dispatch.js";
import { MizanError, type ValidationDetails } from "../core/errors.js";
import { withLocale } from "../core/locale.js";
import { defaultRegistry } from "../core/registry.js";
import type { FormMeta } from "../forms/form-meta.js";
import { decodeFormData, type FormEntry, withoutFiles } from "../forms/native-decode.js";
import { CSRF_FIELD_NAME, NEXT_FIELD_NAME } from "../forms/native-names.js";
import { type CsrfOptions, createCsrf } from "./csrf.js";
import {
  type LanguageOptions,
  negotiate,
  resolveLanguages,
  setLanguageHeaders,
} from "./language.js";
import { type Limits, resolveLimits } from "./limits.js";
import { readFormEntries } from "./native-body.js";

/** What a native form post came to (see `handleFormPost`). */
export type FormPostState =
  | {
      status: "ok";
      /** `onSubmitSuccess`'s result (`null` when it returns nothing). */
      result: unknown;
      /** A safe `next` path, else the form's `successUrl`; absent with neither. */
      redirect?: string;
      /** Headers the submit set (`ctx.setCookie`…): send them with your answer. */
      headers: Headers;
    }
  | {
      status: "invalid";
      /** What the user sent, decoded to the form's wire shape, files left out. */
      values: Record<string, unknown>;
      /** The same shape as a 422's `details`: `fields` by wire path, and `non_field`. */
      errors: ValidationDetails;
      headers: Headers;
    };

/** What `handleFormPost` needs of a handler's configuration (all optional, as there). */
export interface FormPostOptions
  extends Pick<DispatchOptions, "registry" | "getUser" | "app" | "debug" | "onError">,
    LanguageOptions {
  limits?: Partial<Limits>;
  /** As `createHandler`'s `csrf`: on by default (the `csrfmiddlewaretoken` field). */
  csrf?: CsrfOptions | false;
}

/** @internal The handler's already-built pieces. */
export interface FormPostEnv {
  dispatchOptions: DispatchOptions;
  limits: Readonly<Limits>;
  csrf: ReturnType<typeof createCsrf>;
}

type ErrorOutcome = Extract<DispatchOutcome, { kind: "error" }>;

/** @internal Every way a native post can end. */
export type FormPostOutcome =
  | { kind: "state"; state: FormPostState }
  | { kind: "response"; response: Response; headers: Headers }
  | { kind: "error"; outcome: ErrorOutcome };

type FormCtor = Parameters<typeof decodeFormData>[0] & { meta?: FormMeta | undefined };

/**
 * A same-origin path to redirect to, or null: it starts with a single `/` (no `//`, no
 * backslash, no scheme), has no control characters, and resolves to the same origin.
 *
 * @example
 * safeNextPath("/thanks/?id=3"); // "/thanks/?id=3"
 * safeNextPath("//evil.com");    // null
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  const base = "http://mizan.invalid";
  try {
    return new URL(value, base).origin === base ? value : null;
  } catch {
    return null;
  }
}

function lastText(entries: readonly FormEntry[], name: string): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const [key, value] = entries[i] as FormEntry;
    if (key === name && typeof value === "string") return value;
  }
  return null;
}

function formOf(env: FormPostEnv, name: string): FormCtor | null {
  const fn = (env.dispatchOptions.registry ?? defaultRegistry).get(`${name}.submit`);
  const form = (fn as { form?: unknown } | undefined)?.form;
  return fn?.meta.kind === "submit" && typeof form === "function" ? (form as FormCtor) : null;
}

function successUrl(form: FormCtor, result: unknown): string | undefined {
  const url = form.meta?.successUrl;
  return typeof url === "function" ? url(result) : url;
}

/** @internal The native post pipeline shared by the endpoint and `handleFormPost`. */
export async function runFormPost(
  request: Request,
  name: string,
  env: FormPostEnv,
): Promise<FormPostOutcome> {
  const fail = (thrown: unknown, fn: string | null = null): FormPostOutcome => ({
    kind: "error",
    outcome: errorOutcome(thrown, { request, fn }, env.dispatchOptions),
  });
  const form = formOf(env, name);
  if (!form) {
    request.body?.cancel().catch(() => {});
    return fail(new MizanError("NOT_FOUND", `Unknown form "${name}".`));
  }
  let entries: FormEntry[];
  try {
    entries = await readFormEntries(request, env.limits);
    env.csrf?.check(request, lastText(entries, CSRF_FIELD_NAME));
  } catch (thrown) {
    return fail(thrown);
  }
  const decoded = decodeFormData(form, entries);
  const args = { data: decoded.data };
  const values = withoutFiles(decoded.data) as Record<string, unknown>;
  const invalid = (errors: ValidationDetails, headers: Headers): FormPostOutcome => ({
    kind: "state",
    state: { status: "invalid", values, errors, headers },
  });
  if (Object.keys(decoded.errors).length > 0) {
    // A broken ManagementForm: nothing is submitted; validate (auth included) shows the rest.
    const outcome = await dispatch(`${name}.validate`, args, request, env.dispatchOptions);
    if (outcome.kind === "error") return { kind: "error", outcome };
    if (outcome.kind !== "result") return fail(new Error(`${name}.validate answered oddly.`));
    const errors = (outcome.body.result as { errors: ValidationDetails }).errors;
    for (const [path, items] of Object.entries(decoded.errors)) {
      errors.fields[path] = [
        ...(errors.fields[path] ?? []),
        ...items.map(({ message, code }) => ({ message, code })),
      ];
    }
    return invalid(errors, outcome.headers);
  }
  const outcome = await dispatch(`${name}.submit`, args, request, env.dispatchOptions);
  if (outcome.kind === "response") return outcome;
  if (outcome.kind === "framework") return fail(new Error("unreachable"), `${name}.submit`);
  if (outcome.kind === "error") {
    if (outcome.error.code !== "VALIDATION_FAILED") return { kind: "error", outcome };
    return invalid(outcome.error.details as ValidationDetails, outcome.headers);
  }
  const result = outcome.body.result;
  let redirect: string | undefined;
  try {
    const next =
      lastText(entries, NEXT_FIELD_NAME) ?? new URL(request.url).searchParams.get("next");
    redirect = safeNextPath(next) ?? successUrl(form, result);
  } catch (thrown) {
    return fail(thrown, `${name}.submit`);
  }
  const state: FormPostState = { status: "ok", result, headers: outcome.headers };
  if (redirect !== undefined) state.redirect = redirect;
  return { kind: "state", state };
}

/**
 * Handle a native (pre-JavaScript) post of a registered form in your own route, for apps that
 * render their own pages (Express + react-dom/server, React Router and Next.js actions): the
 * body is decoded from Django-style names (`decodeFormData`), the `csrfmiddlewaretoken` field
 * checked against the `csrftoken` cookie, and `<name>.submit` run through the same dispatch
 * as a fetch call (getUser, auth, validation, `onSubmitSuccess`). Answer `ok` with a 303 to
 * `redirect`; re-render `invalid` with `values` and `errors`. Any other failure (400 bad body,
 * 403 CSRF or auth, 401, 404 unknown form, 413, 415) is thrown as a `MizanError` whose
 * `status` to answer with. With `languages` (as `createHandler`'s), messages come in the
 * request's negotiated language and `headers` carry `Content-Language` and `Vary`.
 *
 * @example
 * app.post("/contact", async (req, res) => {
 *   const state = await handleFormPost(toWebRequest(req), "contact", { getUser });
 *   if (state.status === "ok") return res.redirect(303, state.redirect ?? "/thanks/");
 *   res.status(422).send(renderToString(<ContactPage values={state.values} errors={state.errors} />));
 * });
 */
export async function handleFormPost(
  request: Request,
  name: string,
  options: FormPostOptions = {},
): Promise<FormPostState> {
  const env: FormPostEnv = {
    dispatchOptions: {
      registry: options.registry,
      getUser: options.getUser,
      app: options.app,
      debug: options.debug ?? false,
      onError: options.onError,
    },
    limits: resolveLimits(options.limits),
    csrf: createCsrf(options.csrf),
  };
  const post = async (): Promise<FormPostState> => {
    const outcome = await runFormPost(request, name, env);
    if (outcome.kind === "error") throw outcome.outcome.error;
    if (outcome.kind === "response") {
      return { status: "ok", result: outcome.response, headers: outcome.headers };
    }
    return outcome.state;
  };
  const languages = resolveLanguages(options);
  if (!languages) return post();
  const language = negotiate(request, languages);
  const state = await withLocale(language, post);
  setLanguageHeaders(state.headers, language);
  return state;
}
