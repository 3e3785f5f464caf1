import { connect } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { client, Registry, type RequestContext } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What a function can see of `ctx.request`, as plain data. */
async function describeRequest(ctx: RequestContext) {
  const request = ctx.request;
  const reread = await request.text().then(
    () => "read",
    () => "refused",
  );
  return {
    isRequest: request instanceof Request,
    method: request.method,
    path: new URL(request.url).pathname,
    note: request.headers.get("x-note"),
    bodyUsed: request.bodyUsed,
    reread,
    redirect: request.redirect,
    aborted: request.signal.aborted,
  };
}

function registry(): Registry {
  const r = new Registry();
  r.register(client(describeRequest), "inspect");
  r.register(
    client((ctx) => ({ user: ctx.user })),
    "whoami",
  );
  return r;
}

const init = (body: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-note": "hello" },
  body,
});

describe("a JSON call through toNodeHandler", () => {
  test("ctx.request is the same to a function as through the Web handler", async () => {
    const body = JSON.stringify({ fn: "inspect", args: {} });
    const web = await createHandler({ registry: registry() })(
      new Request("http://localhost/api/mizan/call/", init(body)),
    );
    server = await startServer({ registry: registry() });
    const node = await fetch(`${server.baseUrl}/call/`, init(body));
    expect(node.status).toBe(200);
    const expected = {
      isRequest: true,
      method: "POST",
      path: "/api/mizan/call/",
      note: "hello",
      bodyUsed: true,
      reread: "refused",
      redirect: "follow",
      aborted: false,
    };
    expect((await web.json()).result).toEqual(expected);
    expect((await node.json()).result).toEqual(expected);
    expect(node.headers.get("content-length")).not.toBeNull();
  });

  test("getUser reads the request's headers", async () => {
    server = await startServer({
      registry: registry(),
      getUser: (request) => ({ id: request.headers.get("x-note") ?? "none" }),
    });
    const response = await fetch(`${server.baseUrl}/call/`, init(JSON.stringify({ fn: "whoami" })));
    expect(await response.json()).toMatchObject({ result: { user: { id: "hello" } } });
  });

  test("a declared Content-Length over the limit is a 413 with the envelope", async () => {
    server = await startServer({ registry: registry(), limits: { maxBodyBytes: 64 } });
    const response = await fetch(
      `${server.baseUrl}/call/`,
      init(JSON.stringify({ fn: "inspect", args: { pad: "x".repeat(100) } })),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "Request body is larger than 64 bytes.",
        details: { max_bytes: 64 },
      },
    });
  });

  test("a body that is not UTF-8 is a 400, as through the Web handler", async () => {
    server = await startServer({ registry: registry() });
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const response = await fetch(`${server.baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("Request body is not valid UTF-8.");
  });

  test("a client gone before ctx.signal is first read still gets an aborted signal", async () => {
    let gone!: () => void;
    const clientGone = new Promise<void>((resolve) => {
      gone = resolve;
    });
    let seen!: (aborted: boolean) => void;
    const signalSeen = new Promise<boolean>((resolve) => {
      seen = resolve;
    });
    const r = new Registry();
    r.register(
      client(async (ctx) => {
        if (!ctx.signal.aborted) {
          await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
        }
        seen(ctx.signal.aborted);
        return null;
      }),
      "late",
    );
    // getUser runs after the body is read and before the context (and its signal) is made.
    server = await startServer({
      registry: r,
      getUser: async () => {
        await clientGone;
        return null;
      },
    });
    server.server.on("connection", (socket) => socket.on("close", () => gone()));
    const body = JSON.stringify({ fn: "late" });
    const socket = connect(Number(new URL(server.origin).port), "127.0.0.1");
    socket.write(
      `POST /api/mizan/call/ HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
      () => setTimeout(() => socket.destroy(), 50),
    );
    expect(await signalSeen).toBe(true);
  });
});
