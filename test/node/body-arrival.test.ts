import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { toNodeHandler } from "../../src/node/index.js";
import { createHandler } from "../../src/server/index.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * A JSON call's body as node:http hands it over, however it arrives: with its head in one
 * packet, after it, in pieces, chunked, empty; and the connection kept alive for the next
 * request in each case (toNodeHandler alone, no other listener on the request).
 */
let server: Server;
let port = 0;

beforeAll(async () => {
  const registry = new Registry();
  registry.register(
    client((_ctx, args: { text?: string }) => ({ echo: args.text ?? "" })),
    "echo",
  );
  server = createServer(toNodeHandler(createHandler({ registry })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  head: string;
  body: string;
}

/** Reads answers with a Content-Length off one socket, in order. */
function reader(socket: Socket): () => Promise<Answer> {
  let buffered = Buffer.alloc(0);
  const waiting: Array<() => void> = [];
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (const wake of waiting.splice(0)) wake();
  });
  const take = (): Answer | null => {
    const text = buffered.toString("latin1");
    const end = text.indexOf("\r\n\r\n");
    if (end < 0) return null;
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1]);
    if (buffered.byteLength < end + 4 + length) return null;
    const head = text.slice(0, end);
    const body = buffered.subarray(end + 4, end + 4 + length).toString("utf8");
    buffered = buffered.subarray(end + 4 + length);
    return { status: Number(head.slice(9, 12)), head, body };
  };
  return async () => {
    for (;;) {
      const answer = take();
      if (answer) return answer;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const call = (text: string) => JSON.stringify({ fn: "echo", args: { text } });
const head = (length: number | null) =>
  "POST /api/mizan/call/ HTTP/1.1\r\nhost: example.test\r\ncontent-type: application/json\r\n" +
  (length === null ? "transfer-encoding: chunked\r\n\r\n" : `content-length: ${length}\r\n\r\n`);

type Send = (socket: Socket, body: Buffer) => Promise<void>;
const bytes = (text: string) => Buffer.from(text);

const ARRIVALS: Array<[string, Send]> = [
  [
    "with its head, in one write",
    async (s, body) => void s.write(Buffer.concat([Buffer.from(head(body.length)), body])),
  ],
  [
    "after its head",
    async (s, body) => {
      s.write(head(body.length));
      await pause(20);
      s.write(body);
    },
  ],
  [
    "in three pieces",
    async (s, body) => {
      s.write(Buffer.concat([Buffer.from(head(body.length)), body.subarray(0, 5)]));
      await pause(20);
      s.write(body.subarray(5, 12));
      await pause(20);
      s.write(body.subarray(12));
    },
  ],
  [
    "chunked",
    async (s, body) => {
      s.write(`${head(null)}${body.length.toString(16)}\r\n`);
      s.write(body);
      s.write("\r\n");
      await pause(20);
      s.write("0\r\n\r\n");
    },
  ],
];

describe("a JSON call's body, however it arrives", () => {
  test.each(ARRIVALS)("%s: answered, and the connection serves the next call", async (_n, send) => {
    const socket = connect(port, "127.0.0.1");
    const next = reader(socket);
    try {
      await send(socket, bytes(call("first")));
      const first = await next();
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body).result).toEqual({ echo: "first" });
      expect(first.head).not.toMatch(/\r\nconnection: close/i);
      await send(socket, bytes(call("second é")));
      const second = await next();
      expect(second.status).toBe(200);
      expect(JSON.parse(second.body).result).toEqual({ echo: "second é" });
    } finally {
      socket.destroy();
    }
  });

  test("an empty body is malformed JSON, and the connection serves the next call", async () => {
    const socket = connect(port, "127.0.0.1");
    const next = reader(socket);
    try {
      socket.write(head(0));
      const empty = await next();
      expect(empty.status).toBe(400);
      expect(JSON.parse(empty.body).error.message).toBe("Request body is not valid JSON.");
      expect(empty.head).not.toMatch(/\r\nconnection: close/i);
      socket.write(head(call("after").length) + call("after"));
      expect(JSON.parse((await next()).body).result).toEqual({ echo: "after" });
    } finally {
      socket.destroy();
    }
  });

  test("two calls in one write (pipelined) are both answered, in order", async () => {
    const socket = connect(port, "127.0.0.1");
    const next = reader(socket);
    try {
      const one = call("one");
      const two = call("two");
      socket.write(head(one.length) + one + head(two.length) + two);
      expect(JSON.parse((await next()).body).result).toEqual({ echo: "one" });
      expect(JSON.parse((await next()).body).result).toEqual({ echo: "two" });
    } finally {
      socket.destroy();
    }
  });
});
