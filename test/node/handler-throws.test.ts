import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test, vi } from "vitest";
import { toNodeHandler } from "../../src/node/index.js";

// A plain Web handler given to the adapter (an app's own, or another framework's `fetch`)
// that fails: thrown synchronously or rejected, it gets the adapter's 500 envelope (or the
// framework's next(error)), never an unhandled rejection or the error's text.

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(listener: (req: never, res: never) => void): Promise<string> {
  server = createServer(listener as never);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const failures = {
  "throws synchronously": (): Promise<Response> => {
    throw new Error("s3cr3t sync failure");
  },
  rejects: async (): Promise<Response> => {
    throw new Error("s3cr3t async failure");
  },
};

for (const [how, handler] of Object.entries(failures)) {
  test(`a handler that ${how} is answered with the 500 envelope`, async () => {
    const base = await listen(toNodeHandler(handler) as never);
    const response = await fetch(`${base}/api/mizan/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "echo" }),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe("INTERNAL");
    expect(text).not.toContain("s3cr3t");
  });

  test(`a handler that ${how} reaches the framework's next(error)`, async () => {
    const nodeHandler = toNodeHandler(handler);
    const seen: unknown[] = [];
    const base = await listen(((req: never, res: { statusCode: number; end(): void }) => {
      nodeHandler(req, res as never, (error?: unknown) => {
        seen.push(error);
        res.statusCode = 599;
        res.end();
      });
    }) as never);
    const response = await fetch(`${base}/api/mizan/call/`, { method: "POST", body: "{}" });
    expect(response.status).toBe(599);
    expect(seen).toHaveLength(1);
    expect(String(seen[0])).toContain("s3cr3t");
  });
}
