/** The handler's error path and the context it builds (split from handler.test.ts). */
import { afterEach, describe, expect, test, vi } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";
import { demoRegistry } from "../helpers/functions.js";
import {
  BASE,
  callRequest,
  expectNoPrototypePollution,
  handlerFor,
  json,
  post,
} from "../helpers/handler-requests.js";

afterEach(expectNoPrototypePollution);

describe("errors stay on the server", () => {
  test("a thrown secret never reaches the client; onError gets the original", async () => {
    const onError = vi.fn();
    const response = await handlerFor({ onError })(callRequest("boom"));
    const text = await response.text();
    expect(text).not.toContain("s3cr3t");
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL", message: "Internal server error.", details: null },
    });
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, info] = onError.mock.calls[0] as [Error, { fn: string; request: Request }];
    expect(error.message).toBe("s3cr3t database password");
    expect(info.fn).toBe("boom");
    expect(info.request).toBeInstanceOf(Request);
  });

  test("debug: true shows the original message and stack", async () => {
    const response = await handlerFor({ debug: true })(callRequest("boom"));
    const body = await json(response);
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.details.cause).toBe("s3cr3t database password");
    expect(body.error.details.stack).toContain("s3cr3t");
  });

  test("console.error is the default logger", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await createHandler({ registry: demoRegistry() })(callRequest("boom"));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test("expected errors (4xx) are not logged", async () => {
    const onError = vi.fn();
    await handlerFor({ onError })(callRequest("nope"));
    await handlerFor({ onError })(callRequest("echo", {}));
    expect(onError).not.toHaveBeenCalled();
  });

  test("a throwing onError still answers 500", async () => {
    const response = await handlerFor({
      onError: () => {
        throw new Error("logger down");
      },
    })(callRequest("boom"));
    expect(response.status).toBe(500);
  });
});

describe("context", () => {
  test("getUser is called once per call, with the request; app and signal reach ctx", async () => {
    const registry = new Registry();
    let seen: { user: unknown; app: unknown; signal: AbortSignal; request: Request } | undefined;
    registry.register(
      client({ auth: true }, (ctx) => {
        seen = ctx;
        return null;
      }),
      "inspect",
    );
    const getUser = vi.fn(() => ({ id: 7 }));
    const app = { mailer: "smtp" };
    const request = callRequest("inspect");
    await createHandler({ registry, getUser, app })(request);
    expect(getUser).toHaveBeenCalledTimes(1);
    expect(getUser).toHaveBeenCalledWith(request);
    expect(seen?.user).toEqual({ id: 7 });
    expect(seen?.app).toBe(app);
    expect(seen?.request).toBe(request);
    expect(seen?.signal).toBe(request.signal);
  });

  test("an async getUser is awaited; a throwing one is a 500", async () => {
    const ok = await handlerFor({ getUser: async () => ({ id: 3 }) })(callRequest("whoami"));
    expect(await json(ok)).toMatchObject({ result: { id: 3 } });
    const failing = await handlerFor({
      getUser: () => {
        throw new Error("session store down");
      },
    })(callRequest("whoami"));
    expect(failing.status).toBe(500);
    expect(await failing.text()).not.toContain("session store");
  });

  test("getUser is not called for requests that never reach a function", async () => {
    const getUser = vi.fn(() => null);
    const handler = handlerFor({ getUser });
    await handler(callRequest("nope"));
    await handler(post("{bad"));
    await handler(new Request(`${BASE}/manifest/`));
    expect(getUser).not.toHaveBeenCalled();
  });
});
