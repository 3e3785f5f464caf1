import { type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { ChannelClient, ChannelClientOptions } from "../src/client/channel-client.js";
import type { ContextEnvelope, SerializedContexts } from "../src/client/context-store.js";
import { type ClientOptions, createCaller } from "../src/client/create-client.js";
import type { CallBodyEncoder } from "../src/client/transport.js";
import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import {
  HELD_ENVELOPES,
  type MizanChannelSource,
  type MizanContextSource,
  MizanProviderContext,
} from "./provider-context.js";

/**
 * What the hooks need of `mizan/client`: one call with an abort signal; for contexts, a
 * context fetch and the calls' success envelopes (both optional: without `context`, contexts
 * are fetched with `call`; without `onEnvelope`, calls do not update them).
 */
export interface MizanCaller {
  call(
    name: string,
    args: unknown,
    options?: { signal?: AbortSignal; encode?: CallBodyEncoder | undefined },
  ): Promise<unknown>;
  /** Fetches one context instance (`GET {base}/ctx/<name>/`). */
  context?(
    name: string,
    args: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<unknown>;
  /** Tells `listener` each call's `invalidate`/`merge`; returns the function that stops it. */
  onEnvelope?(listener: (envelope: ContextEnvelope) => void): () => void;
}

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
) & {
  children?: ReactNode;
  /**
   * The contexts the server rendered into the page (`resolveGlobalContexts` in `mizan/server`),
   * read once when the provider mounts. Default in a browser: the page's
   * `<script id="mizan-contexts">` (`contextsScript`), if any, read by the first context hook.
   */
  initialContexts?: SerializedContexts | undefined;
  /**
   * The CSRF token `<MizanForm>` writes into its hidden `csrfmiddlewaretoken` field, so the
   * form also posts without JavaScript. Give it when rendering on the server (the value of the
   * request's `csrftoken` cookie, or the one the page response sets); in a browser the default
   * is the `csrftoken` cookie.
   */
  csrfToken?: string | undefined;
  /**
   * The page's channel client for `useChannel`: a ready one (`createChannelClient(...)`), or
   * options for the one the provider makes when a component first subscribes (default: the
   * socket at `{baseUrl}/ws/`, `/api/mizan/ws/` with a `client`). Read when the provider mounts.
   */
  channels?: ChannelClient | ChannelClientOptions | undefined;
  /**
   * The language the forms show their default messages in (`"fr"`, `"pt-BR"`), from the
   * catalogs `mizan generate --languages` wrote; one the client was not generated with shows
   * English. Default: the page's `<html lang>`, else `"en"`. Changing it re-renders the
   * messages already shown.
   */
  language?: string | undefined;
  /**
   * The catalog of `language`, already loaded (`loadMessageCatalog(messageCatalogs,
   * language)`), so the first render shows it: the server's and the hydrating one (give both
   * the same). Without it, the forms load it after the first render (English until then).
   */
  catalog?: MessageCatalog | undefined;
};

/** What `<MizanForm>` needs to post natively: the handler's base URL and the CSRF token. */
export interface MizanPageSettings {
  baseUrl: string | undefined;
  csrfToken: string | undefined;
}

/** The nearest provider's `baseUrl` and `csrfToken` (both undefined outside a provider). */
export function useMizanPage(): MizanPageSettings {
  return useContext(MizanProviderContext) as MizanPageSettings;
}

/**
 * Supplies the caller every mizan hook uses: HTTP calls for `baseUrl` (contexts are read by
 * the context hooks, which bring the HTTP reader with them), or the `client` given (e.g. `createInProcessClient({ registry })` in tests and Storybook); and the store of
 * contexts the context hooks read, started from `initialContexts` and kept fresh by the
 * `invalidate`/`merge` of every call made through the caller.
 *
 * @example
 * <MizanProvider baseUrl="/api/mizan">
 *   <App />
 * </MizanProvider>
 * // Server-rendered: the same contexts on the server and in the browser, and the CSRF token
 * // the forms post natively with.
 * <MizanProvider baseUrl="/api/mizan" initialContexts={contexts} csrfToken={token}>
 *   <App />
 * </MizanProvider>
 * // Messages in French (from `mizan generate --languages en,fr`):
 * <MizanProvider baseUrl="/api/mizan" language="fr">
 *   <App />
 * </MizanProvider>
 * // ... shown from the first render (the catalog loaded first, on both sides):
 * <MizanProvider baseUrl="/api/mizan" language="fr" catalog={frCatalog}>
 *   <App />
 * </MizanProvider>
 */
export function MizanProvider(props: MizanProviderProps) {
  const { children, baseUrl, csrfToken, language, catalog } = props;
  const [initial] = useState(() => props.initialContexts);
  // The caller is made once per transport identity: keep option objects stable across renders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the transport changes
  const contexts = useMemo((): MizanContextSource => {
    // The props are the client options (createCaller reads its own by name, and refuses an
    // old `retry`); a given `client` has none.
    const clientOptions = props.client ? undefined : (props as ClientOptions);
    const caller = props.client || createCaller(props as ClientOptions);
    return { caller, clientOptions, initial, held: [] };
  }, [props.client ?? baseUrl]);
  // The store is made by the first context hook (a page without contexts never loads it):
  // until then the envelopes wait in `held`.
  useEffect(
    () => contexts.caller.onEnvelope?.((envelope) => holdEnvelope(contexts, envelope)),
    [contexts],
  );
  // No socket until a component subscribes; closed with the provider (when it made it).
  const [channels] = useState(
    (): MizanChannelSource => ({ option: props.channels, basePath: baseUrl }),
  );
  useEffect(() => {
    channels.mounted = true;
    return () => {
      channels.mounted = false;
      channels.release?.();
    };
  }, [channels]);
  // One context for all of it: a change of any (rare: a new language, catalog or token)
  // renders each mizan hook's component again.
  const value = useMemo(
    () => ({ caller: contexts.caller, contexts, channels, baseUrl, csrfToken, language, catalog }),
    [contexts, channels, baseUrl, csrfToken, language, catalog],
  );
  return <MizanProviderContext.Provider value={value}>{children}</MizanProviderContext.Provider>;
}

/** A call's envelope: to the store once made, else kept (the last `HELD_ENVELOPES`). */
export function holdEnvelope(contexts: MizanContextSource, envelope: ContextEnvelope): void {
  if (contexts.store) contexts.store.apply(envelope);
  else if (contexts.held.push(envelope) > HELD_ENVELOPES) {
    contexts.held.shift();
    contexts.lost = true;
  }
}

/**
 * The caller of the nearest `<MizanProvider>`.
 *
 * @example
 * const client = useMizanClient();
 * await client.call("echo", { text: "hi" });
 */
export function useMizanClient(): MizanCaller {
  const caller = useContext(MizanProviderContext).caller;
  if (!caller) {
    throw new Error("mizan: no client. Wrap your app in <MizanProvider baseUrl> (or client).");
  }
  return caller;
}
