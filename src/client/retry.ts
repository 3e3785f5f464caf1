import { MizanClientError } from "./client-error.js";
import type { ClientPlugin } from "./plugin.js";

export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled for each next one (default 250 ms). */
  delayMs?: number;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Worth another try: no response at all, or a server-side (5xx) failure. */
function isTransient(error: unknown): boolean {
  return error instanceof MizanClientError && (error.status === 0 || error.status >= 500);
}

/**
 * Run an idempotent request, retrying transient failures with exponential backoff. Only GETs
 * go through here: a POST may have had its effect before the failure, so it is never retried.
 */
async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions | undefined,
  signal: AbortSignal | undefined,
): Promise<T> {
  const retries = options?.retries ?? 2;
  const delayMs = options?.delayMs ?? 250;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= retries || !isTransient(error) || signal?.aborted) throw error;
      await wait(delayMs * 2 ** i, signal);
    }
  }
}

/**
 * The client plugin that retries the manifest and context GETs after a network error or a 5xx,
 * with exponential backoff (default: two retries, 250 ms then 500 ms). Calls (POST) are never
 * retried: one may have had its effect before the failure. Without it, nothing is retried.
 *
 * @example
 * import { createClient, retry } from "mizan/client";
 * const api = createClient({ baseUrl: "/api/mizan", plugins: [retry({ retries: 3 })] });
 * // In React:
 * <MizanProvider baseUrl="/api/mizan" plugins={[retry()]}>…</MizanProvider>
 */
export function retry(options: RetryOptions = {}): ClientPlugin {
  return { name: "retry", get: (attempt, signal) => withRetry(attempt, options, signal) };
}
