import { stableStringify } from "./hash.js";

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
