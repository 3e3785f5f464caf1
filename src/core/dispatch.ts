import {
  type App,
  builtResponseHeaders,
  createContext,
  REQUEST_SIGNAL,
  type RequestContext,
  type User,
} from "./context.js";
import type { ContextMerge, ContextRef } from "./context-key.js";
import { type Effects, envelope, envelopeEffects, envelopeJson } from "./envelope.js";
import { type ErrorEnvelope, MizanError } from "./errors.js";
import { isRecord } from "./is-plain-object.js";
import { callNow, defaultRegistry, type Registry } from "./registry.js";
import { isFrameworkResponse } from "./response.js";
import { responseHeaders } from "./response-headers.js";
import type { ServerFunction } from "./server-function.js";
import { isThenable } from "./thenable.js";

/** Resolves the signed-in user of a request; `null`/`undefined` when anonymous. */
export type GetUser = (
  request: Request,
) => User | null | undefined | Promise<User | null | undefined>;

/** Told about every unexpected throw (a 500), with the original error. */
export type OnError = (error: unknown, info: { request: Request; fn: string | null }) => void;

/** What every transport (HTTP, in-process) configures once and hands to `dispatch`. */
export interface DispatchOptions {
  /** The functions served (default: the registry `register()` fills). */
  registry?: Registry | undefined;
  /** Called once per call that reaches a known function, before it runs. */
  getUser?: GetUser | undefined;
  /** Passed to every function as `ctx.app`. */
  app?: App | undefined;
  /** Put a 500's original message and stack in its `details` (never in production). */
  debug?: boolean | undefined;
  /** Told about unexpected errors (default `console.error`). */
  onError?: OnError | undefined;
  /** `ctx.signal` (default: the request's own signal). */
  signal?: AbortSignal | undefined;
  /**
   * Whether a framework response (see `setFrameworkResponseBase`) may come back as
   * `kind: "framework"`. A caller that cannot send one (the Web handler) leaves this off, and
   * such a result is then an INTERNAL error that `onError` hears about.
   */
  frameworkResponses?: boolean | undefined;
}

/** The success envelope, as it goes on the wire. */
export interface SuccessEnvelope {
  result: unknown;
  /** Contexts the call changed: the function's `invalidates`, then `ctx.invalidate`s. */
  invalidate: ContextRef[];
  /** New context values from `ctx.merge`, the last one per instance. */
  merge: ContextMerge[];
}

/** The header that names the contexts a call changed when it answers with its own Response. */
export const INVALIDATE_HEADER = "X-Mizan-Invalidate";

/**
 * What one call came to. `headers` are the context's response headers (`ctx.setCookie`, …),
 * to be sent with whatever the answer is, errors included.
 */
export type DispatchOutcome =
  | {
      kind: "result";
      status: 200;
      body: SuccessEnvelope;
      /** `body` as JSON text, already produced (a result that is not JSON fails as INTERNAL). */
      json: string;
      headers: Headers;
    }
  | { kind: "response"; response: Response; headers: Headers }
  | { kind: "framework"; response: unknown; headers: Headers; fn: string }
  | { kind: "error"; status: number; error: MizanError; body: ErrorEnvelope; headers: Headers };

/**
 * A success outcome whose `headers` are the context's, made only when read, and whose `body`
 * is made only when read too (transports send `json`). Getters on the prototype: an object
 * literal with a getter would take V8's slow path.
 */
class ResultOutcome {
  readonly kind = "result" as const;
  readonly status = 200 as const;
  readonly #ctx: RequestContext;
  readonly #result: unknown;
  readonly #effects: Effects | null;
  #body: SuccessEnvelope | undefined;

  constructor(
    result: unknown,
    effects: Effects | null,
    readonly json: string,
    ctx: RequestContext,
  ) {
    this.#result = result;
    this.#effects = effects;
    this.#ctx = ctx;
  }

  get body(): SuccessEnvelope {
    this.#body ??= envelope(this.#result, this.#effects);
    return this.#body;
  }

  get headers(): Headers {
    return this.#ctx.responseHeaders;
  }

  static built(outcome: DispatchOutcome): Headers | undefined {
    return #ctx in outcome ? builtResponseHeaders(outcome.#ctx) : outcome.headers;
  }
}

/**
 * An outcome's headers for a transport that only copies them: `undefined` when the call's
 * context never made any (nothing set a cookie or header), so none are built to be empty.
 *
 * @example
 * const extra = outcomeHeaders(outcome); // Headers | undefined
 * if (extra) for (const [name, value] of extra) res.setHeader(name, value);
 */
export function outcomeHeaders(outcome: DispatchOutcome): Headers | undefined {
  return ResultOutcome.built(outcome);
}

const defaultOnError: OnError = (error, { fn }) => {
  console.error(`[mizan] unexpected error${fn ? ` in "${fn}"` : ""}:`, error);
};

/**
 * Any throw as the error outcome: its envelope and status, and, for an unexpected one (a 500),
 * a word to `onError`. Transports use it for errors of their own steps too (body parsing), so
 * that every error leaves the same way.
 *
 * @example
 * try { await parseBody(request); }
 * catch (thrown) { return errorOutcome(thrown, { request, fn: null }, { debug, onError }); }
 */
export function errorOutcome(
  thrown: unknown,
  info: { request: Request; fn: string | null },
  options: Pick<DispatchOptions, "debug" | "onError">,
  headers: Headers = responseHeaders(),
): Extract<DispatchOutcome, { kind: "error" }> {
  const error = MizanError.fromUnknown(thrown);
  if (error.code === "INTERNAL") {
    try {
      (options.onError ?? defaultOnError)(thrown, info);
    } catch {
      // A failing logger must not turn a 500 into a crash.
    }
  }
  const body = error.toEnvelope(options.debug ?? false);
  return { kind: "error", status: error.status, error, body, headers };
}

/**
 * Run one call the way every transport runs it: check the envelope (`fn` a non-empty string,
 * `args` absent or a plain object), find the function (404), resolve the user once, build the
 * context, invoke, and turn the result or the throw into an outcome. HTTP-only steps (routing,
 * method, CSRF, body parsing and limits) belong to the caller; nothing here knows HTTP beyond
 * the Web `Request` a function sees as `ctx.request`.
 *
 * @example
 * const outcome = await dispatch("echo", { text: "hi" }, new Request("http://localhost/"), {
 *   registry,
 * });
 * if (outcome.kind === "result") outcome.body.result; // { message: "hi" }
 * if (outcome.kind === "error") outcome.status; // 400, 401, 403, 404, 422, 500, …
 */
export function dispatch(
  name: unknown,
  args: unknown,
  request: Request,
  options: DispatchOptions = {},
): Promise<DispatchOutcome> {
  return Promise.resolve(run(name, args, request, options, false));
}

/**
 * @internal `dispatch` for a transport that awaits only when it must: the outcome itself when
 * the call finished without waiting on anything, else its promise.
 */
export function dispatchNow(
  name: unknown,
  args: unknown,
  request: Request,
  options: DispatchOptions,
): DispatchOutcome | Promise<DispatchOutcome> {
  return run(name, args, request, options, false);
}

/**
 * `dispatch` for a context read (`GET {base}/ctx/<name>/`): the same steps, but only a function
 * declared with `context: "global" | "local"` is found (any other name is a 404
 * `Unknown context`).
 *
 * @example
 * const outcome = await dispatchContext("greet", { name: "Ada" }, request, { registry });
 * if (outcome.kind === "result") outcome.body.result; // { message: "Hello, Ada" }
 */
export function dispatchContext(
  name: unknown,
  args: unknown,
  request: Request,
  options: DispatchOptions = {},
): Promise<DispatchOutcome> {
  return Promise.resolve(run(name, args, request, options, true));
}

/**
 * One call, answered as soon as it can be: the outcome itself when the function returned a
 * value (no promise around it, no microtask before the transport writes it), a promise when
 * the user lookup or the function returned one.
 */
function run(
  name: unknown,
  args: unknown,
  request: Request,
  options: DispatchOptions,
  contextOnly: boolean,
): DispatchOutcome | Promise<DispatchOutcome> {
  const fn = typeof name === "string" && name !== "" ? name : null;
  let target: ServerFunction | undefined;
  try {
    if (fn === null) throw new MizanError("BAD_REQUEST", 'The call needs a "fn" string.');
    if (args !== undefined && !isRecord(args)) {
      throw new MizanError("BAD_REQUEST", '"args" must be a JSON object.');
    }
    const registry = options.registry ?? defaultRegistry;
    target = registry.get(fn);
    if (contextOnly && !target?.context) {
      throw new MizanError("NOT_FOUND", `Unknown context "${fn}".`);
    }
    if (!target) throw new MizanError("NOT_FOUND", `Unknown function "${fn}".`);
    if (options.getUser) return runAsUser(fn, target, args, request, options);
  } catch (thrown) {
    return errorOutcome(thrown, { request, fn }, options);
  }
  return invoked(fn, target, args, request, options, null);
}

/** `run` past the checks, once `getUser` has answered. */
async function runAsUser(
  fn: string,
  target: ServerFunction,
  args: unknown,
  request: Request,
  options: DispatchOptions,
): Promise<DispatchOutcome> {
  let user: User | null | undefined;
  try {
    user = await options.getUser?.(request);
  } catch (thrown) {
    return errorOutcome(thrown, { request, fn }, options);
  }
  return invoked(fn, target, args, request, options, user ?? null);
}

/** The context built, the function called, its result or throw as the outcome. */
function invoked(
  fn: string,
  target: ServerFunction,
  args: unknown,
  request: Request,
  options: DispatchOptions,
  user: User | null,
): DispatchOutcome | Promise<DispatchOutcome> {
  let ctx: RequestContext | undefined;
  let result: unknown;
  try {
    ctx = createContext({
      request,
      user,
      // Read on demand: mizan/node's light request makes its AbortSignal only when asked.
      signal: options.signal ?? REQUEST_SIGNAL,
      app: options.app,
      // A Headers that builds undici's only when more than get/has/set is asked.
      responseHeaders,
    });
    result = callNow(options.registry ?? defaultRegistry, fn, target, ctx, args ?? {});
  } catch (thrown) {
    return failed(thrown, fn, request, options, ctx);
  }
  if (isThenable(result)) return settleLater(result, fn, target, request, options, ctx);
  return settled(result, fn, target, request, options, ctx);
}

/**
 * The outcome once the function's promise settles, taken by a reaction, not an `await`: a
 * rejection (a form's 422) then reaches `failed` without a throw (V8 works out where a throw
 * happened, which costs more than the refusal).
 */
function settleLater(
  pending: PromiseLike<unknown>,
  fn: string,
  target: ServerFunction,
  request: Request,
  options: DispatchOptions,
  ctx: RequestContext,
): Promise<DispatchOutcome> {
  return Promise.resolve(pending).then(
    (result) => settled(result, fn, target, request, options, ctx),
    (thrown: unknown) => failed(thrown, fn, request, options, ctx),
  );
}

/** A throw as the outcome, with the headers the context made (context effects: none). */
function failed(
  thrown: unknown,
  fn: string,
  request: Request,
  options: DispatchOptions,
  ctx: RequestContext | undefined,
): DispatchOutcome {
  // Context effects live in the success envelope only: an error carries none.
  const headers = ctx ? builtResponseHeaders(ctx) : undefined;
  return errorOutcome(thrown, { request, fn }, options, headers);
}

/** What the function returned, as the outcome (its envelope's JSON made here). */
function settled(
  result: unknown,
  fn: string,
  target: ServerFunction,
  request: Request,
  options: DispatchOptions,
  ctx: RequestContext,
): DispatchOutcome {
  try {
    const effects = envelopeEffects(target.invalidates, ctx);
    // isFrameworkResponse: a Web Response, or the class an adapter registered.
    const raw = isFrameworkResponse(result);
    if (!raw) {
      // Serialised here, inside the try: a result that is not JSON (a BigInt, a cycle) is a 500
      // on every transport alike, and the in-process client parses this very text.
      return new ResultOutcome(result, effects, envelopeJson(result, effects), ctx);
    }
    const headers = ctx.responseHeaders;
    // No envelope to carry them: the names (merged ones too, to refetch) go in a header.
    if (effects) {
      const names = new Set([...effects.invalidate, ...effects.merge].map((ref) => ref.name));
      if (names.size > 0) headers.set(INVALIDATE_HEADER, [...names].join(", "));
    }
    if (result instanceof Response) return { kind: "response", response: result, headers };
    if (options.frameworkResponses) return { kind: "framework", response: result, headers, fn };
    // Written for another framework's adapter (setFrameworkResponseBase); this caller can
    // only send Web Responses, so say which function and what to do instead.
    throw new TypeError(
      `"${fn}" returned a framework response, which only the adapter that registered it can send (e.g. mizan/node's toNodeHandler); return a Web Response to serve it here.`,
    );
  } catch (thrown) {
    return failed(thrown, fn, request, options, ctx);
  }
}
