import type { ContextEnvelope } from "../core/context-key.js";
import type { Manifest } from "../core/registry.js";

/** Options of a single call. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * Told the success envelope's `invalidate` and `merge` (or the `X-Mizan-Invalidate` names of
   * a function's own Response) before the call resolves, when they name any context. A
   * transport calls it; `createClient` passes one that feeds `onEnvelope` listeners.
   */
  onEnvelope?: ((envelope: ContextEnvelope) => void) | undefined;
  /**
   * Makes this call's request body, over the client's own (`createClient` sends files as
   * multipart; `<MizanProvider baseUrl>` sends JSON, refusing files, unless given
   * `plugins: [multipart()]`). Generated hooks of forms with file fields pass `multipartBody`.
   * Transports other than HTTP ignore it.
   */
  encode?: CallBodyEncoder | undefined;
}

/**
 * A call's HTTP request body from its function name and args: `{"fn","args"}` JSON, or
 * `multipart/form-data` (`multipartBody`). Sets the content type on `headers` when it is not
 * a FormData (which sets its own).
 */
export type CallBodyEncoder = (name: string, args: unknown, headers: Headers) => BodyInit;

/**
 * How a call reaches the server: over HTTP by default, or in-process (Storybook, tests).
 * Resolves with the function's result; rejects with a MizanClientError.
 */
export type Transport = (name: string, args: unknown, options: CallOptions) => Promise<unknown>;

/** Listens to every call's context changes (see `MizanClient.onEnvelope`). */
export type EnvelopeListener = (envelope: ContextEnvelope) => void;

/** What `createClient()` and `createInProcessClient()` return. */
export interface MizanClient {
  /** Call a server function; rejects with MizanClientError (or the signal's reason). */
  call<TResult = unknown>(name: string, args?: unknown, options?: CallOptions): Promise<TResult>;
  /**
   * Read a context (`GET {base}/ctx/<name>/?args=…`): resolves with its value; rejects with
   * MizanClientError (404 when `name` is not a context) or the signal's reason.
   *
   * @example
   * const user = await api.context("currentUser");
   * const greeting = await api.context("greet", { name: "Ada" }, { signal });
   */
  context<TResult = unknown>(
    name: string,
    args?: Record<string, unknown>,
    options?: Pick<CallOptions, "signal">,
  ): Promise<TResult>;
  /**
   * Hear every successful call's `invalidate`/`merge` (only calls that name a context), e.g.
   * to keep a context store current. Returns the unsubscribe function.
   *
   * @example
   * const stop = api.onEnvelope((envelope) => store.apply(envelope));
   */
  onEnvelope(listener: EnvelopeListener): () => void;
  /** Every function, form and context the server knows, with its version hash. */
  manifest(options?: CallOptions): Promise<Manifest>;
}
