/**
 * One WebSocket server of the channel benchmark, in its own process:
 * `node --expose-gc --import tsx bench/channels/server.ts <kind>` listens on a free loopback
 * port, prints `{"port": n}`, then takes one JSON command per stdin line and answers one JSON
 * line on stdout:
 *
 * - `{"cmd":"burst","k":K}`: publish K events to the group "bench", answer when the loop is done.
 * - `{"cmd":"mem"}`: run the GC, answer `process.memoryUsage()` and the open socket count.
 *
 * Kinds:
 * - `mizan`: attachChannels over the memory layer; events through `channels.publish`.
 * - `mizan-redis`: the same over `redisLayer({ url: REDIS_URL })` (the latency runs).
 * - `floor`: a bare `ws` server: each event JSON-serialised once, then sent to every client.
 * - `redis-floor`: bare `ws` + ioredis: a received text is PUBLISHed, every text that arrives
 *   on the subscription is sent to every client (the floor for the Redis hop).
 * - `socketio`: Socket.IO with every connection joined to the room "bench",
 *   `io.to("bench").emit("ev", event)`.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { Server as SocketIOServer } from "socket.io";
import { WebSocketServer } from "ws";
import { z } from "zod";
import { Channel, Registry } from "../../src/index.js";
import { attachChannels } from "../../src/node/index.js";
import { redisLayer } from "../../src/redis/index.js";
import { createChannels } from "../../src/server/index.js";
import { productionLike } from "../lib/report.js";

productionLike();
const kind = process.argv[2] ?? "";
const TEXT = "x".repeat(64);

const params = z.object({});
const event = z.object({ n: z.number().int(), text: z.string() });

/** The benchmark's channel: one group; a message is re-published as the event. */
class BenchChannel extends Channel<typeof params, typeof event, typeof event> {
  params = params;
  override message = event;
  event = event;
  group() {
    return "bench";
  }
  override receive(_ctx: unknown, _params: unknown, message: z.output<typeof event>) {
    return message;
  }
}

const server = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
let burst: (k: number) => void | Promise<void> = () => {};
let sockets: () => number = () => 0;

if (kind === "mizan" || kind === "mizan-redis") {
  const registry = new Registry();
  registry.register(BenchChannel, "bench");
  const url = process.env.REDIS_URL;
  const layer = kind === "mizan-redis" && url ? redisLayer({ url }) : undefined;
  const channels = createChannels({ registry, ...(layer ? { layer } : {}) });
  const attached = attachChannels(server, {
    channels,
    rate: { messagesPerSecond: 1e6, burst: 1e6 },
    maxSubscriptions: 10,
  });
  burst = async (k) => {
    const sent: Array<Promise<string>> = [];
    for (let n = 0; n < k; n++) sent.push(channels.publish("bench", { n, text: TEXT }));
    await Promise.all(sent);
  };
  sockets = () => attached.size;
} else if (kind === "floor" || kind === "redis-floor") {
  const wss = new WebSocketServer({ server, path: "/ws/" });
  // Encoded once per event, then the same bytes to every socket.
  const broadcast = (text: string | Buffer) => {
    const bytes = typeof text === "string" ? Buffer.from(text) : text;
    for (const ws of wss.clients) ws.send(bytes, { binary: false });
  };
  burst = (k) => {
    for (let n = 0; n < k; n++) {
      broadcast(JSON.stringify({ t: "ev", id: "s", cursor: String(n), data: { n, text: TEXT } }));
    }
  };
  sockets = () => wss.clients.size;
  if (kind === "redis-floor") {
    const url = process.env.REDIS_URL ?? "";
    const pub = new Redis(url);
    const sub = new Redis(url);
    pub.on("error", () => {});
    sub.on("error", () => {});
    await sub.subscribe("bench");
    sub.on("message", (_channel, text: string) => broadcast(text));
    wss.on("connection", (ws) => {
      ws.on("message", (data) => {
        pub.publish("bench", String(data)).catch(() => {});
      });
    });
  }
} else if (kind === "socketio") {
  const io = new SocketIOServer(server, { serveClient: false, transports: ["websocket"] });
  io.on("connection", (socket) => {
    socket.join("bench");
  });
  burst = (k) => {
    for (let n = 0; n < k; n++) io.to("bench").emit("ev", { n, text: TEXT });
  };
  sockets = () => io.engine.clientsCount;
} else {
  console.error(`Unknown kind ${kind}.`);
  process.exit(2);
}

server.listen(0, "127.0.0.1");
await once(server, "listening");
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));

const gc = (globalThis as { gc?: () => void }).gc;
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { cmd: string; k?: number };
  if (command.cmd === "burst") {
    await burst(command.k ?? 1);
    console.log(JSON.stringify({ done: true }));
  } else if (command.cmd === "mem") {
    for (let i = 0; i < 3; i++) gc?.();
    console.log(JSON.stringify({ memory: process.memoryUsage(), sockets: sockets() }));
  }
}
process.exit(0);
