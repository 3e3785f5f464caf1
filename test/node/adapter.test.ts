import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, test, vi } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { toNodeHandler } from "../../src/node/index.js";
import { createHandler } from "../../src/server/index.js";
import { demoRegistry } from "../helpers/functions.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function call(base: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}

/** POST a chunked (no Content-Length) body of `total` bytes, stopping once a response arrives. */
function streamUpload(url: string, total: number) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        body += text;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on("error", reject);
    });
    // The server closes the connection after refusing: an EPIPE/ECONNRESET on our side of the
    // upload is expected once the response is in.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("toNodeHandler on a real node:http server", () => {
  test("the README echo", async () => {
    server = await startServer({ registry: demoRegistry() });
    const response = await call(server.baseUrl, { fn: "echo", args: { text: "hi" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      result: { message: "hi" },
      invalidate: [],
      merge: [],
    });
  });

  test.each([
    ["malformed JSON", 400, "BAD_REQUEST", { body: "{oops" }],
    ["no fn", 400, "BAD_REQUEST", { body: { args: {} } }],
    ["args not an object", 400, "BAD_REQUEST", { body: { fn: "echo", args: [] } }],
    ["auth, no user", 401, "UNAUTHENTICATED", { body: { fn: "whoami" } }],
    ["auth, not staff", 403, "FORBIDDEN", { body: { fn: "staffOnly" }, user: { id: 1 } }],
    ["unknown fn", 404, "NOT_FOUND", { body: { fn: "nope" } }],
    ["unknown path", 404, "NOT_FOUND", { path: "/nowhere/" }],
    ["wrong method", 405, "METHOD_NOT_ALLOWED", { method: "GET" }],
    [
      "over the limit",
      413,
      "PAYLOAD_TOO_LARGE",
      { body: { fn: "echo", args: { text: "x".repeat(2e6) } } },
    ],
    ["text/plain", 415, "UNSUPPORTED_MEDIA_TYPE", { body: "{}", type: "text/plain" }],
    ["invalid args", 422, "VALIDATION_FAILED", { body: { fn: "echo", args: { text: 1 } } }],
    ["a throw", 500, "INTERNAL", { body: { fn: "boom" } }],
  ] as const)("%s → %i %s", async (_name, status, code, spec) => {
    const s = await startServer({
      registry: demoRegistry(),
      getUser: () => ("user" in spec ? spec.user : null),
      onError: () => {},
    });
    server = s;
    const method = "method" in spec ? spec.method : "POST";
    const body = "body" in spec ? spec.body : undefined;
    const response = await fetch(`${s.baseUrl}${"path" in spec ? spec.path : "/call/"}`, {
      method,
      headers: { "content-type": "type" in spec ? spec.type : "application/json" },
      ...(method === "POST" && {
        body: typeof body === "string" ? body : JSON.stringify(body ?? {}),
      }),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    if (status === 405) expect(response.headers.get("allow")).toBe("POST");
    const envelope = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(envelope.error)).toEqual(["code", "message", "details"]);
    expect(envelope.error.code).toBe(code);
  });

  test("a 5 MiB streamed body is refused with 413 before it is read", async () => {
    server = await startServer({ registry: demoRegistry() });
    const total = 5 * 1024 * 1024;
    const { status, body } = await streamUpload(`${server.baseUrl}/call/`, total);
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe("PAYLOAD_TOO_LARGE");
    const consumed = server.bytesRead[0] ?? 0;
    expect(consumed).toBeGreaterThan(1024 * 1024);
    expect(consumed).toBeLessThan(2 * 1024 * 1024);
  });

  test("a declared Content-Length over the limit is refused without reading the body", async () => {
    server = await startServer({ registry: demoRegistry() });
    const big = JSON.stringify({ fn: "echo", args: { text: "x".repeat(5 * 1024 * 1024) } });
    const response = await call(server.baseUrl, big);
    expect(response.status).toBe(413);
    expect(server.bytesRead[0] ?? 0).toBeLessThan(1024 * 1024);
  });

  test("the adapter enforces the handler's own limit", async () => {
    server = await startServer({ registry: demoRegistry(), limits: { maxBodyBytes: 100_000 } });
    const { status } = await streamUpload(`${server.baseUrl}/call/`, 1024 * 1024);
    expect(status).toBe(413);
    expect(server.bytesRead[0] ?? 0).toBeLessThan(300_000);
  });

  test("the connection is usable after a normal call (keep-alive)", async () => {
    server = await startServer({ registry: demoRegistry() });
    for (let i = 0; i < 3; i++) {
      const response = await call(server.baseUrl, { fn: "echo", args: { text: String(i) } });
      expect(response.headers.get("connection")).not.toBe("close");
      expect(await response.json()).toMatchObject({ result: { message: String(i) } });
    }
  });

  test("__proto__ in the body pollutes nothing", async () => {
    server = await startServer({ registry: demoRegistry() });
    const response = await call(
      server.baseUrl,
      '{"fn":"identity","args":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}',
    );
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("200 concurrent calls are all answered", async () => {
    const s = await startServer({ registry: demoRegistry() });
    server = s;
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(s.baseUrl, { fn: "echo", args: { text: `n${i}` } }).then((r) => r.json()),
      ),
    );
    expect(responses.map((r) => (r as { result: { message: string } }).result.message)).toEqual(
      Array.from({ length: 200 }, (_, i) => `n${i}`),
    );
  });

  test("a thrown secret never reaches the client, and does with debug: true", async () => {
    server = await startServer({ registry: demoRegistry(), onError: () => {} });
    const hidden = await (await call(server.baseUrl, { fn: "boom" })).text();
    expect(hidden).not.toContain("s3cr3t");
    await server.close();
    server = await startServer({ registry: demoRegistry(), onError: () => {}, debug: true });
    const shown = await (await call(server.baseUrl, { fn: "boom" })).text();
    expect(shown).toContain("s3cr3t database password");
  });

  test("a returned Response passes through", async () => {
    server = await startServer({ registry: demoRegistry() });
    const response = await call(server.baseUrl, { fn: "download" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(response.headers.get("x-custom")).toBe("kept");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("id,name\n1,Ada\n");
  });

  test("every Set-Cookie from ctx.setCookie arrives separately", async () => {
    server = await startServer({ registry: demoRegistry() });
    const response = await call(server.baseUrl, { fn: "login" });
    expect(response.headers.getSetCookie()).toEqual([
      "session=abc; Path=/; HttpOnly; SameSite=Lax",
      "theme=dark; Path=/",
    ]);
  });

  test("GET manifest", async () => {
    const registry = demoRegistry();
    server = await startServer({ registry });
    const response = await fetch(`${server.baseUrl}/manifest/`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { version: string }).version).toBe(
      registry.manifest().version,
    );
  });

  test("multipart uploads stream through the adapter", async () => {
    server = await startServer({ registry: demoRegistry() });
    const form = new FormData();
    form.set("fn", "upload");
    form.set("args", "{}");
    form.set("args.data.avatar", new File(["x".repeat(2 * 1024 * 1024)], "big.bin"));
    const response = await fetch(`${server.baseUrl}/call/`, { method: "POST", body: form });
    expect(await response.json()).toMatchObject({
      result: { file: { name: "big.bin", size: 2 * 1024 * 1024 } },
    });
  });
});

describe("client aborts", () => {
  test("closing the connection aborts ctx.signal, and the late result is dropped safely", async () => {
    const registry = new Registry();
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    let markAborted: (reason: unknown) => void = () => {};
    const aborted = new Promise<unknown>((resolve) => {
      markAborted = resolve;
    });
    let finished = false;
    registry.register(
      client(async (ctx) => {
        markStarted();
        await new Promise<void>((resolve) => {
          ctx.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        markAborted(ctx.signal.aborted);
        finished = true;
        return { late: "x".repeat(100_000) };
      }),
      "slow",
    );
    registry.register(
      client(() => "still serving"),
      "ping",
    );
    server = await startServer({ registry });
    const controller = new AbortController();
    const pending = call(server.baseUrl, { fn: "slow" }, { signal: controller.signal });
    await started;
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await aborted).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(true);
    const after = await call(server.baseUrl, { fn: "ping" });
    expect(await after.json()).toMatchObject({ result: "still serving" });
  });
});

describe("Express-style middleware", () => {
  test("paths outside the base path go to next()", async () => {
    server = await startServer({ registry: demoRegistry() }, { next: true });
    const outside = await fetch(`${server.origin}/health`);
    expect(outside.status).toBe(299);
    expect(await outside.text()).toBe("next() was called");
    const inside = await call(server.baseUrl, { fn: "echo", args: { text: "hi" } });
    expect(inside.status).toBe(200);
  });

  test("without next(), paths outside the base path are a 404 envelope", async () => {
    server = await startServer({ registry: demoRegistry() });
    const response = await fetch(`${server.origin}/health`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  test("a base path given to the adapter overrides the handler's", async () => {
    server = await startServer(
      { registry: demoRegistry() },
      { basePath: "/elsewhere", next: true },
    );
    const response = await call(server.baseUrl, { fn: "echo", args: { text: "hi" } });
    expect(response.status).toBe(299);
  });

  test("mounted under a prefix, the full URL (originalUrl) is matched", async () => {
    const nodeHandler = toNodeHandler(createHandler({ registry: demoRegistry() }));
    const { createServer } = await import("node:http");
    const httpServer = createServer((req, res) => {
      // What app.use("/api/mizan", middleware) hands over: url stripped, originalUrl whole.
      Object.assign(req, { originalUrl: req.url });
      req.url = req.url?.slice("/api/mizan".length) || "/";
      nodeHandler(req, res, () => {
        res.statusCode = 299;
        res.end();
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = httpServer.address() as { port: number };
      const response = await call(`http://127.0.0.1:${port}/api/mizan`, {
        fn: "echo",
        args: { text: "mounted" },
      });
      expect(await response.json()).toMatchObject({ result: { message: "mounted" } });
    } finally {
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });

  test("a body already parsed by express.json() is used", async () => {
    const nodeHandler = toNodeHandler(createHandler({ registry: demoRegistry() }));
    const { createServer } = await import("node:http");
    const httpServer = createServer((req, res) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        text += chunk;
      });
      req.on("end", () => {
        Object.assign(req, { body: JSON.parse(text) });
        nodeHandler(req, res, () => {
          res.statusCode = 299;
          res.end();
        });
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = httpServer.address() as { port: number };
      const response = await call(`http://127.0.0.1:${port}/api/mizan`, {
        fn: "echo",
        args: { text: "parsed" },
      });
      expect(await response.json()).toMatchObject({ result: { message: "parsed" } });
    } finally {
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
