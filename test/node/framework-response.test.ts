import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createInProcessClient } from "../../src/client/index.js";
import { client, isFrameworkResponse, Registry } from "../../src/core/index.js";
import { NodeResponse, nodeResponse } from "../../src/node/index.js";
import { createHandler, type FrameworkPassThrough } from "../../src/server/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let dir: string;
let file: string;
const CONTENT = "line\n".repeat(50_000); // 250 KB: several chunks through the socket

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mizan-node-response-"));
  file = join(dir, "report.txt");
  await writeFile(file, CONTENT);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the writers saw, so a test can tell the real ServerResponse reached them. */
let seen: Array<{ res: unknown; response: NodeResponse }> = [];

function registry(): Registry {
  const r = new Registry();
  r.register(
    client((ctx) => {
      ctx.setCookie("downloaded", "yes");
      const response: NodeResponse = nodeResponse(async (res) => {
        seen.push({ res, response });
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.setHeader("content-disposition", 'attachment; filename="report.txt"');
        await pipeline(createReadStream(file), res);
      });
      return response;
    }),
    "report.download",
  );
  r.register(
    client(() =>
      nodeResponse((res) => {
        res.statusCode = 202;
        res.setHeader("cache-control", "max-age=60");
        res.end("accepted");
      }),
    ),
    "accepted",
  );
  r.register(
    client(() =>
      nodeResponse(() => {
        throw new Error("disk s3cr3t unavailable");
      }),
    ),
    "broken",
  );
  return r;
}

function callRequest(fn: string, origin = "http://test.local"): Request {
  return new Request(`${origin}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn }),
  });
}

describe("nodeResponse: a Node-only answer that writes the ServerResponse itself", () => {
  test("NodeResponse is the registered framework response class", () => {
    expect(isFrameworkResponse(nodeResponse(() => {}))).toBe(true);
    expect(isFrameworkResponse({ write() {} })).toBe(false);
  });

  test("over node:http: streamed with node streams, headers and cookies kept", async () => {
    seen = [];
    server = await startServer({ registry: registry() });
    const response = await fetch(`${server.baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "report.download" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="report.txt"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual(["downloaded=yes; Path=/"]);
    expect(await response.text()).toBe(CONTENT);
    // The writer got the real ServerResponse, and ran exactly once.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.res).toBeInstanceOf(ServerResponse);
  });

  test("its own status and Cache-Control win", async () => {
    server = await startServer({ registry: registry() });
    const response = await fetch(`${server.baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"fn":"accepted"}',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("cache-control")).toBe("max-age=60");
    expect(await response.text()).toBe("accepted");
  });

  test("a writer that throws before sending: the 500 envelope, onError told, no leak", async () => {
    const onError = vi.fn();
    server = await startServer({ registry: registry(), onError });
    const response = await fetch(`${server.baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"fn":"broken"}',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe("INTERNAL");
    expect(text).not.toContain("s3cr3t");
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, info] = onError.mock.calls[0] ?? [];
    expect(error).toEqual(new Error("disk s3cr3t unavailable"));
    expect(info).toMatchObject({ fn: "broken" });
  });

  test("handler.serve lets the very object through for the adapter", async () => {
    const handler = createHandler({ registry: registry() });
    const answer = (await handler.serve(callRequest("report.download"))) as FrameworkPassThrough;
    expect(answer).not.toBeInstanceOf(Response);
    expect(answer.frameworkResponse).toBeInstanceOf(NodeResponse);
    expect(answer.headers.getSetCookie()).toEqual(["downloaded=yes; Path=/"]);
  });

  test("the plain Web handler refuses it: 500 for the client, a clear error for onError", async () => {
    const onError = vi.fn();
    const handler = createHandler({ registry: registry(), onError });
    const response = await handler(callRequest("report.download"));
    expect(response.status).toBe(500);
    expect((await response.json()).error).toEqual({
      code: "INTERNAL",
      message: "Internal server error.",
      details: null,
    });
    const [error, info] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('"report.download" returned a framework response');
    expect((error as Error).message).toContain("toNodeHandler");
    expect(info).toMatchObject({ fn: "report.download" });
  });

  test("the in-process client returns it untouched", async () => {
    seen = [];
    const api = createInProcessClient({ registry: registry() });
    const answer = await api.call("report.download");
    expect(answer).toBeInstanceOf(NodeResponse);
    expect(seen).toEqual([]); // nothing was written: the caller holds the writer
  });
});
