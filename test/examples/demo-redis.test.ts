/**
 * The demo with MIZAN_REDIS_URL: two `examples/demo/server/main.ts` processes (as `npm run
 * demo` starts the server) on one private redis-server share their chat rooms. Only the
 * WebSocket is used, so the client need not be built.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import {
  type ChannelClient,
  createChannelClient,
  type WebSocketConstructor,
} from "../../src/client/index.js";
import { freePort, type RedisServer, startRedisServer } from "../helpers/redis-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const MAIN = join(ROOT, "examples/demo/server/main.ts");

interface Demo {
  process: ChildProcess;
  port: number;
  /** What the process printed about its channel layer. */
  layerLine: string;
}

async function startDemoProcess(env: Record<string, string>): Promise<Demo> {
  const port = await freePort();
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith("chat events:")) return { process: child, port, layerLine: line };
  }
  throw new Error(`The demo exited before listening:\n${stderr}`);
}

async function stopDemo(demo: Demo | undefined): Promise<void> {
  if (!demo || demo.process.exitCode !== null) return;
  const exited = new Promise((resolve) => demo.process.once("exit", resolve));
  demo.process.kill("SIGTERM");
  await exited;
}

let redis: RedisServer;
let first: Demo;
let second: Demo;
const clients: ChannelClient[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  [first, second] = await Promise.all([
    startDemoProcess({ MIZAN_REDIS_URL: redis.url }),
    startDemoProcess({ MIZAN_REDIS_URL: redis.url }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([stopDemo(first), stopDemo(second)]);
  await redis?.stop();
});

function chatOn(demo: Demo) {
  const client = createChannelClient({
    url: `ws://127.0.0.1:${demo.port}/api/mizan/ws/`,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    window: undefined,
    document: undefined,
  });
  clients.push(client);
  const texts: string[] = [];
  const sub = client.subscribe<{ user: string; text: string }, { text: string }>(
    "chat",
    { room: "random" },
    { onEvent: (event) => texts.push(`${event.user}: ${event.text}`) },
  );
  return { sub, texts };
}

describe("the demo on Redis (MIZAN_REDIS_URL)", () => {
  test("says so, and two processes share a room", async () => {
    expect(first.layerLine).toBe(`chat events: Redis at ${redis.url}`);
    const here = chatOn(first);
    const there = chatOn(second);
    await expect
      .poll(() => [here.sub.status, there.sub.status], { timeout: 10_000 })
      .toEqual(["open", "open"]);
    await here.sub.send({ text: "across processes" });
    await expect.poll(() => there.texts, { timeout: 10_000 }).toEqual(["guest: across processes"]);
    // The sender's own copy comes back through Redis too, independently of the other's.
    await expect.poll(() => here.texts, { timeout: 10_000 }).toEqual(["guest: across processes"]);
  }, 30_000);
});
