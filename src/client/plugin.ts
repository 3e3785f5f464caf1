/**
 * An opt-in part of `createClient`, given in `plugins`: what a page needs only sometimes, so a
 * page that does not ask for it does not download it. mizan ships `retry()` (retries of the
 * manifest and context GETs).
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
}
