import type { App } from "../core/context.js";
import { type DispatchOutcome, dispatch, dispatchContext, type GetUser } from "../core/dispatch.js";
import { withLocale } from "../core/locale.js";
import { defaultRegistry, type Manifest, type Registry } from "../core/registry.js";
import { MizanClientError } from "./client-error.js";
import { envelopeCaller, envelopeOf, headerEnvelope } from "./envelopes.js";
import type { CallOptions, EnvelopeListener, MizanClient, Transport } from "./transport.js";

export interface InProcessOptions {
  /** Default: the registry `register()` fills. */
  registry?: Registry;
  /** Called once per call with a stand-in Request, as the HTTP handler calls it. */
  getUser?: GetUser;
  app?: App;
  /** As the handler's `debug`: a 500's original message in its details. */
  debug?: boolean;
  /** As the handler's `onError`: told about every unexpected throw (default console.error). */
  onError?: (error: unknown, info: { fn: string | null }) => void;
  /** As `createClient`'s `onEnvelope`: told every successful call's context changes. */
  onEnvelope?: EnvelopeListener | undefined;
  /**
   * Run every call in this language (`ctx.language`, default messages), as a handler with
   * `languages` runs a request negotiated to it; needs `AsyncLocalStorage` (see `withLocale`).
   * Left out: the current language. Its table must be registered (`registerLocale`, or
   * `createHandler({ languages })`, which registers the shipped ones).
   */
  language?: string | undefined;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * A Transport that calls the registry directly, in the same process: no HTTP, but the very
 * dispatch step the HTTP handler runs after parsing the body (envelope checks, `getUser`,
 * `createContext`, error envelopes, `onError`), so its results and MizanClientErrors carry
 * the code, status, message and details the handler would have sent. A function's own
 * `Response`, or a framework response, comes back as the object it returned.
 *
 * @example
 * const api = createClient({ transport: inProcessTransport({ registry }) });
 */
export function inProcessTransport(
  options: InProcessOptions = {},
): Transport & { context: Transport } {
  const onError = options.onError;
  const language = options.language;
  const base = {
    registry: options.registry,
    getUser: options.getUser,
    app: options.app,
    debug: options.debug ?? false,
    // The in-process callback is told the function only: there is no real request to show.
    onError: onError && ((error: unknown, { fn }: { fn: string | null }) => onError(error, { fn })),
    frameworkResponses: true,
  };

  const run = async (
    name: unknown,
    args: unknown,
    { signal, onEnvelope }: CallOptions,
    read: typeof dispatch,
  ) => {
    const request = new Request("http://localhost/");
    const dispatchIt = () => read(name, args, request, { ...base, signal });
    const outcome = await (language === undefined
      ? dispatchIt()
      : withLocale(language, dispatchIt));
    return settle(outcome, onEnvelope);
  };

  const transport: Transport = (name, args, callOptions: CallOptions) =>
    abortable(run(name, args, callOptions, dispatch), callOptions.signal);
  return Object.assign(transport, {
    /** Read a context through `dispatchContext`, as `GET {base}/ctx/<name>/` does. */
    context: (name: string, args: unknown, callOptions: CallOptions) =>
      abortable(run(name, args, callOptions, dispatchContext), callOptions.signal),
  });
}

/** An outcome as the caller sees it over HTTP: the result, the Response, or the error thrown. */
function settle(outcome: DispatchOutcome, onEnvelope: CallOptions["onEnvelope"]): unknown {
  switch (outcome.kind) {
    case "result": {
      // The result as it would arrive over the wire (undefined → null, Dates → strings, …).
      const body = JSON.parse(outcome.json) as Record<string, unknown>;
      const envelope = envelopeOf(body);
      if (envelope) onEnvelope?.(envelope);
      return body.result;
    }
    case "response":
    case "framework": {
      const envelope = headerEnvelope(outcome.headers);
      if (envelope) onEnvelope?.(envelope);
      return outcome.response;
    }
    default: {
      // No `cause`: the original throw stays on the server side, as over HTTP.
      const { message, details } = outcome.body.error;
      throw new MizanClientError(outcome.error.code, outcome.status, message, details);
    }
  }
}

/**
 * A client whose calls run in this process against a registry (Storybook, tests, SSR).
 *
 * @example
 * const api = createInProcessClient({ registry, getUser: () => ({ id: 1, isStaff: true }) });
 * await api.call("echo", { text: "hi" }); // { message: "hi" }
 */
export function createInProcessClient(options: InProcessOptions = {}): MizanClient {
  const transport = inProcessTransport(options);
  const registry = options.registry ?? defaultRegistry;
  const { call, onEnvelope } = envelopeCaller(transport, options.onEnvelope);
  return {
    call,
    context<TResult>(
      name: string,
      args: Record<string, unknown> = {},
      callOptions: Pick<CallOptions, "signal"> = {},
    ) {
      return transport.context(name, args, callOptions) as Promise<TResult>;
    },
    onEnvelope,
    async manifest(callOptions: CallOptions = {}) {
      const manifest = JSON.parse(JSON.stringify(registry.manifest())) as Manifest;
      return abortable(Promise.resolve(manifest), callOptions.signal);
    },
  };
}
