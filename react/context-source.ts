import type { ContextStore, ContextStoreOptions } from "../src/client/context-store.js";
import type { ClientOptions } from "../src/client/create-client.js";
import type { MizanClient } from "../src/client/transport.js";
import type { ContextEnvelope, SerializedContexts } from "../src/core/context-key.js";
import { isRecord } from "../src/core/is-plain-object.js";
import { isSameValue } from "./field-paths.js";
import type { MizanCaller } from "./provider.js";

/** Makes the provider's context store; the context hooks pass `createContextStore`. */
export type ContextStoreFactory = (options: ContextStoreOptions) => ContextStore;

/** Makes the HTTP context reader of a `baseUrl` provider; the context hooks pass `contextReader`. */
export type ContextReaderFactory = (options: ClientOptions) => MizanClient["context"];

/**
 * Where the provider keeps its context store: made by the first context hook
 * (`contextStoreOf`), not before, so a page without contexts downloads neither the store nor
 * the context reader. Until then `apply` keeps what the calls' envelopes did.
 */
export interface MizanContextSource {
  apply(envelope: ContextEnvelope): void;
  /** The store, once a context hook made it. */
  store?: ContextStore;
  /** What the store is made from: the provider's caller, client options, initial values. */
  readonly caller: Pick<MizanCaller, "call" | "context">;
  readonly clientOptions: ClientOptions | undefined;
  readonly initial: SerializedContexts | undefined;
  /** The instances the envelopes touched before the store existed. */
  readonly held: readonly Held[];
}

/** One context instance as calls left it before the store existed. */
interface Held {
  name: string;
  args: Record<string, unknown>;
  /** The last `merge` value, if any. */
  merged?: { value: unknown };
  /** Invalidated since its value (the server's or the merged one). */
  stale: boolean;
}

/**
 * A source whose store is made by the first `contextStoreOf`, from `initial` and what the
 * calls' envelopes did until then: `apply` before that keeps, per instance, the last merged
 * value and whether it was invalidated since (bounded by the instances named), and the store
 * gets them when it is made, ending where a store made at once would have.
 */
export function lazyContextSource(
  caller: Pick<MizanCaller, "call" | "context">,
  /** The client options of a `baseUrl` provider, whose contexts are read over HTTP. */
  clientOptions: ClientOptions | undefined,
  initial: SerializedContexts | undefined,
): MizanContextSource {
  const held: Held[] = [];
  for (const item of Object.values(initial ?? {})) {
    if (isRecord(item) && typeof item.name === "string") {
      held.push({ name: item.name, args: isRecord(item.args) ? item.args : {}, stale: false });
    }
  }
  const matches = (h: Held, name: string, args: Record<string, unknown> | undefined) =>
    h.name === name && (args === undefined || isSameValue(h.args, args));
  const source: MizanContextSource = {
    caller,
    clientOptions,
    initial,
    held,
    apply(envelope) {
      if (source.store) {
        source.store.apply(envelope);
        return;
      }
      for (const { name, args = {}, value } of envelope.merge ?? []) {
        const h = held.find((one) => matches(one, name, args));
        if (h) Object.assign(h, { merged: { value }, stale: false });
        else held.push({ name, args, merged: { value }, stale: false });
      }
      for (const { name, args } of envelope.invalidate ?? []) {
        for (const h of held) if (matches(h, name, args)) h.stale = true;
      }
    },
  };
  return source;
}

/**
 * The source's store, made on the first call with `create` and `reader` (the context hooks
 * pass `createContextStore` and `contextReader`), then given what `apply` kept.
 */
export function contextStoreOf(
  source: MizanContextSource,
  create: ContextStoreFactory,
  reader: ContextReaderFactory,
): ContextStore {
  if (!source.store) {
    const { caller, clientOptions, initial, held } = source;
    // A given client reads contexts itself (or, without `context`, through `call`).
    const read = clientOptions ? reader(clientOptions) : caller.context?.bind(caller);
    const store = create({
      fetch: (name, args, signal) =>
        read ? read(name, args, { signal }) : caller.call(name, args, { signal }),
      initial,
    });
    store.apply({
      merge: held.flatMap(({ name, args, merged }) => (merged ? [{ name, args, ...merged }] : [])),
      invalidate: held.filter((h) => h.stale).map(({ name, args }) => ({ name, args })),
    });
    source.store = store;
  }
  return source.store;
}
