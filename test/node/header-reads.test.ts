import { afterEach, describe, expect, test, vi } from "vitest";
import { client, Registry, type RequestContext } from "../../src/core/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Names a function may ask for: any case, absent ones, names `Headers` refuses, non-strings. */
const NAMES: unknown[] = [
  "x-note",
  "X-Note",
  "X-NOTE",
  "content-type",
  "Content-Type",
  "x-list",
  "X-List",
  "absent",
  "Absent",
  "bad name",
  "x-nöte",
  "",
  "x:colon",
  42,
  // More distinct names than the adapter keeps keys for, then the first ones again.
  ...Array.from({ length: 80 }, (_, i) => `x-extra-${i}`),
  ...Array.from({ length: 80 }, (_, i) => `X-Extra-${i}`),
  "x-note",
  "X-List",
];

/** Each name's `get` and `has` on ctx.request.headers, a thrown TypeError as "throws". */
function readAll(ctx: RequestContext) {
  const headers = ctx.request.headers;
  const answer = (read: () => unknown) => {
    try {
      return read();
    } catch (error) {
      return error instanceof TypeError ? "throws" : "other";
    }
  };
  return NAMES.map((name) => [
    answer(() => headers.get(name as string)),
    answer(() => headers.has(name as string)),
  ]);
}

describe("ctx.request.headers on a JSON call through toNodeHandler", () => {
  test("get and has answer as a real Headers of the same request, call after call", async () => {
    const registry = new Registry();
    registry.register(client(readAll), "read");
    server = await startServer({ registry });
    const sent: Record<string, string> = {
      "content-type": "application/json",
      "x-note": "hello",
      "x-list": "a, b",
      "x-extra-7": "seven",
      "x-extra-70": "seventy",
    };
    const real = new Headers(sent);
    const expected = readAll({ request: { headers: real } } as unknown as RequestContext);
    for (let round = 0; round < 3; round++) {
      const answer = await fetch(`${server.baseUrl}/call/`, {
        method: "POST",
        headers: sent,
        body: JSON.stringify({ fn: "read", args: {} }),
      });
      expect(answer.status).toBe(200);
      expect((await answer.json()).result).toEqual(expected);
    }
  });
});
