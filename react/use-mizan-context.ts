import { useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import type { MizanClientError } from "../src/client/client-error.js";
import {
  type ContextStatus,
  type ContextStore,
  contextKey,
  createContextStore,
} from "../src/client/context-store.js";
import { contextReader } from "../src/client/create-client.js";
import { contextStoreOf } from "./context-source.js";
import { MizanProviderContext } from "./provider-context.js";

/** What a context hook returns: the value, where its fetch stands, and a way to fetch again. */
export interface MizanContextResult<T> {
  /** The last value that arrived; kept through a refetch and a failed refetch. */
  data: T | undefined;
  /** `idle` before the first fetch starts, `loading`, `success` or `error`. */
  status: ContextStatus;
  /** The last fetch's failure (`status: "error"`). */
  error: MizanClientError | undefined;
  /** Fetch again now; resolves when the value (or the error) is in. */
  refresh: () => Promise<void>;
}

/**
 * The context store of the nearest `<MizanProvider>`: what the context hooks read.
 *
 * @example
 * const store = useMizanContextStore();
 * store.apply({ invalidate: [{ name: "currentUser" }] });
 */
export function useMizanContextStore(): ContextStore {
  const source = useContext(MizanProviderContext).contexts;
  if (!source) {
    throw new Error(
      'mizan: no context store. Wrap your app in <MizanProvider baseUrl="/api/mizan"> (or <MizanProvider client={...}>).',
    );
  }
  // Made by the first context hook, so pages without contexts do not bundle the store.
  return contextStoreOf(source, createContextStore, contextReader);
}

/** The arguments without `undefined` entries (which never reach the server). */
function definedArgs(args: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Read one context instance (the `name` function with these `args`) from the provider's store:
 * a value the server rendered into the page is there on the first render (the same on the
 * server and in the browser, so hydration matches); otherwise mounting fetches it. Calls whose
 * envelope invalidates or merges it update it. Generated hooks (`useCurrentUser()`,
 * `useGreet()`) call this with their types.
 *
 * @example
 * const { data: user, status, refresh } = useMizanContext<{ name: string } | null>("currentUser");
 * if (status === "error") return <button onClick={() => refresh()}>Retry</button>;
 */
export function useMizanContext<T = unknown>(
  name: string,
  args?: Record<string, unknown>,
): MizanContextResult<T> {
  const store = useMizanContextStore();
  const key = contextKey(name, definedArgs(args));
  // The key stands for the arguments: a new object with the same values keeps the subscription.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by contextKey(name, args)
  const stable = useMemo(() => definedArgs(args), [key]);
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(name, stable, listener),
    [store, name, stable],
  );
  const read = useCallback(() => store.get(name, stable), [store, name, stable]);
  // The server snapshot is the store's own: hydrated from the same serialized contexts.
  const snapshot = useSyncExternalStore(subscribe, read, read);
  const refresh = useCallback(() => store.refresh(name, stable), [store, name, stable]);
  return useMemo(
    () => ({
      data: snapshot.data as T | undefined,
      status: snapshot.status,
      error: snapshot.error,
      refresh,
    }),
    [snapshot, refresh],
  );
}
