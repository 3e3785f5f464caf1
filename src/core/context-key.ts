import { stableStringify } from "./hash.js";

/** A context instance a call changed: every instance of `name` when `args` is left out. */
export interface ContextRef {
  name: string;
  args?: Record<string, unknown>;
}

/** A context instance's new value, sent by the server so clients patch it without a fetch. */
export interface ContextMerge {
  name: string;
  args?: Record<string, unknown>;
  value: unknown;
}

/** The context part of a success envelope: what clients refetch (`invalidate`) or patch (`merge`). */
export interface ContextEnvelope {
  invalidate?: ContextRef[];
  merge?: ContextMerge[];
}

/**
 * Context values as the server renders them into a page and a client store hydrates from:
 * one entry per context instance, keyed by `contextKey(name, args)`. An entry holds either the
 * `result` or the error envelope's `code` and `message`.
 */
export interface SerializedContexts {
  [key: string]: {
    name: string;
    args: Record<string, unknown>;
    result?: unknown;
    error?: { code: string; message: string };
  };
}

/**
 * The canonical key of one context instance: its name, a space, and its arguments as JSON with
 * object keys sorted at every depth (`{}` when left out), so equal arguments always give the
 * same key whatever order their keys were written in.
 *
 * @example
 * contextKey("currentUser"); // 'currentUser {}'
 * contextKey("greet", { name: "Ada", lang: "en" }); // 'greet {"lang":"en","name":"Ada"}'
 */
export function contextKey(name: string, args?: Record<string, unknown>): string {
  return `${name} ${stableStringify(args ?? {})}`;
}
