import {
  type ContextStore,
  type ContextStoreOptions,
  readSerializedContexts,
} from "../src/client/context-store.js";
import type { ClientOptions } from "../src/client/create-client.js";
import type { MizanClient } from "../src/client/transport.js";
import { isRecord } from "../src/core/is-plain-object.js";
import type { MizanContextSource } from "./provider-context.js";

export type { MizanContextSource } from "./provider-context.js";

/** Makes the provider's context store; the context hooks pass `createContextStore`. */
export type ContextStoreFactory = (options: ContextStoreOptions) => ContextStore;

/** Makes the HTTP context reader of a `baseUrl` provider; the context hooks pass `contextReader`. */
export type ContextReaderFactory = (options: ClientOptions) => MizanClient["context"];

/**
 * The source's store, made on the first call with `create` and `reader` (the context hooks
 * pass `createContextStore` and `contextReader`) from the provider's `initialContexts` (else the
 * page's `<script id="mizan-contexts">`), then given the envelopes the provider held, in order,
 * so it ends where a store made at once would have. When the provider dropped old envelopes
 * (`lost`), every rendered instance is first marked stale (refetched when mounted).
 */
export function contextStoreOf(
  source: MizanContextSource,
  create: ContextStoreFactory,
  reader: ContextReaderFactory,
): ContextStore {
  if (!source.store) {
    const { caller, clientOptions, held } = source;
    const initial = source.initial ?? readSerializedContexts();
    // A given client reads contexts itself (or, without `context`, through `call`).
    const read = clientOptions ? reader(clientOptions) : caller.context?.bind(caller);
    const store = create({
      fetch: (name, args, signal) =>
        read ? read(name, args, { signal }) : caller.call(name, args, { signal }),
      initial,
    });
    if (source.lost) {
      const names = Object.values(initial ?? {}).flatMap((item) =>
        isRecord(item) && typeof item.name === "string" ? [{ name: item.name }] : [],
      );
      store.apply({ invalidate: names, merge: [] });
    }
    for (const envelope of held.splice(0)) store.apply(envelope);
    source.store = store;
  }
  return source.store;
}
