import type { Manifest } from "../core/registry.js";

/** Options of a single call. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * How a call reaches the server: over HTTP by default, or in-process (Storybook, tests).
 * Resolves with the function's result; rejects with a MizanClientError.
 */
export type Transport = (name: string, args: unknown, options: CallOptions) => Promise<unknown>;

/** What `createClient()` and `createInProcessClient()` return. */
export interface MizanClient {
  /** Call a server function; rejects with MizanClientError (or the signal's reason). */
  call<TResult = unknown>(name: string, args?: unknown, options?: CallOptions): Promise<TResult>;
  /** Every function, form and context the server knows, with its version hash. */
  manifest(options?: CallOptions): Promise<Manifest>;
}
