import { useCallback, useEffect, useRef, useState } from "react";
import { useMizanClient } from "./provider.js";
import { isAbort, type MizanServerError, toServerError } from "./server-error.js";

export interface UseServerFunctionReturn<TArgs, TResult> {
  /**
   * Call the function. Resolves with its result, or `undefined` when it failed (see `error`)
   * or was aborted; never rejects. A newer call wins: older answers are ignored.
   */
  call: (args: TArgs, options?: { signal?: AbortSignal }) => Promise<TResult | undefined>;
  /** The latest successful result. */
  data: TResult | undefined;
  /** The latest failure (validation, auth, server or network). */
  error: MizanServerError | undefined;
  isPending: boolean;
  /** Abort calls in flight. */
  abort: () => void;
  /** Abort, and forget `data` and `error`. */
  reset: () => void;
}

/**
 * Call a plain server function with React state around it.
 *
 * @example
 * const search = useServerFunction<{ q: string }, string[]>("search");
 * <input onChange={(e) => search.call({ q: e.target.value })} />
 * {search.isPending ? "…" : search.data?.join(", ")}
 */
export function useServerFunction<TArgs = Record<string, unknown>, TResult = unknown>(
  name: string,
): UseServerFunctionReturn<TArgs, TResult> {
  const client = useMizanClient();
  const [data, setData] = useState<TResult | undefined>(undefined);
  const [error, setError] = useState<MizanServerError | undefined>(undefined);
  const [isPending, setPending] = useState(false);
  const inflight = useRef(new Set<AbortController>());
  const latestCall = useRef(0);

  const abort = useCallback(() => {
    for (const controller of inflight.current) controller.abort();
    inflight.current.clear();
    setPending(false);
  }, []);

  useEffect(() => abort, [abort]);

  const call = useCallback(
    async (args: TArgs, options?: { signal?: AbortSignal }): Promise<TResult | undefined> => {
      const id = ++latestCall.current;
      const controller = new AbortController();
      const outer = options?.signal;
      if (outer?.aborted) return undefined;
      const onOuterAbort = () => controller.abort();
      outer?.addEventListener("abort", onOuterAbort, { once: true });
      inflight.current.add(controller);
      setPending(true);
      try {
        const value = (await client.call(name, args, { signal: controller.signal })) as TResult;
        if (controller.signal.aborted) return undefined;
        if (id === latestCall.current) {
          setData(value);
          setError(undefined);
        }
        return value;
      } catch (thrown) {
        if (isAbort(thrown, controller.signal)) return undefined;
        if (id === latestCall.current) setError(toServerError(thrown));
        return undefined;
      } finally {
        outer?.removeEventListener("abort", onOuterAbort);
        inflight.current.delete(controller);
        if (id === latestCall.current) setPending(false);
      }
    },
    [client, name],
  );

  const reset = useCallback(() => {
    abort();
    setData(undefined);
    setError(undefined);
  }, [abort]);

  return { call, data, error, isPending, abort, reset };
}
