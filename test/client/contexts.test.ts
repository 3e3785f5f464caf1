/** client.context() and onEnvelope, over HTTP and in-process, and a store fed by them. */
import { describe, expect, test, vi } from "vitest";
import {
  type ContextEnvelope,
  createClient,
  createContextStore,
  createInProcessClient,
  inProcessTransport,
  type MizanClient,
  MizanClientError,
} from "../../src/client/index.js";
import type { GetUser } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";
import { contextRegistry } from "../helpers/contexts.js";

const BASE = "http://test.local/api/mizan";

type Maker = (options: { getUser?: GetUser; onEnvelope?: (e: ContextEnvelope) => void }) => {
  api: MizanClient;
  urls: string[];
};

const http: Maker = ({ getUser, onEnvelope }) => {
  const handler = createHandler({
    registry: contextRegistry(),
    ...(getUser ? { getUser } : {}),
    onError: () => {},
  });
  const urls: string[] = [];
  const api = createClient({
    baseUrl: BASE,
    csrf: false,
    onEnvelope,
    fetch: (input, init) => {
      urls.push(input);
      // As the real fetch: an aborted signal rejects with its reason.
      if (init.signal?.aborted) return Promise.reject(init.signal.reason);
      return handler(new Request(input, init));
    },
  });
  return { api, urls };
};

const inProcess: Maker = ({ getUser, onEnvelope }) => ({
  api: createInProcessClient({
    registry: contextRegistry(),
    ...(getUser ? { getUser } : {}),
    onEnvelope,
    onError: () => {},
  }),
  urls: [],
});

const viaTransport: Maker = ({ getUser, onEnvelope }) => ({
  api: createClient({
    transport: inProcessTransport({
      registry: contextRegistry(),
      ...(getUser ? { getUser } : {}),
      onError: () => {},
    }),
    onEnvelope,
  }),
  urls: [],
});

describe.each([
  ["HTTP", http],
  ["in-process", inProcess],
  ["createClient({ transport: inProcessTransport })", viaTransport],
])("%s", (_name, make) => {
  test("context() reads global and local contexts", async () => {
    const { api } = make({ getUser: () => ({ id: 1, name: "Ada" }) as never });
    await expect(api.context("currentUser")).resolves.toEqual({ id: 1, name: "Ada" });
    await expect(api.context("greet", { name: "Ada" })).resolves.toEqual({
      message: "Hello, Ada",
    });
  });

  test.each([
    ["plain", {}, "NOT_FOUND", 404],
    ["nope", {}, "NOT_FOUND", 404],
    ["session", {}, "UNAUTHENTICATED", 401],
    ["greet", { name: "" }, "VALIDATION_FAILED", 422],
    ["broken", {}, "INTERNAL", 500],
  ])("context(%j) rejects with %s", async (name, args, code, status) => {
    const { api } = make({});
    const error = await api.context(name, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanClientError);
    expect(error).toMatchObject({ code, status });
  });

  test("onEnvelope (option and method) hears calls that name contexts, and only those", async () => {
    const fromOption = vi.fn();
    const { api } = make({ onEnvelope: fromOption });
    const fromMethod = vi.fn();
    const stop = api.onEnvelope(fromMethod);
    await api.call("greet", { name: "Ada" });
    expect(fromOption).not.toHaveBeenCalled();
    await api.call("logout");
    const expected = { invalidate: [{ name: "currentUser" }], merge: [] };
    expect(fromOption).toHaveBeenLastCalledWith(expected);
    expect(fromMethod).toHaveBeenLastCalledWith(expected);
    stop();
    await api.call("profile.submit", { data: { name: "Bo" } });
    expect(fromMethod).toHaveBeenCalledTimes(1);
    expect(fromOption).toHaveBeenLastCalledWith({
      invalidate: [
        { name: "currentUser" },
        { name: "cleanSaw", args: { name: "Bo" } },
        { name: "greet", args: { name: "Bo" } },
      ],
      merge: [{ name: "currentUser", value: { id: 1, name: "Bo" } }],
    });
  });

  test("no envelope from a failed call; X-Mizan-Invalidate from an own Response", async () => {
    const heard = vi.fn();
    const { api } = make({ onEnvelope: heard });
    await expect(api.call("failing")).rejects.toMatchObject({ code: "INTERNAL" });
    await expect(api.call("profile.submit", { data: { name: "bad" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(heard).not.toHaveBeenCalled();
    const response = await api.call<Response>("download");
    expect(response).toBeInstanceOf(Response);
    expect(heard).toHaveBeenCalledWith({
      invalidate: [{ name: "currentUser" }, { name: "greet" }],
      merge: [],
    });
  });

  test("a store fed by the client refetches what a call invalidated", async () => {
    let name = "Ada";
    const { api } = make({ getUser: () => ({ id: 1, name }) as never });
    const store = createContextStore({
      fetch: (n, args, signal) => api.context(n, args, { signal }),
    });
    api.onEnvelope((envelope) => store.apply(envelope));
    const seen: unknown[] = [];
    store.subscribe("currentUser", {}, () => seen.push(store.get("currentUser").data));
    await store.refresh("currentUser");
    expect(store.get("currentUser").data).toEqual({ id: 1, name: "Ada" });
    name = "Ada Lovelace";
    await api.call("logout");
    await store.refresh("currentUser");
    expect(store.get("currentUser")).toMatchObject({
      data: { id: 1, name: "Ada Lovelace" },
      status: "success",
      stale: false,
    });
    // A merge lands at once, before any fetch.
    await api.call("profile.submit", { data: { name: "Merged" } });
    expect(seen).toContainEqual({ id: 1, name: "Merged" });
  });
});

describe("over HTTP", () => {
  test("the URL: ctx/<name>/ with args as URL-encoded JSON, none when empty", async () => {
    const { api, urls } = http({});
    await api.context("currentUser");
    await api.context("greet", { name: "A&B é" });
    expect(urls).toEqual([
      `${BASE}/ctx/currentUser/`,
      `${BASE}/ctx/greet/?args=${encodeURIComponent('{"name":"A&B é"}')}`,
    ]);
  });

  test("an abort rejects with the signal's reason", async () => {
    const { api } = http({});
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    await expect(api.context("currentUser", {}, { signal: controller.signal })).rejects.toThrow(
      "gone",
    );
  });

  test("two users' context reads interleaved stay their own", async () => {
    const handler = createHandler({
      registry: contextRegistry(),
      getUser: async (request) => {
        const id = Number(request.headers.get("x-user"));
        await new Promise((resolve) => setTimeout(resolve, id === 1 ? 20 : 2));
        return { id, name: `user${id}` } as never;
      },
    });
    const read = (id: number) =>
      handler(new Request(`${BASE}/ctx/currentUser/`, { headers: { "x-user": String(id) } })).then(
        (r) => r.json(),
      );
    const answers = await Promise.all([1, 2, 1, 2].map(read));
    expect(answers.map((a) => a.result.id)).toEqual([1, 2, 1, 2]);
  });

  test("createClient with a custom transport and no baseUrl cannot read contexts", async () => {
    const api = createClient({ transport: async () => null });
    await expect(api.context("currentUser")).rejects.toThrow(/needs a baseUrl/);
  });
});
