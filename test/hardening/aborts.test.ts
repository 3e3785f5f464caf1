import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { FileField } from "../../src/forms/fields/file-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { toNodeHandler } from "../../src/node/index.js";
import { createHandler } from "../../src/server/index.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const KB = 1024;
const stored: string[] = [];
const started: Array<() => void> = [];
let signals: AbortSignal[] = [];

class SlowForm extends Form {
  static override meta = formMeta({ name: "slow" });
  async onSubmitSuccess(ctx: { signal: AbortSignal }) {
    signals.push(ctx.signal);
    started.shift()?.();
    // Work that outlives the client: it finishes, and its answer has nowhere to go.
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      ctx.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    stored.push("late");
    return { late: "x".repeat(100 * KB) };
  }
}

class UploadForm extends Form {
  static override meta = formMeta({ name: "upload" });
  doc = new FileField({ maxSize: 64 * KB });
}

let server: Server;
let origin = "";
let open = 0;
const logged: unknown[] = [];
const consoleCalls: unknown[] = [];

beforeAll(async () => {
  const registry = new Registry();
  registry.register(SlowForm);
  registry.register(UploadForm);
  registry.register(
    client((_ctx, args) => args),
    "echo",
  );
  const node = toNodeHandler(createHandler({ registry, onError: (e) => logged.push(e) }));
  server = createServer((req, res) => {
    open++;
    res.on("close", () => {
      open--;
    });
    node(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const level of ["error", "warn"] as const) {
    vi.spyOn(console, level).mockImplementation((...args) => {
      consoleCalls.push([level, ...args]);
    });
  }
  process.on("warning", onWarning);
});

function onWarning(warning: Error): void {
  consoleCalls.push(["process warning", warning.message]);
}

afterAll(async () => {
  process.off("warning", onWarning);
  vi.restoreAllMocks();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function connections(): Promise<number> {
  return new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
}

afterEach(async () => {
  // The server freed every request and socket, logged nothing, and still answers.
  await vi.waitFor(
    async () => {
      expect(open).toBe(0);
      expect(await connections()).toBe(0);
    },
    { timeout: 5_000 },
  );
  expect(logged).toEqual([]);
  expect(consoleCalls).toEqual([]);
  const answer = await new Promise<string>((resolve, reject) => {
    const req = httpRequest(`${origin}/api/mizan/call/`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end('{"fn":"echo","args":{"still":"here"}}');
  });
  expect(JSON.parse(answer)).toMatchObject({ result: { still: "here" } });
});

/** Start a slow submit; resolves with a function that cuts the connection. */
function slowSubmit(): { cut: () => Promise<void> } {
  const req = httpRequest(`${origin}/api/mizan/call/`, {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/json" },
  });
  req.on("error", () => {});
  req.on("response", (res) => res.resume());
  req.end('{"fn":"slow.submit","args":{"data":{}}}');
  const closed = new Promise<void>((resolve) => req.on("close", () => resolve()));
  return {
    cut: () => {
      req.destroy();
      return closed;
    },
  };
}

/**
 * Start a POST, send `sent` bytes of a body that claims `declared` (or is chunked), then cut
 * the connection. Resolves once the socket is closed on our side.
 */
function abortMidBody(options: {
  type: string;
  head: string;
  sent: number;
  declared?: number;
}): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { "content-type": options.type };
    if (options.declared !== undefined) headers["content-length"] = options.declared;
    else headers["transfer-encoding"] = "chunked";
    const req = httpRequest(`${origin}/api/mizan/call/`, { method: "POST", headers });
    req.on("error", () => {});
    req.on("close", () => resolve());
    req.on("response", (res) => res.resume());
    req.write(options.head);
    req.write(Buffer.alloc(options.sent, 0x61), () => {
      setTimeout(() => req.destroy(), 20);
    });
  });
}

const MULTIPART_HEAD =
  '--B\r\nContent-Disposition: form-data; name="fn"\r\n\r\nupload.submit\r\n' +
  '--B\r\nContent-Disposition: form-data; name="args"\r\n\r\n{"data":{}}\r\n' +
  '--B\r\nContent-Disposition: form-data; name="args.data.doc"; filename="a.bin"\r\n\r\n';

describe("a client that goes away mid-body", () => {
  test.each([
    ["JSON, Content-Length", "application/json", '{"fn":"echo","args":{"a":"', 100 * KB, 1_000_000],
    ["JSON, chunked", "application/json", '{"fn":"echo","args":{"a":"', 100 * KB, undefined],
    [
      "multipart under the file limit",
      "multipart/form-data; boundary=B",
      MULTIPART_HEAD,
      10 * KB,
      undefined,
    ],
    [
      "multipart over the file limit",
      "multipart/form-data; boundary=B",
      MULTIPART_HEAD,
      500 * KB,
      2_000_000,
    ],
    ["urlencoded", "application/x-www-form-urlencoded", "fn=echo&args=", 50 * KB, 200_000],
  ])("%s: freed, nothing logged, still serving", async (_name, type, head, sent, declared) => {
    await abortMidBody({ type, head, sent, ...(declared !== undefined && { declared }) });
  });

  test("200 clients cutting off at random points, all at once", async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        abortMidBody({
          type: i % 2 ? "application/json" : "multipart/form-data; boundary=B",
          head: i % 2 ? '{"fn":"echo","args":{"a":"' : MULTIPART_HEAD,
          sent: (i * 7919) % (200 * KB),
          ...(i % 3 === 0 && { declared: 1_000_000 }),
        }),
      ),
    );
  });
});

describe("a client that goes away mid-handler", () => {
  test("ctx.signal aborts, the handler finishes, its late answer is dropped quietly", async () => {
    signals = [];
    stored.length = 0;
    const running = new Promise<void>((resolve) => started.push(resolve));
    const { cut } = slowSubmit();
    await running;
    await cut();
    await vi.waitFor(() => expect(stored).toEqual(["late"]));
    expect(signals[0]?.aborted).toBe(true);
  });

  test("50 of them at once", async () => {
    signals = [];
    stored.length = 0;
    const runs = Array.from({ length: 50 }, () => new Promise<void>((r) => started.push(r)));
    const calls = runs.map(() => slowSubmit());
    await Promise.all(runs);
    await Promise.all(calls.map(({ cut }) => cut()));
    await vi.waitFor(() => expect(stored).toHaveLength(50));
    expect(signals).toHaveLength(50);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
