import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { toNodeHandler, type WebHandler } from "../../src/node/index.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * The same handler served twice: through toNodeHandler as is (the handler's JSON answers
 * written from plain data, JSON calls read without Web streams), and through a wrapper that
 * only offers the Web entry points (every answer a Web Response, written by writeResponse).
 * Both must put the same bytes on the wire.
 */
function registry(): Registry {
  const r = new Registry();
  r.register(
    client((_ctx, args: { text?: string }) => ({ echo: args.text ?? "" })),
    "echo",
  );
  r.register(
    client((ctx) => {
      ctx.setCookie("session", "abc", { httpOnly: true });
      ctx.setCookie("theme", "dark");
      ctx.responseHeaders.set("Vary", "Origin");
      ctx.responseHeaders.append("X-Trace", "one");
      ctx.responseHeaders.append("X-Trace", "two");
      ctx.invalidate("greet", { name: "Ada" });
      return { ok: true };
    }),
    "cookies",
  );
  r.register(
    client((ctx) => {
      ctx.setCookie("seen", "1");
      return new Response("<p>hi</p>", {
        status: 201,
        headers: { "content-type": "text/html", "x-own": "yes" },
      });
    }),
    "own",
  );
  r.register(
    client(() => {
      throw new Error("boom");
    }),
    "broken",
  );
  r.register(
    client((ctx) => {
      const headers = ctx.request.headers;
      const names = ["cookie", "X-Dup", "x-dup", "accept-language", "x-empty", "x-missing"];
      const odd = ["", "bad name", ":path", "x-\u212A"].map((name) => {
        try {
          return headers.get(name);
        } catch (error) {
          return (error as Error).name;
        }
      });
      const before = {
        isHeaders: headers instanceof Headers,
        tag: Object.prototype.toString.call(headers),
        get: names.map((name) => headers.get(name)),
        has: names.map((name) => headers.has(name)),
        odd,
        entries: [...headers],
      };
      headers.set("x-dup", "changed");
      headers.delete("cookie");
      return {
        before,
        after: { dup: headers.get("X-Dup"), cookie: headers.has("cookie"), all: [...headers] },
      };
    }),
    "headers",
  );
  r.register(
    client({ context: "local" }, (_ctx, args: { name?: string }) => ({ hi: args.name ?? "" })),
    "greet",
  );
  r.register(
    client((ctx) => ctx.request.url),
    "url",
  );
  return r;
}

const servers: Server[] = [];

async function listen(handler: WebHandler): Promise<number> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** One raw HTTP/1.1 exchange; the answer's head and body as text, its Date line removed. */
function exchange(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const finish = (): void => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      resolve(
        text
          .replace(/\r\nDate: [^\r]*/i, "")
          // Fresh CSRF tokens differ from one answer to the next.
          .replace(/csrftoken=[A-Za-z0-9]{32}/g, "csrftoken=<token>"),
      );
    };
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end));
      if (length && Buffer.concat(chunks).byteLength >= end + 4 + Number(length[1])) finish();
      else if (!length && text.endsWith("\r\n0\r\n\r\n")) finish(); // chunked, complete
    });
    socket.on("end", finish);
    socket.on("error", reject);
    socket.write(request);
  });
}

function post(path: string, body: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    host: "example.test",
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}

function get(path: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ host: "example.test", ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `GET ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

/** A JSON POST whose body is these bytes, as they are (UTF-8 or not). */
function postBytes(path: string, body: Buffer): Buffer {
  const head = `POST ${path} HTTP/1.1\r\nhost: example.test\r\ncontent-type: application/json\r\ncontent-length: ${body.byteLength}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

const call = (fn: string, args?: unknown) => JSON.stringify({ fn, args });
/** `{"fn":"echo","args":{"text":"<bytes>"}}` with these bytes inside the text. */
const echoBytes = (...bytes: number[]) =>
  Buffer.concat([
    Buffer.from('{"fn":"echo","args":{"text":"'),
    Buffer.from(bytes),
    Buffer.from('"}}'),
  ]);
const TOKEN = "A".repeat(32);

const REQUESTS: Array<[string, string | Buffer]> = [
  ["a result", post("/api/mizan/call/", call("echo", { text: "hi" }))],
  ["cookies, Vary and repeated headers", post("/api/mizan/call/", call("cookies"))],
  ["a function's own Response", post("/api/mizan/call/", call("own"))],
  ["a 500", post("/api/mizan/call/", call("broken"))],
  ["an unknown function", post("/api/mizan/call/", call("nope"))],
  ["malformed JSON", post("/api/mizan/call/", "{nope")],
  ["a body over the limit", post("/api/mizan/call/", call("echo", { text: "x".repeat(400) }))],
  ["text/plain", post("/api/mizan/call/", "hi", { "content-type": "text/plain" })],
  [
    "urlencoded",
    post("/api/mizan/call/", "fn=echo&args=%7B%7D", {
      "content-type": "application/x-www-form-urlencoded",
    }),
  ],
  ["GET on the call route", get("/api/mizan/call/")],
  ["an unknown route", get("/api/mizan/nowhere/")],
  ["the manifest", get("/api/mizan/manifest/")],
  ["a context read", get("/api/mizan/ctx/greet/?args=%7B%22name%22%3A%22Ada%22%7D")],
  ["a bad context read", get("/api/mizan/ctx/greet/?args=%7B")],
  ["CSRF refused", post("/api/mizan/call/", call("echo"), { cookie: "a=b" })],
  [
    "CSRF passed, in French by cookie",
    post("/api/mizan/call/", call("cookies"), {
      cookie: `csrftoken=${TOKEN}; django_language=fr`,
      "x-csrftoken": TOKEN,
    }),
  ],
  [
    "ctx.request.headers",
    post("/api/mizan/call/", call("headers"), {
      "X-Dup": "one",
      "x-empty": "",
      "Accept-Language": "  fr  ",
      Cookie: `csrftoken=${TOKEN}`,
      "X-CSRFToken": TOKEN,
    }).replace("\r\n\r\n", "\r\nx-dup: two\r\ncookie: b=2\r\n\r\n"),
  ],
  [
    "Accept-Language",
    post("/api/mizan/call/", call("nope"), { "accept-language": "de-DE, fr;q=0.5" }),
  ],
  ["a UTF-8 body", post("/api/mizan/call/", call("echo", { text: "é ü 中文 😀" }))],
  ["a byte order mark", post("/api/mizan/call/", `\uFEFF${call("echo", { text: "bom" })}`)],
  ["two byte order marks", post("/api/mizan/call/", `\uFEFF\uFEFF${call("echo")}`)],
  ["a byte that is never UTF-8", postBytes("/api/mizan/call/", echoBytes(0xff))],
  ["an encoded surrogate", postBytes("/api/mizan/call/", echoBytes(0xed, 0xa0, 0x80))],
  ["an overlong encoding", postBytes("/api/mizan/call/", echoBytes(0xc0, 0xaf))],
  ["a cut sequence", postBytes("/api/mizan/call/", echoBytes(0xe2, 0x82))],
  ["a Latin-1 body", postBytes("/api/mizan/call/", echoBytes(0xe9))],
  ["ctx.request.url", post("/api/mizan/call/", call("url"))],
  [
    "ctx.request.url, host to normalise",
    post("/api/mizan/call/", call("url"), { host: "EXAMPLE.Test:080" }),
  ],
  ["a host that moves the path", post("/api/mizan/call/", call("url"), { host: "a/b" })],
  ["a host that does not parse", post("/api/mizan/call/", call("url"), { host: "a b" })],
  ["an IPv6 host", post("/api/mizan/call/", call("url"), { host: "[::1]:8080" })],
  ["the call path with a query", post("/api/mizan/call/?x=1", call("url"))],
  ["the call path without its slash", post("/api/mizan/call", call("url"))],
];

describe.each([
  ["default options", {}],
  ["languages", { languages: ["en", "fr", "de"] }],
] as Array<[string, HandlerOptions]>)("toNodeHandler's bytes (%s)", (_name, options) => {
  let light = 0;
  let web = 0;
  beforeAll(async () => {
    const handler = createHandler({
      registry: registry(),
      limits: { maxBodyBytes: 256 },
      onError: () => {},
      ...options,
    });
    const webOnly: WebHandler = Object.assign((request: Request) => handler(request), {
      basePath: handler.basePath,
      limits: handler.limits,
      serve: handler.serve,
    });
    light = await listen(handler);
    web = await listen(webOnly);
  });

  test.each(REQUESTS)("%s: the same as the Web Response path", async (_what, request) => {
    const expected = await exchange(web, request);
    expect(expected).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(await exchange(light, request)).toBe(expected);
  });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
