import { type ContextEnvelope, contextKey, type SerializedContexts } from "../core/context-key.js";
import { ERROR_STATUS } from "../core/errors.js";
import { isRecord } from "../core/is-plain-object.js";
import { type ClientErrorCode, MizanClientError } from "./client-error.js";

export {
  type ContextEnvelope,
  type ContextMerge,
  type ContextRef,
  contextKey,
  type SerializedContexts,
} from "../core/context-key.js";

/** Where a context instance stands: never fetched, fetching, fetched, or its last fetch failed. */
export type ContextStatus = "idle" | "loading" | "success" | "error";

/**
 * One context instance as components read it. `data` is the last value that arrived and stays
 * through a refetch and a failed refetch (then `status: "error"` with `error` set); `stale`
 * says a call invalidated it since the last fetch attempt.
 */
export interface ContextSnapshot<T = unknown> {
  data: T | undefined;
  status: ContextStatus;
  error: MizanClientError | undefined;
  stale: boolean;
}

/** Fetches one context instance; rejects with a MizanClientError (or the signal's reason). */
export type ContextFetch = (
  name: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<unknown>;

/** The page's context values, framework-free: React binds it with `useSyncExternalStore`. */
export interface ContextStore {
  /** The instance's snapshot: the same object until it changes (idle when never seen). */
  get(name: string, args?: Record<string, unknown>): ContextSnapshot;
  /**
   * Listen to one instance. Subscribing fetches it when it was never fetched (`idle`) or is
   * stale, and no fetch is under way (an error is a settled answer: `refresh()` retries it);
   * the last unsubscribe aborts a fetch nothing needs any more (after a microtask, so an
   * immediate re-subscribe, as React's StrictMode does, keeps it).
   */
  subscribe(
    name: string,
    args: Record<string, unknown> | undefined,
    listener: () => void,
  ): () => void;
  /** Fetch now (joining a fetch under way); resolves when the value or the error is in. */
  refresh(name: string, args?: Record<string, unknown>): Promise<void>;
  /**
   * Apply a success envelope: every `merge` at once (the server's value, in order, aborting a
   * fetch under way), then every `invalidate`: mounted instances refetch, others are marked
   * stale (refetched when next mounted). An `invalidate` without `args` means every instance
   * of that name.
   */
  apply(envelope: ContextEnvelope): void;
  /** Take values the server rendered (see `readSerializedContexts`), replacing what is held. */
  hydrate(state: SerializedContexts): void;
  /** The held values (and errors without a value), in the form `hydrate` takes. */
  serialize(): SerializedContexts;
}

export interface ContextStoreOptions {
  /** How an instance is fetched, e.g. `(name, args, signal) => client.context(name, args, { signal })`. */
  fetch: ContextFetch;
  /** Values to start with (what the server rendered, e.g. `readSerializedContexts()`). */
  initial?: SerializedContexts | undefined;
}

interface Entry {
  readonly name: string;
  readonly args: Record<string, unknown>;
  snapshot: ContextSnapshot;
  readonly listeners: Set<() => void>;
  /** The fetch under way, if any; a newer one replaces it. */
  controller: AbortController | undefined;
  pending: Promise<void> | undefined;
  /** The snapshot before the fetch under way, put back when that fetch is dropped unneeded. */
  before: ContextSnapshot | undefined;
  /** `refresh()` calls waiting on this instance (they need its fetch even when unmounted). */
  waiters: number;
}

const IDLE: ContextSnapshot = /* @__PURE__ */ Object.freeze({
  data: undefined,
  status: "idle",
  error: undefined,
  stale: false,
});

function asClientError(error: unknown): MizanClientError {
  if (error instanceof MizanClientError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MizanClientError("INTERNAL", 500, message, null, { cause: error });
}

function hydratedError(error: { code: string; message: string }): MizanClientError {
  const known = Object.hasOwn(ERROR_STATUS, error.code);
  const code = (known ? error.code : "INTERNAL") as ClientErrorCode;
  const status = known ? ERROR_STATUS[code as keyof typeof ERROR_STATUS] : 500;
  return new MizanClientError(code, status, error.message);
}

/**
 * A store of context values keyed by `contextKey(name, args)`. It de-duplicates concurrent
 * fetches of one instance, aborts a fetch nothing needs, keeps the last value through a failed
 * refetch (`status: "error"` with the old `data`) and applies calls' `invalidate`/`merge`.
 *
 * @example
 * const api = createClient({ baseUrl: "/api/mizan" });
 * const store = createContextStore({
 *   fetch: (name, args, signal) => api.context(name, args, { signal }),
 *   initial: readSerializedContexts(),
 * });
 * api.onEnvelope((envelope) => store.apply(envelope));
 * const stop = store.subscribe("currentUser", {}, () => render(store.get("currentUser")));
 */
export function createContextStore(options: ContextStoreOptions): ContextStore {
  const entries = new Map<string, Entry>();

  const entryOf = (name: string, args: Record<string, unknown> | undefined): Entry => {
    const key = contextKey(name, args);
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        name,
        args: args ?? {},
        snapshot: IDLE,
        listeners: new Set(),
        controller: undefined,
        pending: undefined,
        before: undefined,
        waiters: 0,
      };
      entries.set(key, entry);
    }
    return entry;
  };

  const set = (entry: Entry, patch: Partial<ContextSnapshot>): void => {
    entry.snapshot = Object.freeze({ ...entry.snapshot, ...patch });
    for (const listener of [...entry.listeners]) listener();
  };

  /** Drop the fetch under way, if any, without touching the snapshot. */
  const cancel = (entry: Entry): void => {
    entry.controller?.abort();
    entry.controller = undefined;
    entry.pending = undefined;
    entry.before = undefined;
  };

  /** Start a fetch, replacing one under way (whose answer is then ignored). */
  const start = (entry: Entry): Promise<void> => {
    const before = entry.controller ? entry.before : entry.snapshot;
    cancel(entry);
    const controller = new AbortController();
    entry.controller = controller;
    entry.before = before;
    const current = () => entry.controller === controller;
    const settle = (patch: Partial<ContextSnapshot>): void => {
      if (!current()) return;
      entry.controller = undefined;
      entry.pending = undefined;
      entry.before = undefined;
      set(entry, patch);
    };
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(options.fetch(entry.name, entry.args, controller.signal));
    } catch (error) {
      running = Promise.reject(error);
    }
    // Settled by the answer, or at once when dropped (a fetch may ignore its signal), so a
    // refresh() waiting on it moves on to the fetch that replaced it.
    const dropped = new Promise<void>((resolve) => {
      controller.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    entry.pending = Promise.race([
      running.then(
        (data) => settle({ data, status: "success", error: undefined, stale: false }),
        (error: unknown) => settle({ status: "error", error: asClientError(error), stale: false }),
      ),
      dropped,
    ]);
    set(entry, { status: "loading" });
    return entry.pending;
  };

  // Idle or invalidated only: an error is a settled answer (refresh() retries it), so a
  // component that re-subscribes on every render cannot loop on a failing fetch.
  const needsFetch = (entry: Entry): boolean =>
    !entry.controller && (entry.snapshot.stale || entry.snapshot.status === "idle");

  const dropIfUnneeded = (entry: Entry): void => {
    if (entry.listeners.size > 0 || entry.waiters > 0 || !entry.controller) return;
    const before = entry.before ?? IDLE;
    cancel(entry);
    entry.snapshot = before;
  };

  const refresh = async (entry: Entry): Promise<void> => {
    if (!entry.controller) void start(entry);
    entry.waiters++;
    try {
      // A newer fetch (an invalidation) may replace the one joined: wait for the last one.
      while (entry.pending) await entry.pending;
    } finally {
      entry.waiters--;
      dropIfUnneeded(entry);
    }
  };

  const invalidate = (entry: Entry): void => {
    if (entry.listeners.size > 0 || entry.waiters > 0) {
      if (!entry.snapshot.stale) set(entry, { stale: true });
      void start(entry);
      return;
    }
    // Unmounted, perhaps with a fetch about to be dropped: drop it now, its answer is outdated.
    if (entry.controller) {
      const before = entry.before ?? IDLE;
      cancel(entry);
      entry.snapshot = before;
    }
    if (entry.snapshot !== IDLE && !entry.snapshot.stale) set(entry, { stale: true });
  };

  const store: ContextStore = {
    get(name, args) {
      return entries.get(contextKey(name, args))?.snapshot ?? IDLE;
    },
    subscribe(name, args, listener) {
      const entry = entryOf(name, args);
      // A wrapper per subscription, so the same function subscribed twice counts twice.
      const own = () => listener();
      entry.listeners.add(own);
      if (needsFetch(entry)) void start(entry);
      return () => {
        if (!entry.listeners.delete(own)) return;
        if (entry.listeners.size === 0) queueMicrotask(() => dropIfUnneeded(entry));
      };
    },
    refresh(name, args) {
      return refresh(entryOf(name, args));
    },
    apply(envelope) {
      for (const { name, args, value } of envelope.merge ?? []) {
        const entry = entryOf(name, args);
        cancel(entry);
        set(entry, { data: value, status: "success", error: undefined, stale: false });
      }
      for (const { name, args } of envelope.invalidate ?? []) {
        if (args !== undefined) {
          const entry = entries.get(contextKey(name, args));
          if (entry) invalidate(entry);
          continue;
        }
        for (const entry of [...entries.values()]) if (entry.name === name) invalidate(entry);
      }
    },
    hydrate(state) {
      for (const item of Object.values(state)) {
        if (!isRecord(item) || typeof item.name !== "string") continue;
        const entry = entryOf(item.name, isRecord(item.args) ? item.args : {});
        cancel(entry);
        if (Object.hasOwn(item, "result")) {
          set(entry, { data: item.result, status: "success", error: undefined, stale: false });
        } else if (isRecord(item.error)) {
          const { code, message } = item.error;
          const error = hydratedError({ code: String(code), message: String(message) });
          set(entry, { data: undefined, status: "error", error, stale: false });
        }
      }
    },
    serialize() {
      const out: SerializedContexts = {};
      for (const [key, entry] of entries) {
        const { data, error } = entry.snapshot;
        if (data !== undefined) out[key] = { name: entry.name, args: entry.args, result: data };
        else if (error) {
          out[key] = {
            name: entry.name,
            args: entry.args,
            error: { code: error.code, message: error.message },
          };
        }
      }
      return out;
    },
  };
  if (options.initial) store.hydrate(options.initial);
  return store;
}

/**
 * The contexts a server rendered into the page (`contextsScript`): the JSON inside
 * `<script type="application/json" id="mizan-contexts">`; `undefined` when there is no such
 * element (or no DOM) or its text is not a JSON object.
 *
 * @example
 * const store = createContextStore({ fetch, initial: readSerializedContexts() });
 */
export function readSerializedContexts(
  doc?: Document,
  id = "mizan-contexts",
): SerializedContexts | undefined {
  const source = doc ?? (globalThis as { document?: Document }).document;
  const text = source?.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? (parsed as SerializedContexts) : undefined;
  } catch {
    return undefined;
  }
}
