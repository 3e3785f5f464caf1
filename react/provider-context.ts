import { createContext } from "react";
import type { ChannelClient, ChannelClientOptions } from "../src/client/channel-client.js";
import type { ContextStore } from "../src/client/context-store.js";
import type { ClientOptions } from "../src/client/create-client.js";
import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import type { ContextEnvelope, SerializedContexts } from "../src/core/context-key.js";
import type { MizanCaller } from "./provider.js";

/**
 * Where the provider keeps what its context store is made from: the store itself is made by
 * the first context hook (`contextStoreOf`, react/context-source.ts), so a page without
 * contexts downloads neither the store nor the context reader. Until then the provider keeps
 * the calls' envelopes in `held` (the last `HELD_ENVELOPES`; `lost` once older ones were
 * dropped), which the store applies in turn when it is made.
 */
export interface MizanContextSource {
  readonly caller: MizanCaller;
  /** The client options of a `baseUrl` provider, whose contexts are read over HTTP. */
  readonly clientOptions: ClientOptions | undefined;
  /** The `initialContexts` prop (undefined: the page's script tag, read by the first hook). */
  readonly initial: SerializedContexts | undefined;
  readonly held: ContextEnvelope[];
  lost?: boolean;
  /** The store, once a context hook made it. */
  store?: ContextStore;
}

/** How many envelopes the provider keeps for a store not made yet (older ones: `lost`). */
export const HELD_ENVELOPES = 64;

/**
 * Where the provider keeps the page's channel client: made by the first `useChannel`
 * (`channelClientOf`, react/channel-source.ts), so a page without channels neither downloads
 * the channel client nor opens a socket.
 */
export interface MizanChannelSource {
  /** The `channels` prop: a ready client, or options for the one made on first use. */
  readonly option: ChannelClient | ChannelClientOptions | undefined;
  readonly basePath: string | undefined;
  /** The client in use: the one given, or the one made on first use (until closed). */
  client?: ChannelClient | undefined;
  /** Whether the provider is mounted. */
  mounted?: boolean;
  /**
   * Set when a client is made here: called when the provider unmounts, it closes that client
   * unless the provider is mounted again within a microtask (as React's StrictMode does).
   */
  release?: (() => void) | undefined;
}

/**
 * What the nearest `<MizanProvider>` gives its hooks, in one React context (one provider
 * element, one `createContext`): nothing outside a provider.
 */
export interface MizanProviderValue {
  caller?: MizanCaller;
  contexts?: MizanContextSource;
  channels?: MizanChannelSource;
  /** Where `<MizanForm>` posts natively, and its CSRF token. */
  baseUrl?: string | undefined;
  csrfToken?: string | undefined;
  /** The `language` prop (undefined: none given). */
  language?: string | undefined;
  /** The `catalog` prop: its language's catalog, loaded. */
  catalog?: MessageCatalog | undefined;
}

export const MizanProviderContext = createContext<MizanProviderValue>({});
