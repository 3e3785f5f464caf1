/**
 * Two server processes sharing one Redis: each child (fixtures/redis-process.ts, run with tsx)
 * serves the test channels through attachChannels + redisLayer on its own port; real `ws`
 * clients talk to both. Redis is this file's own redis-server, stopped and restarted on the
 * same port for the outage.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";
import { type Frame, roundTrip, TestClient } from "./helpers.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const TSX = join(HERE, "../../node_modules/.bin/tsx");

interface Child {
  process: ChildProcess;
  origin: string;
  wsUrl: string;
  stderr: () => string;
}

async function startChild(redisUrl: string): Promise<Child> {
  const child = spawn(TSX, [join(HERE, "fixtures/redis-process.ts")], {
    env: { ...process.env, REDIS_URL: redisUrl, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const port = (JSON.parse(line) as { port?: number }).port;
    if (port)
      return {
        process: child,
        origin: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}/api/mizan/ws/`,
        stderr: () => stderr,
      };
  }
  throw new Error(`The channel server exited before listening:\n${stderr}`);
}

let redis: RedisServer;
let a: Child;
let b: Child;
const clients: TestClient[] = [];
const connect = (child: Child) => {
  const client = new TestClient(child.wsUrl);
  clients.push(client);
  return client;
};

/** Calls the fixture's `announce` server function over HTTP. */
async function announce(child: Child, room: string, text: string) {
  const response = await fetch(`${child.origin}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn: "announce", args: { room, text } }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Sends a `msg` until the server acknowledges it (the layer may still be reconnecting). */
async function sendUntilAcked(client: TestClient, id: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ref = `${text}-${attempt}`;
    client.send({ t: "msg", id, ref, data: { text } });
    const answer = await client.next((f) => f.ref === ref);
    if (answer.t === "ack") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${text}" was never acknowledged.`);
}

beforeAll(async () => {
  redis = await startRedisServer();
  [a, b] = await Promise.all([startChild(redis.url), startChild(redis.url)]);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.ws.terminate();
  for (const child of [a, b]) {
    if (child?.process.exitCode === null) {
      const exited = new Promise((resolve) => child.process.once("exit", resolve));
      child.process.kill("SIGTERM");
      await exited;
    }
  }
  await redis?.stop();
}, 30_000);

describe("two server processes on one Redis", () => {
  test("a subscriber on process A gets what a client sends on process B, and resumes on B from A's cursor", async () => {
    const onA = connect(a);
    const onB = connect(b);
    expect(await onA.sub("a1", "room", { room: "lobby" })).toMatchObject({ t: "ok" });
    expect(await onB.sub("b1", "room", { room: "lobby" })).toMatchObject({ t: "ok" });

    onB.send({ t: "msg", id: "b1", ref: "r1", data: { text: "hello from B" } });
    expect(await onB.next({ t: "ack" })).toEqual({ t: "ack", id: "b1", ref: "r1" });
    const first = await onA.next({ t: "ev", id: "a1" });
    expect(first.data).toEqual({ from: "anonymous", text: "hello from B" });
    expect((await onB.next({ t: "ev", id: "b1" })).cursor).toBe(first.cursor);

    onA.send({ t: "msg", id: "a1", ref: "r2", data: { text: "second" } });
    onA.send({ t: "msg", id: "a1", ref: "r3", data: { text: "third" } });
    await onA.next({ t: "ack", ref: "r3" });
    await onA.next((f) => f.t === "ev" && (f.data as { text: string }).text === "third");

    // A server function on B publishes too (from HTTP, not from a socket).
    const announced = await announce(b, "lobby", "from a server function");
    expect(announced.status).toBe(200);
    const cursor = (announced.body.result as { cursor: string }).cursor;
    expect(await onA.next((f) => f.t === "ev" && f.cursor === cursor)).toMatchObject({
      id: "a1",
      data: { from: "server", text: "from a server function" },
    });

    // A page that saw only the first event reconnects to the other process with its cursor.
    const later = connect(b);
    expect(await later.sub("l1", "room", { room: "lobby" }, first.cursor as string)).toMatchObject({
      t: "ok",
    });
    await roundTrip(later);
    expect(later.events("l1")).toEqual([
      { from: "anonymous", text: "second" },
      { from: "anonymous", text: "third" },
      { from: "server", text: "from a server function" },
    ]);
    expect(later.frames.some((f) => f.t === "gap")).toBe(false);
  }, 30_000);

  test("Redis stops and comes back: both processes live on, sends get UNAVAILABLE, subscribers get a gap, then events flow again", async () => {
    const onA = connect(a);
    const onB = connect(b);
    await onA.sub("a2", "room", { room: "outage" });
    await onB.sub("b2", "room", { room: "outage" });
    await sendUntilAcked(onB, "b2", "before");
    await onA.next({ t: "ev", id: "a2" });

    await redis.stop();
    onB.send({ t: "msg", id: "b2", ref: "down", data: { text: "during" } });
    const refused: Frame = await onB.next({ ref: "down" });
    expect(refused).toMatchObject({ t: "err", id: "b2", ref: "down", code: "UNAVAILABLE" });
    expect(JSON.stringify(refused)).not.toMatch(/ioredis|ECONNREFUSED|at \w+ \(/);
    const overHttp = await announce(b, "outage", "during");
    expect(overHttp.status).toBe(503);
    expect((overHttp.body.error as { code: string }).code).toBe("UNAVAILABLE");
    // Both processes still answer on their sockets.
    await Promise.all([roundTrip(onA), roundTrip(onB)]);

    await redis.start();
    expect(await onA.next({ t: "gap", id: "a2" })).toEqual({ t: "gap", id: "a2" });
    expect(await onB.next({ t: "gap", id: "b2" })).toEqual({ t: "gap", id: "b2" });

    await sendUntilAcked(onB, "b2", "after");
    const after = await onA.next(
      (f) => f.t === "ev" && (f.data as { text: string }).text === "after",
    );
    expect(after).toMatchObject({ id: "a2", data: { from: "anonymous", text: "after" } });
    expect(onA.events("a2")).not.toContainEqual({ from: "anonymous", text: "during" });
    expect(a.process.exitCode).toBe(null);
    expect(b.process.exitCode).toBe(null);
    expect(`${a.stderr()}${b.stderr()}`).not.toMatch(/Unhandled|uncaught/i);
  }, 60_000);
});
