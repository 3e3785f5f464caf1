import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type ClientOptions, createClient } from "../src/client/index.js";

/** What the hooks need of `mizan/client`: one call with an abort signal. */
export interface MizanCaller {
  call(name: string, args: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
}

const MizanClientContext = createContext<MizanCaller | null>(null);

export type MizanProviderProps = (
  | (Omit<ClientOptions, "transport" | "baseUrl"> & {
      /** Where the handler is mounted, e.g. `/api/mizan`. */
      baseUrl: string;
      client?: undefined;
    })
  | {
      /** A ready caller: `createClient(...)`, or `createInProcessClient({ registry })` in tests and Storybook. */
      client: MizanCaller;
      baseUrl?: undefined;
    }
) & { children?: ReactNode };

/**
 * Supplies the caller every mizan hook uses: an HTTP client for `baseUrl`, or the `client`
 * given (`createInProcessClient({ registry })` runs a real registry with no network).
 *
 * @example
 * <MizanProvider baseUrl="/api/mizan" csrf>
 *   <App />
 * </MizanProvider>
 */
export function MizanProvider(props: MizanProviderProps) {
  const { children } = props;
  const client = props.client;
  const baseUrl = props.baseUrl;
  const httpOptions = props.client ? undefined : props;
  const fetchImpl = httpOptions?.fetch;
  const headers = httpOptions?.headers;
  const csrf = httpOptions?.csrf;
  const retry = httpOptions?.retry;
  // Options are read when the client is made: keep `headers` stable (or pass a function).
  const caller = useMemo<MizanCaller>(() => {
    if (client) return client;
    const options: ClientOptions = { baseUrl: baseUrl ?? "" };
    if (fetchImpl) options.fetch = fetchImpl;
    if (headers) options.headers = headers;
    if (csrf !== undefined) options.csrf = csrf;
    if (retry) options.retry = retry;
    return createClient(options);
  }, [client, baseUrl, fetchImpl, headers, csrf, retry]);
  return <MizanClientContext.Provider value={caller}>{children}</MizanClientContext.Provider>;
}

/**
 * The caller of the nearest `<MizanProvider>`.
 *
 * @example
 * const client = useMizanClient();
 * await client.call("echo", { text: "hi" });
 */
export function useMizanClient(): MizanCaller {
  const caller = useContext(MizanClientContext);
  if (!caller) {
    throw new Error(
      'mizan: no client. Wrap your app in <MizanProvider baseUrl="/api/mizan"> (or <MizanProvider client={...}>).',
    );
  }
  return caller;
}
