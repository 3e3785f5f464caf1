import { afterEach, describe, expect, test } from "vitest";
import { client, type MizanUser, Registry } from "../../src/core/index.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";
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

describe("POST {base}/call/", () => {
  test("the README echo", async () => {
    const response = await handlerFor()(callRequest("echo", { text: "hi" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual({ result: { message: "hi" }, invalidate: [], merge: [] });
  });

  test("args are optional and default to {}", async () => {
    const response = await handlerFor()(callRequest("identity"));
    expect(await json(response)).toEqual({ result: {}, invalidate: [], merge: [] });
  });

  test("undefined results are null", async () => {
    const registry = new Registry();
    registry.register(
      client(() => undefined),
      "nothing",
    );
    const response = await createHandler({ registry })(callRequest("nothing"));
    expect(await json(response)).toEqual({ result: null, invalidate: [], merge: [] });
  });

  test("the trailing slash is optional", async () => {
    const request = new Request(`${BASE}/call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "echo", args: { text: "x" } }),
    });
    expect((await handlerFor()(request)).status).toBe(200);
  });

  test("a custom base path", async () => {
    const handler = handlerFor({ basePath: "/rpc/" });
    expect(handler.basePath).toBe("/rpc");
    const request = new Request("http://test.local/rpc/call/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "echo", args: { text: "x" } }),
    });
    expect((await handler(request)).status).toBe(200);
    expect((await handler(callRequest("echo", { text: "x" }))).status).toBe(404);
  });
});

describe("the status table", () => {
  const staff: MizanUser = { id: 1, isStaff: true };
  const member: MizanUser = { id: 2 };

  test.each([
    ["malformed JSON", () => post("{not json"), {}, 400, "BAD_REQUEST"],
    ["empty body", () => post(""), {}, 400, "BAD_REQUEST"],
    ["a JSON array body", () => post("[]"), {}, 400, "BAD_REQUEST"],
    ["no fn", () => post('{"args":{}}'), {}, 400, "BAD_REQUEST"],
    ["fn not a string", () => callRequest(42, {}), {}, 400, "BAD_REQUEST"],
    ["args an array", () => callRequest("identity", [1]), {}, 400, "BAD_REQUEST"],
    ["args a string", () => callRequest("identity", "x"), {}, 400, "BAD_REQUEST"],
    ["args null", () => callRequest("identity", null), {}, 400, "BAD_REQUEST"],
    ["invalid UTF-8", () => post(new Uint8Array([0x7b, 0xff, 0x7d])), {}, 400, "BAD_REQUEST"],
    ["anonymous on auth: true", () => callRequest("whoami"), {}, 401, "UNAUTHENTICATED"],
    [
      "a member on auth: staff",
      () => callRequest("staffOnly"),
      { getUser: () => member },
      403,
      "FORBIDDEN",
    ],
    ["unknown fn", () => callRequest("nope"), {}, 404, "NOT_FOUND"],
    ["an invalid fn name", () => callRequest("../etc"), {}, 404, "NOT_FOUND"],
    ["unknown path", () => new Request(`${BASE}/nope/`, { method: "POST" }), {}, 404, "NOT_FOUND"],
    ["outside the base path", () => new Request("http://test.local/"), {}, 404, "NOT_FOUND"],
    [
      "Content-Length over the limit",
      () => post("{}", { "content-length": String(2 * 1024 * 1024) }),
      {},
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    [
      "a body over maxBodyBytes",
      () => callRequest("echo", { text: "x".repeat(200) }),
      { limits: { maxBodyBytes: 100 } },
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    [
      "text/plain",
      () => post('{"fn":"echo"}', { "content-type": "text/plain" }),
      {},
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "no content type",
      () => new Request(`${BASE}/call/`, { method: "POST", body: new Uint8Array([1]) }),
      {},
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["invalid args", () => callRequest("echo", { text: 5 }), {}, 422, "VALIDATION_FAILED"],
    ["a thrown Error", () => callRequest("boom"), {}, 500, "INTERNAL"],
  ] as const)("%s → %i %s", async (_name, request, options, status, code) => {
    const response = await handlerFor(options as HandlerOptions)(request());
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await json(response);
    expect(Object.keys(body)).toEqual(["error"]);
    expect(Object.keys(body.error)).toEqual(["code", "message", "details"]);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe("string");
  });

  test("a staff user passes auth: staff", async () => {
    const response = await handlerFor({ getUser: () => staff })(callRequest("staffOnly"));
    expect(await json(response)).toMatchObject({ result: "staff only" });
  });

  test.each([
    ["GET", `${BASE}/call/`, "POST"],
    ["PUT", `${BASE}/call/`, "POST"],
    ["POST", `${BASE}/manifest/`, "GET"],
    ["DELETE", `${BASE}/ctx/site/`, "GET"],
  ])("%s %s → 405 with Allow: %s", async (method, url, allow) => {
    const response = await handlerFor()(new Request(url, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect((await json(response)).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  test("422 details are fields + non_field", async () => {
    const response = await handlerFor()(callRequest("echo", {}));
    expect((await json(response)).error.details).toEqual({
      fields: { text: [{ message: expect.any(String), code: "invalid_type" }] },
      non_field: [],
    });
  });
});

describe("body limits", () => {
  test("a streamed body is cancelled as soon as it passes the limit", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const total = 5 * 1024 * 1024;
    let produced = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (produced >= total) {
          controller.close();
          return;
        }
        produced += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request(`${BASE}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await handlerFor()(request);
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  test("multipart bodies have their own, larger limit", async () => {
    const handler = handlerFor({ limits: { maxBodyBytes: 100, maxMultipartBytes: 10_000 } });
    const form = new FormData();
    form.set("fn", "upload");
    form.set("args", "{}");
    form.set("args.data.avatar", new File(["x".repeat(500)], "a.txt"));
    const ok = await handler(new Request(`${BASE}/call/`, { method: "POST", body: form }));
    expect(ok.status).toBe(200);
    form.set("args.data.avatar", new File(["x".repeat(20_000)], "a.txt"));
    const tooBig = await handler(new Request(`${BASE}/call/`, { method: "POST", body: form }));
    expect(tooBig.status).toBe(413);
  });

  test("the handler exposes its resolved limits", () => {
    expect(handlerFor({ limits: { maxDepth: 8 } }).limits).toEqual({
      maxBodyBytes: 1024 * 1024,
      maxMultipartBytes: 10 * 1024 * 1024,
      maxDepth: 8,
      maxContextArgsBytes: 4 * 1024,
      maxNumberOfFields: 1000,
    });
  });

  test("JSON nested past maxDepth is a 400, even 10,000 deep", async () => {
    const deep = `{"fn":"identity","args":{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`;
    const response = await handlerFor()(post(deep));
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toMatch(/deeper than 64/);
    const ok = `{"fn":"identity","args":{"a":${"[".repeat(10)}${"]".repeat(10)}}}`;
    expect((await handlerFor()(post(ok))).status).toBe(200);
  });
});

describe("prototype pollution", () => {
  test.each([
    '{"__proto__": {"polluted": true}, "fn": "identity"}',
    '{"fn": "identity", "args": {"__proto__": {"polluted": true}}}',
    '{"fn": "identity", "args": {"constructor": {"prototype": {"polluted": true}}}}',
  ])("%s pollutes nothing", async (body) => {
    const response = await handlerFor()(post(body));
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  test("the handler sees __proto__ as an own key, not a prototype", async () => {
    const registry = new Registry();
    let seen: Record<string, unknown> = {};
    registry.register(
      client((_ctx, args) => {
        seen = args;
        return null;
      }),
      "spy",
    );
    await createHandler({ registry })(post('{"fn":"spy","args":{"__proto__":{"isStaff":true}}}'));
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
    expect((seen as { isStaff?: boolean }).isStaff).toBeUndefined();
  });

  test.each(["args.__proto__.polluted", "args.constructor.prototype.polluted"])(
    "a multipart part named %s is refused",
    async (name) => {
      const form = new FormData();
      form.set("fn", "identity");
      form.set(name, new File(["x"], "x.txt"));
      const response = await handlerFor()(
        new Request(`${BASE}/call/`, { method: "POST", body: form }),
      );
      expect(response.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe("forms", () => {
  test("multipart: fn, args JSON and file parts at dotted paths", async () => {
    const form = new FormData();
    form.set("fn", "upload");
    form.set("args", JSON.stringify({ data: { name: "Ada" } }));
    form.set("args.data.avatar", new File(["hello"], "hello.txt", { type: "text/plain" }));
    const response = await handlerFor()(
      new Request(`${BASE}/call/`, { method: "POST", body: form }),
    );
    expect(await json(response)).toEqual({
      result: { file: { name: "hello.txt", size: 5, text: "hello" } },
      invalidate: [],
      merge: [],
    });
  });

  test("multipart: a file part not under args. is refused", async () => {
    const form = new FormData();
    form.set("fn", "upload");
    form.set("avatar", new File(["x"], "x.txt"));
    const response = await handlerFor()(
      new Request(`${BASE}/call/`, { method: "POST", body: form }),
    );
    expect(response.status).toBe(400);
  });

  test("multipart: malformed body is a 400", async () => {
    const response = await handlerFor()(
      post("garbage", { "content-type": "multipart/form-data; boundary=xyz" }),
    );
    expect(response.status).toBe(400);
  });

  test("urlencoded: fn and args JSON", async () => {
    const body = new URLSearchParams({ fn: "echo", args: JSON.stringify({ text: "hé" }) });
    const response = await handlerFor()(new Request(`${BASE}/call/`, { method: "POST", body }));
    expect(await json(response)).toMatchObject({ result: { message: "hé" } });
  });

  test("urlencoded: args that are not JSON are a 400", async () => {
    const body = new URLSearchParams({ fn: "echo", args: "{oops" });
    const response = await handlerFor()(new Request(`${BASE}/call/`, { method: "POST", body }));
    expect(response.status).toBe(400);
  });
});

describe("responses", () => {
  test("a returned Response passes through with no-store added", async () => {
    const response = await handlerFor()(callRequest("download"));
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(response.headers.get("x-custom")).toBe("kept");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("id,name\n1,Ada\n");
  });

  test("a Response with immutable headers passes through too", async () => {
    const registry = new Registry();
    registry.register(
      client(() => Response.redirect("http://test.local/elsewhere", 302)),
      "go",
    );
    const response = await createHandler({ registry })(callRequest("go"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://test.local/elsewhere");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("ctx.setCookie becomes one Set-Cookie header per cookie", async () => {
    const response = await handlerFor()(callRequest("login"));
    expect(response.headers.getSetCookie()).toEqual([
      "session=abc; Path=/; HttpOnly; SameSite=Lax",
      "theme=dark; Path=/",
    ]);
  });

  test("ctx.responseHeaders reach error responses too", async () => {
    const registry = new Registry();
    registry.register(
      client((ctx) => {
        ctx.setCookie("tried", "1");
        ctx.responseHeaders.set("x-trace", "t1");
        throw new Error("nope");
      }),
      "fails",
    );
    const response = await createHandler({ registry, onError: () => {} })(callRequest("fails"));
    expect(response.status).toBe(500);
    expect(response.headers.getSetCookie()).toEqual(["tried=1; Path=/"]);
    expect(response.headers.get("x-trace")).toBe("t1");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("GET {base}/manifest/ is the registry's manifest", async () => {
    const registry = demoRegistry();
    const response = await createHandler({ registry })(new Request(`${BASE}/manifest/`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual(JSON.parse(JSON.stringify(registry.manifest())));
  });

  test("a result that is not JSON is a 500", async () => {
    const registry = new Registry();
    registry.register(
      client(() => ({ big: 1n })),
      "bigint",
    );
    const response = await createHandler({ registry, onError: () => {} })(callRequest("bigint"));
    expect(response.status).toBe(500);
  });
});
