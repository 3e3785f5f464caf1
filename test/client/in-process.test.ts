import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  createClient,
  createInProcessClient,
  inProcessTransport,
  type MizanClient,
  MizanClientError,
} from "../../src/client/index.js";
import { client, Registry } from "../../src/core/index.js";
import { demoRegistry } from "../helpers/functions.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const staffUser = { id: 9, isStaff: true };
let server: TestServer;
let http: MizanClient;
let local: MizanClient;

beforeAll(async () => {
  const getUser = (request: Request) =>
    request.headers.get("x-user") === "staff" ? staffUser : null;
  server = await startServer({ registry: demoRegistry(), onError: () => {} });
  http = createClient({ baseUrl: server.baseUrl });
  local = createInProcessClient({ registry: demoRegistry(), getUser, onError: () => {} });
});
afterAll(() => server.close());

async function settle(promise: Promise<unknown>) {
  try {
    return { ok: await promise };
  } catch (error) {
    expect(error).toBeInstanceOf(MizanClientError);
    const { code, status, message, details } = error as MizanClientError;
    return { error: { code, status, message, details } };
  }
}

describe("the in-process client behaves like the HTTP one", () => {
  test.each([
    ["echo", { text: "hi" }],
    ["identity", undefined],
    ["identity", { nested: { a: [1, null] } }],
    ["echo", {}],
    ["echo", { text: 1 }],
    ["echo", [1]],
    ["echo", "text"],
    ["nope", {}],
    ["", {}],
    ["whoami", {}],
    ["staffOnly", {}],
    ["boom", {}],
  ])("call(%j, %j)", async (name, args) => {
    const overHttp = await settle(http.call(name, args));
    const inProcess = await settle(local.call(name, args));
    expect(inProcess).toEqual(overHttp);
  });

  test("results travel as JSON (undefined → null, Date → string)", async () => {
    const registry = new Registry();
    registry.register(
      client(() => ({ at: new Date(0), gone: undefined })),
      "when",
    );
    registry.register(
      client(() => undefined),
      "nothing",
    );
    const api = createInProcessClient({ registry });
    await expect(api.call("when")).resolves.toEqual({ at: "1970-01-01T00:00:00.000Z" });
    await expect(api.call("nothing")).resolves.toBeNull();
  });

  test("getUser, app and the signal reach the context", async () => {
    const registry = new Registry();
    let seen: { user: unknown; app: unknown; signal: AbortSignal } | undefined;
    registry.register(
      client({ auth: "staff" }, (ctx) => {
        seen = ctx;
        return null;
      }),
      "inspect",
    );
    const getUser = vi.fn(() => staffUser);
    const controller = new AbortController();
    const app = { name: "demo" };
    await createInProcessClient({ registry, getUser, app }).call(
      "inspect",
      {},
      {
        signal: controller.signal,
      },
    );
    expect(getUser).toHaveBeenCalledTimes(1);
    expect(seen?.user).toBe(staffUser);
    expect(seen?.app).toBe(app);
    expect(seen?.signal).toBe(controller.signal);
  });

  test("an abort rejects with the signal's reason", async () => {
    const registry = new Registry();
    registry.register(
      client(() => new Promise(() => {})),
      "hang",
    );
    const controller = new AbortController();
    const pending = createInProcessClient({ registry }).call(
      "hang",
      {},
      {
        signal: controller.signal,
      },
    );
    controller.abort(new Error("gone"));
    await expect(pending).rejects.toThrow("gone");
  });

  test("debug: true shows the original error, like the handler's debug", async () => {
    const api = createInProcessClient({
      registry: demoRegistry(),
      debug: true,
      onError: () => {},
    });
    const error = (await api.call("boom").catch((e: unknown) => e)) as MizanClientError;
    expect(error.details).toMatchObject({ cause: "s3cr3t database password" });
  });

  test("onError hears about unexpected errors only", async () => {
    const onError = vi.fn();
    const api = createInProcessClient({ registry: demoRegistry(), onError });
    await api.call("boom").catch(() => {});
    await api.call("nope").catch(() => {});
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ fn: "boom" });
  });

  test("manifest() is the registry's, as plain JSON", async () => {
    const registry = demoRegistry();
    const manifest = await createInProcessClient({ registry }).manifest();
    expect(manifest).toEqual(JSON.parse(JSON.stringify(registry.manifest())));
    expect(manifest).not.toBe(registry.manifest());
  });

  test("inProcessTransport plugs into createClient", async () => {
    const api = createClient({ transport: inProcessTransport({ registry: demoRegistry() }) });
    await expect(api.call("echo", { text: "via transport" })).resolves.toEqual({
      message: "via transport",
    });
  });
});
