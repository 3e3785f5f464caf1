import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type ClientOptions, createClient } from "../src/client/create-client.js";

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
      /**
       * A ready caller: `createClient(...)`, or `createInProcessClient({ registry })` from
       * `mizan/client` to run a registry in process (tests, Storybook: real forms, no network).
       * Kept out of this module so browser bundles never carry the registry.
       */
      client: MizanCaller;
      baseUrl?: undefined;
    }
) & { children?: ReactNode };

function makeCaller(props: MizanProviderProps): MizanCaller {
  if (props.client) return props.client;
  const { baseUrl, children: _children, client: _client, ...rest } = props;
  const options: ClientOptions = { baseUrl };
  if (rest.fetch) options.fetch = rest.fetch;
  if (rest.headers) options.headers = rest.headers;
  if (rest.csrf !== undefined) options.csrf = rest.csrf;
  if (rest.retry) options.retry = rest.retry;
  return createClient(options);
}

/**
 * Supplies the caller every mizan hook uses: an HTTP client for `baseUrl`, or the `client`
 * given (e.g. `createInProcessClient({ registry })` in tests and Storybook).
 *
 * @example
 * <MizanProvider baseUrl="/api/mizan">
 *   <App />
 * </MizanProvider>
 */
export function MizanProvider(props: MizanProviderProps) {
  const { children } = props;
  // The caller is made once per transport identity: keep option objects stable across renders.
  const key = props.client ?? props.baseUrl;
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the transport changes
  const caller = useMemo(() => makeCaller(props), [key]);
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
