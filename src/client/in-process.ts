import { type App, createContext, type User } from "../core/context.js";
import { MizanError } from "../core/errors.js";
import { defaultRegistry, type Manifest, type Registry } from "../core/registry.js";
import { isFrameworkResponse } from "../core/response.js";
import { MizanClientError } from "./client-error.js";
import type { CallOptions, MizanClient, Transport } from "./transport.js";

export interface InProcessOptions {
  /** Default: the registry `register()` fills. */
  registry?: Registry;
  /** Called once per call with a stand-in Request, as the HTTP handler calls it. */
  getUser?: (request: Request) => User | null | undefined | Promise<User | null | undefined>;
  app?: App;
  /** As the handler's `debug`: a 500's original message in its details. */
  debug?: boolean;
  /** As the handler's `onError`: told about every unexpected throw (default console.error). */
  onError?: (error: unknown, info: { fn: string | null }) => void;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The result as it would arrive over the wire (`undefined` → null, Dates → strings, …). */
function overTheWire(result: unknown): unknown {
  if (isFrameworkResponse(result)) return result;
  return JSON.parse(JSON.stringify(result ?? null));
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
 * A Transport that calls the registry directly, in the same process: no HTTP, but the same
 * envelope checks, the same context (`createContext`), and the same errors — MizanClientError
 * with the code, status, message and details the HTTP handler would have sent.
 *
 * @example
 * const api = createClient({ transport: inProcessTransport({ registry }) });
 */
export function inProcessTransport(options: InProcessOptions = {}): Transport {
  const registry = options.registry ?? defaultRegistry;
  const onError =
    options.onError ??
    ((error: unknown, { fn }: { fn: string | null }) =>
      console.error(`[mizan] unexpected error${fn ? ` in "${fn}"` : ""}:`, error));

  const run = async (name: unknown, args: unknown, signal: AbortSignal | undefined) => {
    if (typeof name !== "string" || name === "") {
      throw new MizanError("BAD_REQUEST", 'The call needs a "fn" string.');
    }
    if (args !== undefined && !isPlainObject(args)) {
      throw new MizanError("BAD_REQUEST", '"args" must be a JSON object.');
    }
    if (!registry.has(name)) throw new MizanError("NOT_FOUND", `Unknown function "${name}".`);
    const request = new Request("http://localhost/");
    const user = options.getUser ? await options.getUser(request) : null;
    const ctx = createContext({
      request,
      user: user ?? null,
      app: options.app,
      ...(signal && { signal }),
    });
    return overTheWire(await registry.call(name, ctx, args ?? {}));
  };

  return (name, args, { signal }: CallOptions) =>
    abortable(
      run(name, args, signal).catch((thrown: unknown) => {
        const error = MizanError.fromUnknown(thrown);
        if (error.code === "INTERNAL") {
          try {
            onError(thrown, { fn: typeof name === "string" ? name : null });
          } catch {
            // A failing logger must not hide the error itself.
          }
        }
        // No `cause`: the original throw stays on the server side, as over HTTP.
        const { message, details } = error.toEnvelope(options.debug ?? false).error;
        throw new MizanClientError(error.code, error.status, message, details);
      }),
      signal,
    );
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
  return {
    call<TResult>(name: string, args: unknown = {}, callOptions: CallOptions = {}) {
      return transport(name, args, callOptions) as Promise<TResult>;
    },
    async manifest(callOptions: CallOptions = {}) {
      const manifest = JSON.parse(JSON.stringify(registry.manifest())) as Manifest;
      return abortable(Promise.resolve(manifest), callOptions.signal);
    },
  };
}
