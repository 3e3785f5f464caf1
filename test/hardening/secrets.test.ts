import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { createClient, createInProcessClient, MizanClientError } from "../../src/client/index.js";
import type { RequestContext } from "../../src/core/index.js";
import { client, Registry } from "../../src/core/index.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { SECRET } from "./support.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

class Leaky extends Error {
  override name = "LeakyError";
  constructor() {
    super(`connect to postgres://admin:${SECRET}@db failed`, { cause: new Error(SECRET) });
  }
}

function form(name: string, where: "field" | "clean" | "submit") {
  return class extends Form {
    static override meta = formMeta({ name });
    title = new CharField();
    cleanTitle(value: string) {
      if (where === "field") throw new Leaky();
      return value;
    }
    override clean(_ctx: RequestContext) {
      if (where === "clean") throw new TypeError(`cannot read ${SECRET}`);
    }
    onSubmitSuccess() {
      if (where === "submit") throw new Leaky();
      return null;
    }
  };
}

function leakyRegistry(): Registry {
  const r = new Registry();
  r.register(
    client(() => {
      throw new Leaky();
    }),
    "throws",
  );
  r.register(
    client(() => {
      throw SECRET;
    }),
    "throwsString",
  );
  r.register(
    client(() => {
      throw Object.assign(Object.create(null), { message: SECRET, stack: SECRET });
    }),
    "throwsObject",
  );
  r.register(
    client(async () => Promise.reject(new Leaky())),
    "rejects",
  );
  r.register(
    client(() => ({
      get value() {
        throw new Error(SECRET);
      },
    })),
    "badResult",
  );
  r.register(
    client(() => ({ big: 10n, note: SECRET })),
    "bigint",
  );
  r.register(
    client({ output: z.object({ ok: z.literal(true) }) }, () => ({ ok: SECRET }) as never),
    "badOutput",
  );
  r.register(
    client(() => "fine").use(() => {
      throw new Leaky();
    }),
    "middleware",
  );
  r.register(form("leakField", "field"));
  r.register(form("leakClean", "clean"));
  r.register(form("leakSubmit", "submit"));
  return r;
}

const CALLS: Array<[string, unknown]> = [
  ["throws", {}],
  ["throwsString", {}],
  ["throwsObject", {}],
  ["rejects", {}],
  ["badResult", {}],
  ["bigint", {}],
  ["badOutput", {}],
  ["middleware", {}],
  ["leakField.submit", { data: { title: "x" } }],
  ["leakField.validate", { data: { title: "x" } }],
  ["leakClean.submit", { data: { title: "x" } }],
  ["leakSubmit.submit", { data: { title: "x" } }],
];

const STACK = /\bat \S+ \(|node:internal|\.ts:\d+|LeakyError|postgres/;

let server: TestServer;
const logged: unknown[] = [];
beforeAll(async () => {
  server = await startServer({ registry: leakyRegistry(), onError: (e) => logged.push(e) });
});
afterAll(() => server.close());

describe("a secret thrown inside a handler never reaches the client", () => {
  test.each(CALLS)("%s over HTTP: a bare 500", async (fn, args) => {
    const response = await fetch(`${server.baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn, args }),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(STACK);
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL", message: "Internal server error.", details: null },
    });
    expect([...response.headers.values()].join(" ")).not.toContain(SECRET);
  });

  test.each(CALLS)("%s through createClient: the error carries no secret", async (fn, args) => {
    const api = createClient({ baseUrl: server.baseUrl });
    const error = (await api.call(fn, args).catch((e: unknown) => e)) as MizanClientError;
    expect(error).toBeInstanceOf(MizanClientError);
    expect(error.code).toBe("INTERNAL");
    const seen = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(seen).not.toContain(SECRET);
    expect(error.cause).toBeUndefined();
  });

  test.each(CALLS)("%s in process: the same", async (fn, args) => {
    const api = createInProcessClient({ registry: leakyRegistry(), onError: () => {} });
    const error = (await api.call(fn, args).catch((e: unknown) => e)) as MizanClientError;
    expect(error.status).toBe(500);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(
      SECRET,
    );
  });

  test("a failing getUser and a throwing logger leak nothing either", async () => {
    const handler = createHandler({
      registry: leakyRegistry(),
      getUser: () => {
        throw new Leaky();
      },
      onError: () => {
        throw new Error(SECRET);
      },
    });
    const response = await handler(
      new Request("http://x/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"fn":"throws"}',
      }),
    );
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(SECRET);
  });

  test("the server's log gets the original, once per 500", () => {
    // Every call above went to the server twice: with fetch, and through createClient.
    expect(logged.length).toBe(2 * CALLS.length);
    expect(logged.some((e) => e instanceof Leaky)).toBe(true);
  });

  test("debug: true shows the message and stack (development only)", async () => {
    const options: HandlerOptions = { registry: leakyRegistry(), debug: true, onError: () => {} };
    const response = await createHandler(options)(
      new Request("http://x/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"fn":"throws"}',
      }),
    );
    const body = (await response.json()) as {
      error: { details: { cause: string; stack: string } };
    };
    expect(body.error.details.cause).toContain(SECRET);
    expect(body.error.details.stack).toMatch(/LeakyError/);
  });
});
