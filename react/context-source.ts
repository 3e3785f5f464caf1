import { createContext } from "react";
import type {
  ContextFetch,
  ContextStore,
  ContextStoreOptions,
} from "../src/client/context-store.js";
import {
  type ContextEnvelope,
  contextKey,
  type SerializedContexts,
} from "../src/core/context-key.js";

/** Makes the provider's context store; the context hooks pass `createContextStore`. */
export type ContextStoreFactory = (options: ContextStoreOptions) => ContextStore;

/**
 * Where the provider keeps its context store: made by the first context hook, not before, so a
 * page without contexts does not download the store at all.
 */
export interface MizanContextSource {
  get(create: ContextStoreFactory): ContextStore;
}

/** The context store source of the nearest `<MizanProvider>`; set by the provider. */
export const MizanContextSourceContext = createContext<MizanContextSource | null>(null);

/**
 * A source whose store is made on the first `get()`, from `initial` and what the calls'
 * envelopes did until then: `apply` before that keeps the merged values and which held
 * instances were invalidated (marked stale when the store is made, as a store made at once
 * would have marked them), one entry per instance, so it stays bounded.
 */
export function lazyContextSource(
  fetch: ContextFetch,
  initial: SerializedContexts | undefined,
): MizanContextSource & { apply(envelope: ContextEnvelope): void } {
  let store: ContextStore | undefined;
  const held: SerializedContexts = { ...initial };
  const stale = new Set<string>();
  return {
    get(create) {
      if (!store) {
        store = create({ fetch, initial: held });
        const invalidate = [...stale].map((key) => {
          const { name, args } = held[key] as SerializedContexts[string];
          return { name, args };
        });
        if (invalidate.length > 0) store.apply({ invalidate });
      }
      return store;
    },
    apply(envelope) {
      if (store) {
        store.apply(envelope);
        return;
      }
      for (const { name, args, value } of envelope.merge ?? []) {
        const key = contextKey(name, args);
        held[key] = { name, args: args ?? {}, result: value };
        stale.delete(key);
      }
      for (const { name, args } of envelope.invalidate ?? []) {
        const only = args === undefined ? undefined : contextKey(name, args);
        for (const [key, entry] of Object.entries(held)) {
          // A hydrated entry is whatever the page held: skip one that is not an instance.
          if (entry?.name === name && (only === undefined || key === only)) stale.add(key);
        }
      }
    },
  };
}
