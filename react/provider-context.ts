import { createContext } from "react";
import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import type { MizanChannelSource } from "./channel-source.js";
import type { MizanContextSource } from "./context-source.js";
import type { MizanCaller } from "./provider.js";

/**
 * What the nearest `<MizanProvider>` gives its hooks, in one React context (one provider
 * element, one `createContext`): nothing outside a provider.
 */
export interface MizanProviderValue {
  caller?: MizanCaller;
  /** The context store's source (the store is made by the first context hook). */
  contexts?: MizanContextSource;
  /** The channel client's source (the client is made by the first `useChannel`). */
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
