import type { CallBodyEncoder } from "./transport.js";

/**
 * An opt-in part of `createClient`, given in `plugins`: what a page needs only sometimes, so a
 * page that does not ask for it does not download it. mizan ships `retry()` (retries of the
 * manifest and context GETs) and `multipart()` (calls whose args hold files, for the caller of
 * `<MizanProvider baseUrl>`; `createClient` has it built in).
 *
 * @example
 * import { createClient, retry } from "mizan/client";
 * const api = createClient({ baseUrl: "/api/mizan", plugins: [retry()] });
 */
export interface ClientPlugin {
  /** The plugin's name (`"retry"`). */
  readonly name: string;
  /**
   * Runs one idempotent GET (`manifest()`, `context()`): `attempt` sends it, and may be run
   * again (`retry()` does after a network error or a 5xx). The first plugin that has it runs
   * every GET. Calls (POST) never go through here.
   */
  get?<T>(attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<T>;
  /** Makes every call's request body (the first plugin that has it; a call's `encode` wins). */
  body?: CallBodyEncoder;
}
