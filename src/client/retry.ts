import { MizanClientError } from "./client-error.js";

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
export async function withRetry<T>(
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
