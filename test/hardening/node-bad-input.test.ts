import fc from "fast-check";
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { type Spec, specs } from "./arbitraries.js";
import { expectDocumented, expectNoPollution, hardeningRegistry } from "./support.js";

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
  heapBefore = process.memoryUsage().heapUsed;
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
        expectDocumented(status, headers, text, { manifest });
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
    expect(logged).toEqual([]);
  });

  test.each([
    [
      "a 10,000-deep body",
      `{"fn":"identity","args":{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`,
      400,
    ],
    ["a 1,000,000-item array", `{"fn":"identity","args":{"a":[${"0,".repeat(999_999)}0]}}`, 413],
    [
      "__proto__ at every level",
      '{"__proto__":{"polluted":1},"fn":"identity","args":{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}}}}}',
      200,
    ],
  ])("%s, chunked and not → %i", async (_name, body, expected) => {
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

  test("afterwards: nothing logged, memory bounded, no connection stuck, still answering", async () => {
    expect(logged).toEqual([]);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
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
