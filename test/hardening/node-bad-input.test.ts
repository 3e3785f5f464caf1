import { Agent, request as httpRequest } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { type Spec, specs } from "./arbitraries.js";
import {
  expectDocumented,
  expectNoPollution,
  hardeningRegistry,
  isContextRead,
  retainedHeap,
} from "./support.js";

// Real sockets on a shared 2-core machine: bounded runs, generous per-response bounds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 30_000 });
const MAX_RESPONSE_MS = 5_000;

let server: TestServer;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const logged: unknown[] = [];
let heapBefore = 0;

beforeAll(async () => {
  server = await startServer({
    registry: hardeningRegistry(),
    onError: (error) => logged.push(error),
  });
  heapBefore = retainedHeap();
});

afterAll(async () => {
  agent.destroy();
  await server.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Send a request as raw node:http does: any method, any path, chunked or with a length. */
function send(spec: Spec & { chunked?: boolean }): Promise<Answer> {
  const body =
    spec.method === "GET" || spec.method === "HEAD" || spec.body === null
      ? null
      : typeof spec.body === "string"
        ? Buffer.from(spec.body)
        : Buffer.from(spec.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) {
    if (name !== "content-length") headers[name] = value;
  }
  if (spec.contentType !== null) headers["content-type"] = spec.contentType;
  if (body) {
    // Node frames DELETE/OPTIONS bodies only when told to; chunked means no Content-Length.
    if (spec.chunked) headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = String(body.byteLength);
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.origin}${spec.path}`, {
      method: spec.method,
      headers,
      agent,
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === "string") out.set(name, value);
          else if (Array.isArray(value)) for (const v of value) out.append(name, v);
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: out,
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body) {
      if (spec.chunked) {
        const half = Math.floor(body.byteLength / 2);
        req.write(body.subarray(0, half));
        setImmediate(() => req.end(body.subarray(half)));
        return;
      }
      req.end(body);
      return;
    }
    req.end();
  });
}

describe("toNodeHandler under generated requests, over loopback", () => {
  test("any request: a documented answer, in bounded time", async () => {
    await fc.assert(
      fc.asyncProperty(specs, fc.boolean(), async (spec, chunked) => {
        const started = performance.now();
        const { status, headers, text } = await send({ ...spec, chunked });
        expect(performance.now() - started).toBeLessThan(MAX_RESPONSE_MS);
        expect(status).not.toBe(500);
        if (spec.method === "HEAD") {
          expect(headers.get("cache-control")).toBe("no-store");
          return;
        }
        const manifest = status === 200 && spec.path.includes("manifest");
        expectDocumented(status, headers, text, {
          manifest,
          contextRead: isContextRead(spec.method, spec.path),
        });
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
    expect(logged).toEqual([]);
  });

  test.each([
    [
      "a 10,000-deep body",
      400,
      `{"fn":"identity","args":{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`,
    ],
    ["a 1,000,000-item array", 413, `{"fn":"identity","args":{"a":[${"0,".repeat(999_999)}0]}}`],
    [
      "__proto__ at every level",
      200,
      '{"__proto__":{"polluted":1},"fn":"identity","args":{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}}}}}',
    ],
  ])("%s, chunked and not → %i", async (_name, expected, body) => {
    for (const chunked of [false, true]) {
      const { status, headers, text } = await send({
        method: "POST",
        path: "/api/mizan/call/",
        contentType: "application/json",
        headers: {},
        body,
        chunked,
      });
      expect(status).toBe(expected);
      expectDocumented(status, headers, text);
      expectNoPollution();
    }
  });

  test.each([
    ["JSON", "application/json", "", 1024 * 1024],
    // A well-formed start (a body that does not open with the delimiter is a 400 at once):
    // one file part whose bytes run on past the limit.
    [
      "multipart",
      "multipart/form-data; boundary=B",
      '--B\r\nContent-Disposition: form-data; name="args.f"; filename="f"\r\n\r\n',
      10 * 1024 * 1024,
    ],
  ])(
    "a 64 MB chunked %s body is refused with 413 after about its limit",
    async (_n, type, head, limit) => {
      const before = server.bytesRead.length;
      const { status, text } = await new Promise<{ status: number; text: string }>(
        (resolve, reject) => {
          let answered = false;
          const req = httpRequest(`${server.origin}/api/mizan/call/`, {
            method: "POST",
            agent: false,
            headers: { "content-type": type, "transfer-encoding": "chunked" },
          });
          req.on("response", (res) => {
            answered = true;
            let body = "";
            res.on("data", (chunk) => {
              body += chunk;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text: body }));
          });
          // The server closes the connection once it refused: our side of the upload may fail.
          req.on("error", (error) => {
            if (!answered) reject(error);
          });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          if (head) req.write(head);
          let sent = 0;
          // One chunk per turn of the event loop, as a browser uploads: the 413 is read as
          // soon as it arrives, before the server's close can reset the connection under it.
          const pump = (): void => {
            if (answered) return;
            if (sent >= 64 * 1024 * 1024) {
              req.end();
              return;
            }
            sent += chunk.byteLength;
            if (req.write(chunk)) setImmediate(pump);
            else req.once("drain", () => setImmediate(pump));
          };
          pump();
        },
      );
      expect(status).toBe(413);
      expect(JSON.parse(text).error.code).toBe("PAYLOAD_TOO_LARGE");
      const read = server.bytesRead[before] ?? 0;
      expect(read).toBeGreaterThan(limit);
      expect(read).toBeLessThan(limit + 4 * 1024 * 1024);
    },
  );

  test("afterwards: nothing logged, memory bounded, no connection stuck, still answering", async () => {
    expect(logged).toEqual([]);
    expect(retainedHeap() - heapBefore).toBeLessThan(200 * 1024 * 1024);
    const { status, text } = await send({
      method: "POST",
      path: "/api/mizan/call/",
      contentType: "application/json",
      headers: {},
      body: '{"fn":"echo","args":{"text":"still here"}}',
    });
    expect(status).toBe(200);
    expect(JSON.parse(text).result).toEqual({ message: "still here" });
    agent.destroy();
    await vi.waitFor(
      async () => {
        const open = await new Promise<number>((resolve, reject) =>
          server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
        );
        expect(open).toBe(0);
      },
      { timeout: 5_000 },
    );
  });
});
