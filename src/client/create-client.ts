import type { Manifest } from "../core/registry.js";
import type { MizanClientError } from "./client-error.js";
import { type CsrfOption, csrfToken } from "./csrf.js";
import { envelopeCaller } from "./envelopes.js";
import { multipartBody } from "./files.js";
import { bodyFrom, type FetchLike, resultFrom, send } from "./http.js";
import type { ClientPlugin } from "./plugin.js";
import type {
  CallBodyEncoder,
  CallOptions,
  EnvelopeListener,
  MizanClient,
  Transport,
} from "./transport.js";

export interface ClientOptions {
  /** The server's base URL, e.g. `"/api/mizan"` or `"https://api.example.com/api/mizan"`. */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Sent with every request; a function is called per request (auth tokens). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /**
   * The CSRF token header sent with calls. Default `true`: in a browser, the `csrftoken`
   * cookie (which the server issues) goes back as `X-CSRFToken`; `false` sends none.
   */
  csrf?: CsrfOption;
  /**
   * Replaces HTTP for calls (e.g. an in-process transport); `manifest()` still uses HTTP, and
   * so does `context()` unless the transport has a `context` of its own (`inProcessTransport`)
   * and no `baseUrl` is given.
   */
  transport?: Transport;
  /**
   * Opt-in parts, so a page downloads only what it uses: `retry()` retries the manifest and
   * context GETs on network errors and 5xx (without it nothing is retried; calls never are).
   */
  plugins?: readonly ClientPlugin[];
  /**
   * Told every successful call's `invalidate`/`merge` (when they name a context), like a
   * listener added with `client.onEnvelope`.
   */
  onEnvelope?: EnvelopeListener | undefined;
}

/** `{base}/ctx/<name>/`, with `?args=<JSON>` unless there are none. */
function contextUrl(base: string, name: string, args: Record<string, unknown>): string {
  const url = `${base}/ctx/${encodeURIComponent(name)}/`;
  return Object.keys(args).length === 0
    ? url
    : `${url}?args=${encodeURIComponent(JSON.stringify(args))}`;
}

async function baseHeaders(option: ClientOptions["headers"]): Promise<Headers> {
  const init = typeof option === "function" ? await option() : option;
  const headers = new Headers(init);
  headers.set("accept", "application/json");
  return headers;
}

const baseOf = (options: ClientOptions): string => (options.baseUrl ?? "").replace(/\/+$/, "");

const fetchOf = (options: ClientOptions): FetchLike =>
  options.fetch ?? ((input, init) => globalThis.fetch(input, init));

/** Runs a GET through the first plugin with `get` (`retry()`), else once. */
function getOf(options: ClientOptions) {
  const plugin = options.plugins?.find((p) => p.get);
  return <T>(attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> =>
    plugin?.get ? plugin.get(attempt, signal) : attempt();
}

/**
 * A call's body as `{"fn","args"}` JSON; a File or Blob in `args` (which JSON would send as
 * `{}`) is refused with a TypeError naming `multipart()`.
 */
const jsonBody: CallBodyEncoder = (name, args, headers) => {
  headers.set("content-type", "application/json");
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (typeof Blob !== "undefined" && value instanceof Blob) {
      throw new TypeError(
        "mizan: a file needs plugins: [multipart()] or encode: multipartBody (mizan/client).",
      );
    }
    return value;
  });
  // JSON.stringify gives undefined for a function or undefined: no args, as the server reads it.
  return `{"fn":${JSON.stringify(name)},"args":${(json as string | undefined) ?? "{}"}}`;
};

function requireBase(options: ClientOptions, method: string): void {
  if (options.baseUrl === undefined) {
    throw new TypeError(
      `createClient: ${method}() needs a baseUrl (createInProcessClient serves it in-process).`,
    );
  }
}

/**
 * `createClient`'s calls and their envelopes, without `context()` and `manifest()`: what
 * `<MizanProvider baseUrl>` needs for forms and functions. The context hooks bring
 * `contextReader` themselves, so pages without contexts download neither reader. Calls are
 * JSON (files refused) unless a plugin (`multipart()`) or the call's `encode` makes the body.
 */
export function createCaller(
  options: ClientOptions,
  /** The body of calls without an `encode` of their own, unless a plugin makes it. */
  defaultBody: CallBodyEncoder = jsonBody,
): Pick<MizanClient, "call" | "onEnvelope"> {
  if (options.baseUrl === undefined && !options.transport) {
    throw new TypeError("createClient: give a baseUrl or a transport.");
  }
  if ((options as { retry?: unknown }).retry !== undefined) {
    throw new TypeError("createClient: retry is now plugins: [retry()] (mizan/client).");
  }
  const base = baseOf(options);
  const fetchImpl = fetchOf(options);

  const clientBody = options.plugins?.find((p) => p.body)?.body ?? defaultBody;
  const httpCall: Transport = async (name, args, { signal, onEnvelope, encode }) => {
    for (let retry = false; ; retry = true) {
      const { csrf } = options;
      const headers = await baseHeaders(options.headers);
      const token = await csrfToken(csrf);
      if (token) {
        headers.set(
          (typeof csrf === "object" ? csrf.headerName : undefined) ?? "X-CSRFToken",
          token,
        );
      }
      const body = (encode ?? clientBody)(name, args ?? {}, headers);
      const response = await send(
        fetchImpl,
        `${base}/call/`,
        { method: "POST", headers, body },
        signal,
      );
      try {
        return await resultFrom(response, signal, onEnvelope);
      } catch (error) {
        // The server refuses for CSRF before running anything, and issues a token with that 403
        // when the browser had none: one retry, only when a different token is now at hand.
        if (
          retry ||
          response.status !== 403 ||
          signal?.aborted ||
          (error as MizanClientError).code !== "CSRF_FAILED" ||
          (await csrfToken(csrf)) === token
        ) {
          throw error;
        }
      }
    }
  };

  return envelopeCaller(options.transport ?? httpCall, options.onEnvelope);
}

/** `createClient`'s `context()`: a context's GET (or an in-process transport's own reader). */
export function contextReader(options: ClientOptions): MizanClient["context"] {
  const get = getOf(options);
  const fetchImpl = fetchOf(options);
  return async <TResult>(
    name: string,
    args: Record<string, unknown> = {},
    callOptions: Pick<CallOptions, "signal"> = {},
  ) => {
    // An in-process transport reads contexts itself; a custom one needs HTTP for them.
    const own = (options.transport as { context?: Transport } | undefined)?.context;
    if (own && options.baseUrl === undefined) {
      return own(name, args, { signal: callOptions.signal }) as Promise<TResult>;
    }
    requireBase(options, "context");
    const { signal } = callOptions;
    const url = contextUrl(baseOf(options), name, args);
    return get(async () => {
      const headers = await baseHeaders(options.headers);
      const response = await send(fetchImpl, url, { headers }, signal);
      return (await resultFrom(response, signal)) as TResult;
    }, signal);
  };
}

/**
 * A client for a mizan server: `call(fn, args)` posts to `{baseUrl}/call/`, `context(name,
 * args)` gets `{baseUrl}/ctx/<name>/`, `manifest()` gets `{baseUrl}/manifest/`. Errors reject
 * as MizanClientError with the server's code. `onEnvelope` listeners hear every successful
 * call's context changes. A call whose `args` hold a File or Blob is sent as
 * `multipart/form-data`. GETs are retried only with the `retry()` plugin.
 *
 * @example
 * const api = createClient({ baseUrl: "/api/mizan" });
 * const patient = createClient({ baseUrl: "/api/mizan", plugins: [retry({ retries: 3 })] });
 * const { message } = await api.call<{ message: string }>("echo", { text: "hi" });
 * const user = await api.context("currentUser");
 * const stop = api.onEnvelope((envelope) => store.apply(envelope));
 */
export function createClient(options: ClientOptions): MizanClient {
  const caller = createCaller(options, multipartBody);
  const get = getOf(options);
  const fetchImpl = fetchOf(options);
  return {
    ...caller,
    context: contextReader(options),
    async manifest(callOptions: CallOptions = {}) {
      requireBase(options, "manifest");
      const { signal } = callOptions;
      return get(async () => {
        const headers = await baseHeaders(options.headers);
        const response = await send(fetchImpl, `${baseOf(options)}/manifest/`, { headers }, signal);
        return (await bodyFrom(response, signal)) as Manifest;
      }, signal);
    },
  };
}
