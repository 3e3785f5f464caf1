import { describe, expect, test, vi } from "vitest";
import {
  contextKey,
  createContextStore,
  MizanClientError,
  readSerializedContexts,
} from "../../src/client/index.js";

/** A fetch whose answers the test hands out one by one. */
function controlledFetch() {
  const calls: Array<{
    name: string;
    args: Record<string, unknown>;
    signal: AbortSignal;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }> = [];
  const fetch = vi.fn((name: string, args: Record<string, unknown>, signal: AbortSignal) => {
    return new Promise<unknown>((resolve, reject) => {
      calls.push({ name, args, signal, resolve, reject });
    });
  });
  return { fetch, calls };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("contextKey", () => {
  test("sorts keys at every depth; no args is {}", () => {
    expect(contextKey("greet", { b: 1, a: { d: 2, c: 3 } })).toBe(
      contextKey("greet", { a: { c: 3, d: 2 }, b: 1 }),
    );
    expect(contextKey("currentUser")).toBe(contextKey("currentUser", {}));
    expect(contextKey("greet", { name: "Ada" })).not.toBe(contextKey("greet", { name: "Bo" }));
    expect(contextKey("a", {})).not.toBe(contextKey("b", {}));
  });
});

describe("createContextStore", () => {
  test("an unknown key is idle, and get() gives the same object until it changes", () => {
    const store = createContextStore({ fetch: controlledFetch().fetch });
    const first = store.get("greet", { name: "Ada" });
    expect(first).toEqual({ data: undefined, status: "idle", error: undefined, stale: false });
    expect(store.get("greet", { name: "Ada" })).toBe(first);
  });

  test("subscribing fetches once; concurrent subscribers share one fetch", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const a = vi.fn();
    const b = vi.fn();
    store.subscribe("greet", { name: "Ada" }, a);
    store.subscribe("greet", { name: "Ada" }, b);
    void store.refresh("greet", { name: "Ada" });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(calls[0]?.args).toEqual({ name: "Ada" });
    const loading = store.get("greet", { name: "Ada" });
    expect(loading.status).toBe("loading");
    expect(store.get("greet", { name: "Ada" })).toBe(loading);
    calls[0]?.resolve({ message: "Hello, Ada" });
    await tick();
    expect(store.get("greet", { name: "Ada" })).toEqual({
      data: { message: "Hello, Ada" },
      status: "success",
      error: undefined,
      stale: false,
    });
    expect(a).toHaveBeenCalled();
    expect(b).toHaveBeenCalled();
    // Mounting again with a value in hand fetches nothing.
    store.subscribe("greet", { name: "Ada" }, () => {});
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("the last unsubscribe aborts the fetch nothing needs; a late answer is ignored", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const stopA = store.subscribe("greet", { name: "Ada" }, () => {});
    const stopB = store.subscribe("greet", { name: "Ada" }, () => {});
    stopA();
    await tick();
    expect(calls[0]?.signal.aborted).toBe(false);
    stopB();
    await tick();
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve("late");
    await tick();
    expect(store.get("greet", { name: "Ada" }).status).toBe("idle");
    // Mounting again fetches afresh.
    store.subscribe("greet", { name: "Ada" }, () => {});
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test("unsubscribe then an immediate re-subscribe (StrictMode) keeps the fetch", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    store.subscribe("currentUser", {}, () => {})();
    store.subscribe("currentUser", {}, () => {});
    await tick();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(calls[0]?.signal.aborted).toBe(false);
  });

  test("a refresh() caller keeps the fetch alive without subscribers and resolves when in", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const done = store.refresh("currentUser");
    await tick();
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve({ id: 1 });
    await done;
    expect(store.get("currentUser").data).toEqual({ id: 1 });
  });

  test("a failed refetch keeps the old value, with status error", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    store.subscribe("currentUser", undefined, () => {});
    calls[0]?.resolve({ id: 1 });
    await tick();
    const refreshed = store.refresh("currentUser");
    expect(store.get("currentUser")).toMatchObject({ status: "loading", data: { id: 1 } });
    calls[1]?.reject(new MizanClientError("INTERNAL", 500, "Internal server error."));
    await refreshed;
    const after = store.get("currentUser");
    expect(after.status).toBe("error");
    expect(after.data).toEqual({ id: 1 });
    expect(after.error).toBeInstanceOf(MizanClientError);
    expect(after.error?.code).toBe("INTERNAL");
  });

  test("a throw that is not a MizanClientError becomes one", async () => {
    const store = createContextStore({
      fetch: () => {
        throw new Error("boom");
      },
    });
    await store.refresh("x");
    expect(store.get("x").error).toMatchObject({ code: "INTERNAL", message: "boom" });
  });

  test("an error is settled: re-subscribing does not refetch it (no loop), refresh() does", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const stop = store.subscribe("x", {}, () => {});
    calls[0]?.reject(new MizanClientError("FORBIDDEN", 403, "No."));
    await tick();
    stop();
    store.subscribe("x", {}, () => {});
    expect(store.get("x").status).toBe("error");
    expect(fetch).toHaveBeenCalledTimes(1);
    void store.refresh("x");
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test("merge applies at once, in order, and overrides a fetch under way", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const listener = vi.fn();
    store.subscribe("currentUser", {}, listener);
    store.apply({
      merge: [
        { name: "currentUser", value: { id: 1, name: "first" } },
        { name: "currentUser", args: {}, value: { id: 1, name: "second" } },
      ],
    });
    expect(store.get("currentUser")).toEqual({
      data: { id: 1, name: "second" },
      status: "success",
      error: undefined,
      stale: false,
    });
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve({ id: 1, name: "old" });
    await tick();
    expect(store.get("currentUser").data).toEqual({ id: 1, name: "second" });
  });

  test("invalidate refetches mounted keys and marks the others stale", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({
      fetch,
      initial: {
        [contextKey("greet", { name: "Ada" })]: {
          name: "greet",
          args: { name: "Ada" },
          result: "A",
        },
        [contextKey("greet", { name: "Bo" })]: { name: "greet", args: { name: "Bo" }, result: "B" },
      },
    });
    store.subscribe("greet", { name: "Ada" }, () => {});
    expect(fetch).not.toHaveBeenCalled();
    store.apply({ invalidate: [{ name: "greet" }] });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(calls[0]?.args).toEqual({ name: "Ada" });
    expect(store.get("greet", { name: "Ada" })).toMatchObject({
      data: "A",
      status: "loading",
      stale: true,
    });
    expect(store.get("greet", { name: "Bo" })).toMatchObject({
      data: "B",
      status: "success",
      stale: true,
    });
    calls[0]?.resolve("A2");
    await tick();
    expect(store.get("greet", { name: "Ada" })).toMatchObject({ data: "A2", stale: false });
    // The stale one is fetched when it is next mounted.
    store.subscribe("greet", { name: "Bo" }, () => {});
    expect(calls[1]?.args).toEqual({ name: "Bo" });
  });

  test("invalidated just after its last unsubscribe: the fetch is dropped, the key stays stale", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({
      fetch,
      initial: { [contextKey("currentUser")]: { name: "currentUser", args: {}, result: 1 } },
    });
    const stop = store.subscribe("currentUser", {}, () => {});
    store.apply({ invalidate: [{ name: "currentUser" }] });
    expect(calls).toHaveLength(1);
    stop();
    // Before the deferred abort runs:
    store.apply({ invalidate: [{ name: "currentUser" }] });
    expect(calls[0]?.signal.aborted).toBe(true);
    await tick();
    expect(store.get("currentUser")).toMatchObject({ data: 1, status: "success", stale: true });
    store.subscribe("currentUser", {}, () => {});
    expect(calls).toHaveLength(2);
  });

  test("a refresh() caller counts as mounted for invalidate: its fetch restarts", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    const done = store.refresh("currentUser");
    store.apply({ invalidate: [{ name: "currentUser" }] });
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[1]?.resolve("fresh");
    await done;
    expect(store.get("currentUser").data).toBe("fresh");
  });

  test("invalidate with args touches that key only; an in-flight fetch is replaced", async () => {
    const { fetch, calls } = controlledFetch();
    const store = createContextStore({ fetch });
    store.subscribe("greet", { name: "Ada" }, () => {});
    store.subscribe("greet", { name: "Bo" }, () => {});
    store.apply({ invalidate: [{ name: "greet", args: { name: "Ada" } }] });
    expect(calls).toHaveLength(3);
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls[1]?.signal.aborted).toBe(false);
    calls[0]?.resolve("old");
    calls[2]?.resolve("new");
    await tick();
    expect(store.get("greet", { name: "Ada" }).data).toBe("new");
  });

  test("hydrate/serialize round-trip, errors included", () => {
    const state = {
      [contextKey("currentUser")]: { name: "currentUser", args: {}, result: { id: 1 } },
      [contextKey("boom")]: {
        name: "boom",
        args: {},
        error: { code: "UNAUTHENTICATED", message: "Authentication required." },
      },
    };
    const store = createContextStore({ fetch: controlledFetch().fetch, initial: state });
    expect(store.get("currentUser").data).toEqual({ id: 1 });
    const failed = store.get("boom");
    expect(failed.status).toBe("error");
    expect(failed.error).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    expect(store.serialize()).toEqual(state);
  });

  test("readSerializedContexts reads the script tag, and is undefined without one", () => {
    const doc = {
      getElementById: (id: string) =>
        id === "mizan-contexts"
          ? { textContent: '{"currentUser {}":{"name":"currentUser"}}' }
          : null,
    } as unknown as Document;
    expect(readSerializedContexts(doc)).toEqual({ "currentUser {}": { name: "currentUser" } });
    expect(readSerializedContexts(doc, "other")).toBeUndefined();
    const broken = { getElementById: () => ({ textContent: "<nope" }) } as unknown as Document;
    expect(readSerializedContexts(broken)).toBeUndefined();
    expect(readSerializedContexts()).toBeUndefined();
  });
});
