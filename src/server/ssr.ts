import type { User } from "../core/context.js";
import { contextKey, type SerializedContexts } from "../core/context-key.js";
import { type DispatchOptions, dispatchContext } from "../core/dispatch.js";
import { MizanError } from "../core/errors.js";
import { withLocale } from "../core/locale.js";
import { defaultRegistry } from "../core/registry.js";
import type { HandlerOptions } from "./handler.js";
import { negotiate, resolveLanguages } from "./language.js";

/** What the SSR helpers read of a handler's options (pass the very object given to createHandler). */
export type ContextResolveOptions = Pick<
  HandlerOptions,
  | "registry"
  | "getUser"
  | "app"
  | "debug"
  | "onError"
  | "languages"
  | "defaultLanguage"
  | "languageCookie"
>;

/** A context instance to render: its name and arguments (`{}` when left out). */
export interface ContextRequest {
  name: string;
  args?: Record<string, unknown>;
}

const DEFAULT_ID = "mizan-contexts";

/**
 * Resolve context instances for one page request, in parallel, each through the same dispatch
 * step as `GET {base}/ctx/<name>/` (auth, input validation, error envelopes). `getUser` runs
 * once for all of them. Never throws: a failing instance becomes an entry with `error` (its
 * code and safe message, as the wire would carry them); everything is per call, so concurrent
 * requests share nothing. With `languages`, contexts run in the request's negotiated language
 * (`ctx.language`), as through the handler.
 *
 * @example
 * const state = await resolveContexts(request, [{ name: "greet", args: { name: "Ada" } }], {
 *   registry,
 *   getUser,
 * });
 */
export function resolveContexts(
  request: Request,
  contexts: readonly ContextRequest[],
  options: ContextResolveOptions = {},
): Promise<SerializedContexts> {
  const languages = resolveLanguages(options);
  if (!languages) return resolveIn(request, contexts, options);
  const language = negotiate(request, languages);
  return withLocale(language, () => resolveIn(request, contexts, options));
}

async function resolveIn(
  request: Request,
  contexts: readonly ContextRequest[],
  options: ContextResolveOptions,
): Promise<SerializedContexts> {
  let user: Promise<User | null | undefined> | undefined;
  const getUser = options.getUser;
  const dispatchOptions: DispatchOptions = {
    registry: options.registry,
    app: options.app,
    debug: options.debug ?? false,
    onError: options.onError,
    // One user per page request, however many contexts it renders.
    getUser: getUser && ((req) => (user ??= Promise.resolve(getUser(req)))),
  };
  const entries = await Promise.all(
    contexts.map(async ({ name, args = {} }) => {
      const outcome = await dispatchContext(name, args, request, dispatchOptions);
      const key = contextKey(name, args);
      if (outcome.kind === "result") {
        // The value as it travels on the wire (Dates as strings, undefined as null).
        const { result } = JSON.parse(outcome.json) as { result: unknown };
        return [key, { name, args, result }] as const;
      }
      if (outcome.kind === "error") {
        const { code, message } = outcome.body.error;
        return [key, { name, args, error: { code, message } }] as const;
      }
      // A context that answered with its own Response has no value to render.
      const error = { code: "INTERNAL", message: new MizanError("INTERNAL").message };
      return [key, { name, args, error }] as const;
    }),
  );
  const state: SerializedContexts = {};
  for (const [key, entry] of entries) state[key] = entry;
  return state;
}

/**
 * Resolve every global context (`context: "global"`) for a page request: `resolveContexts`
 * with each global context of the registry and `{}` as its args. Takes the same options as
 * `createHandler` (registry, getUser, app, debug, onError); a failing context becomes an error
 * entry, never a throw.
 *
 * @example
 * const options = { registry, getUser: (req: Request) => sessions.userFrom(req) };
 * const handler = createHandler(options);
 * // in the page route:
 * const state = await resolveGlobalContexts(request, options);
 * html = html.replace("</body>", `${contextsScript(state)}</body>`);
 */
export function resolveGlobalContexts(
  request: Request,
  options: ContextResolveOptions = {},
): Promise<SerializedContexts> {
  const registry = options.registry ?? defaultRegistry;
  const globals = registry.names().filter((name) => registry.get(name)?.context === "global");
  return resolveContexts(
    request,
    globals.map((name) => ({ name })),
    options,
  );
}

const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * Context state as JSON text safe inside `<script type="application/json">`: `<`, `>`, `&`,
 * U+2028 and U+2029 are written as `\uXXXX` escapes, so a `</script>` or `<!--` in the data
 * cannot end the element. `JSON.parse` reads it back unchanged.
 *
 * @example
 * serializeContexts({ "x {}": { name: "x", args: {}, result: "</script>" } });
 * // '{"x {}":{"name":"x","args":{},"result":"\\u003c/script\\u003e"}}'
 */
export function serializeContexts(state: SerializedContexts): string {
  return JSON.stringify(state).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const escapeAttribute = (value: string) =>
  value.replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The whole tag the client reads back with `readSerializedContexts()`:
 * `<script type="application/json" id="mizan-contexts">…</script>` (another `id` if given; a
 * `nonce` when a CSP asks for one on every script element).
 *
 * @example
 * const tag = contextsScript(await resolveGlobalContexts(request, options));
 */
export function contextsScript(
  state: SerializedContexts,
  options: { id?: string; nonce?: string } = {},
): string {
  const id = escapeAttribute(options.id ?? DEFAULT_ID);
  const nonce = options.nonce === undefined ? "" : ` nonce="${escapeAttribute(options.nonce)}"`;
  return `<script type="application/json" id="${id}"${nonce}>${serializeContexts(state)}</script>`;
}
