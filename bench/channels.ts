/**
 * 6. Channels. Three measurements, each against anchors in the same run, rounds alternating:
 *
 * - Fan-out: one group with 100 and with 1,000 subscribers on one server process; the server
 *   publishes a burst of events and this process (the clients) times until every subscriber
 *   got every event. mizan (attachChannels, memory layer) against a bare `ws` broadcast loop
 *   (the floor) and Socket.IO rooms.
 * - Latency through Redis: a client on process B sends a `msg`, a client on process A gets
 *   the event (mizan with redisLayer), one at a time; against bare ws + Redis pub/sub
 *   (the floor of that path) and mizan in one process (memory layer).
 * - Memory per idle connection (subscribed / in the room): server heap + external and RSS
 *   after a GC, 1,000 sockets, against Socket.IO and the bare `ws` server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { WebSocket } from "ws";
import { type RedisServer, startRedisServer } from "../test/helpers/redis-server.js";
import { BENCH, productionLike, Reporter, ROOT, row, versions } from "./lib/report.js";
import { formatRatio, median, ratios, type spread, table } from "./lib/stats.js";

productionLike();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MEMORY_ROUNDS = Math.min(ROUNDS, 3);
const LATENCY_SAMPLES = 200;
/** 30,000 deliveries per burst either way. */
const FANOUT = [
  { subscribers: 100, events: 300 },
  { subscribers: 1000, events: 30 },
] as const;
const IDLE = 1000;
const reporter = new Reporter("channels", "6. Channels: fan-out, latency through Redis, memory");

type Kind = "mizan" | "mizan-redis" | "floor" | "redis-floor" | "socketio";

interface Proc {
  kind: Kind;
  port: number;
  child: ChildProcess;
  command(cmd: object): Promise<Record<string, unknown>>;
}

async function startServer(kind: Kind, env: Record<string, string> = {}): Promise<Proc> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(BENCH, "channels", "server.ts"), kind],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ...env } },
  );
  const replies: string[] = [];
  const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  let exited: Error | undefined;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    const next = waiting.shift();
    if (next) next.resolve(line);
    else replies.push(line);
  });
  child.once("exit", (code) => {
    exited = new Error(`The ${kind} server exited (${code}).`);
    for (const next of waiting.splice(0)) next.reject(exited);
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = replies.shift();
      if (queued !== undefined) return resolve(queued);
      if (exited) return reject(exited);
      waiting.push({ resolve, reject });
    });
  const { port } = JSON.parse(await nextLine()) as { port: number };
  return {
    kind,
    port,
    child,
    async command(cmd) {
      child.stdin?.write(`${JSON.stringify(cmd)}\n`);
      return JSON.parse(await nextLine()) as Record<string, unknown>;
    },
  };
}

/** Counts deliveries across every client of the current run. */
const counter = { n: 0, target: Number.POSITIVE_INFINITY, reached: () => {} };
function delivered(): void {
  counter.n += 1;
  if (counter.n === counter.target) counter.reached();
}

/** A subscriber client: connected (and subscribed / joined) when the promise resolves. */
function connectClient(proc: Proc, onText: (text: string) => void = () => {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const base = `ws://127.0.0.1:${proc.port}`;
    const isSocketIO = proc.kind === "socketio";
    const isMizan = proc.kind === "mizan" || proc.kind === "mizan-redis";
    const url = isSocketIO
      ? `${base}/socket.io/?EIO=4&transport=websocket`
      : isMizan
        ? `${base}/api/mizan/ws/`
        : `${base}/ws/`;
    const ws = new WebSocket(url);
    ws.once("error", reject);
    ws.on("message", (data) => {
      const text = String(data);
      if (isSocketIO) {
        // Engine.IO v4 over a bare socket: open (0), namespace connect (40), ping (2), event (42).
        if (text.startsWith("42")) {
          delivered();
          onText(text);
        } else if (text === "2") ws.send("3");
        else if (text.startsWith("0{")) ws.send("40");
        else if (text.startsWith("40")) resolve(ws);
        return;
      }
      if (text.startsWith('{"t":"ev"')) {
        delivered();
        onText(text);
      } else if (text.startsWith('{"t":"ok"')) resolve(ws);
    });
    ws.once("open", () => {
      if (isMizan) ws.send(JSON.stringify({ t: "sub", id: "s", ch: "bench", params: {} }));
      else if (!isSocketIO) resolve(ws);
    });
  });
}

async function connectMany(proc: Proc, count: number): Promise<WebSocket[]> {
  const clients: WebSocket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Math.min(50, count - i);
    clients.push(...(await Promise.all(Array.from({ length: batch }, () => connectClient(proc)))));
  }
  return clients;
}

async function closeAll(proc: Proc, clients: WebSocket[]): Promise<void> {
  for (const ws of clients) ws.terminate();
  for (let i = 0; i < 200; i++) {
    if ((await proc.command({ cmd: "mem" })).sockets === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${proc.kind}: sockets still open after the clients left.`);
}

/** Events delivered per second for one burst of `events` to every connected client. */
async function burst(proc: Proc, subscribers: number, events: number): Promise<number> {
  counter.n = 0;
  counter.target = subscribers * events;
  const all = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${proc.kind}: ${counter.n}/${counter.target} delivered in 60 s.`)),
      60_000,
    );
    counter.reached = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const start = performance.now();
  await Promise.all([proc.command({ cmd: "burst", k: events }), all]);
  const seconds = (performance.now() - start) / 1000;
  counter.target = Number.POSITIVE_INFINITY;
  return (subscribers * events) / seconds;
}

const kindName: Record<Kind, string> = {
  mizan: "mizan (memory layer)",
  "mizan-redis": "mizan, 2 processes, redisLayer",
  floor: "bare `ws` broadcast (floor)",
  "redis-floor": "bare `ws` + Redis pub/sub, 2 processes (floor)",
  socketio: "Socket.IO rooms",
};

const began = performance.now();
const procs: Proc[] = [];
let redis: RedisServer | undefined;
try {
  const [mizan, floor, socketio] = (await Promise.all(
    (["mizan", "floor", "socketio"] as const).map((kind) => startServer(kind)),
  )) as [Proc, Proc, Proc];
  procs.push(mizan, floor, socketio);
  const fanKinds = [mizan, floor, socketio];

  const phase = (name: string) =>
    console.error(`  ${name} (${((performance.now() - began) / 1000).toFixed(0)} s)`);
  phase("servers up; fan-out");
  // 1. Fan-out.
  const fanRows: string[][] = [
    ["subscribers", "server", "events delivered/s", "× floor", "× Socket.IO"],
  ];
  const fanSummary: Array<{
    subscribers: number;
    vsFloor: ReturnType<typeof spread>;
    vsIO: ReturnType<typeof spread>;
  }> = [];
  for (const { subscribers, events } of FANOUT) {
    const clients = new Map<Proc, WebSocket[]>();
    for (const proc of fanKinds) clients.set(proc, await connectMany(proc, subscribers));
    for (const proc of fanKinds) await burst(proc, subscribers, events); // warm-up
    const rates = new Map<Proc, number[]>(fanKinds.map((p) => [p, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < fanKinds.length; k++) {
        const proc = fanKinds[(round + k) % fanKinds.length] as Proc;
        rates.get(proc)?.push(await burst(proc, subscribers, events));
      }
    }
    const of = (p: Proc) => rates.get(p) ?? [];
    for (const proc of fanKinds) {
      fanRows.push([
        subscribers.toLocaleString("en-US"),
        kindName[proc.kind],
        median(of(proc)).toFixed(0),
        formatRatio(ratios(of(proc), of(floor))),
        formatRatio(ratios(of(proc), of(socketio))),
      ]);
    }
    fanSummary.push({
      subscribers,
      vsFloor: ratios(of(mizan), of(floor)),
      vsIO: ratios(of(mizan), of(socketio)),
    });
    for (const proc of fanKinds) await closeAll(proc, clients.get(proc) ?? []);
  }

  phase("memory");
  // 2. Memory per idle connection.
  const memKinds = [mizan, socketio, floor];
  const perConnection = new Map<Proc, { heap: number[]; rss: number[] }>(
    memKinds.map((p) => [p, { heap: [], rss: [] }]),
  );
  for (let round = 0; round < MEMORY_ROUNDS; round++) {
    for (let k = 0; k < memKinds.length; k++) {
      const proc = memKinds[(round + k) % memKinds.length] as Proc;
      type Memory = { heapUsed: number; external: number; rss: number };
      const before = (await proc.command({ cmd: "mem" })).memory as Memory;
      const clients = await connectMany(proc, IDLE);
      const after = (await proc.command({ cmd: "mem" })).memory as Memory;
      const sample = perConnection.get(proc);
      sample?.heap.push(
        (after.heapUsed + after.external - before.heapUsed - before.external) / IDLE,
      );
      sample?.rss.push((after.rss - before.rss) / IDLE);
      await closeAll(proc, clients);
    }
  }
  const heapOf = (p: Proc) => perConnection.get(p)?.heap ?? [];
  const rssOf = (p: Proc) => perConnection.get(p)?.rss ?? [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const memRows: string[][] = [
    ["server", "heap + external per socket", "RSS per socket", "heap × Socket.IO"],
  ];
  for (const proc of memKinds) {
    memRows.push([
      kindName[proc.kind],
      kb(median(heapOf(proc))),
      kb(median(rssOf(proc))),
      formatRatio(ratios(heapOf(proc), heapOf(socketio))),
    ]);
  }
  const memVsIO = ratios(heapOf(mizan), heapOf(socketio));

  phase("latency");
  // 3. Latency: msg on B → event on A.
  redis = await startRedisServer();
  const env = { REDIS_URL: redis.url };
  const pairs = await Promise.all([
    Promise.all([startServer("mizan-redis", env), startServer("mizan-redis", env)]),
    Promise.all([startServer("redis-floor", env), startServer("redis-floor", env)]),
  ]);
  for (const pair of pairs) procs.push(...pair);
  const paths: Array<{ label: Kind; from: Proc; to: Proc }> = [
    { label: "mizan-redis", from: pairs[0][1], to: pairs[0][0] },
    { label: "redis-floor", from: pairs[1][1], to: pairs[1][0] },
    { label: "mizan", from: mizan, to: mizan },
  ];
  const latencies = new Map<Kind, number[]>(paths.map((p) => [p.label, []]));
  const roundP50 = new Map<Kind, number[]>(paths.map((p) => [p.label, []]));
  const links = await Promise.all(
    paths.map(async (path) => {
      let arrived: (n: number) => void = () => {};
      const sub = await connectClient(path.to, (text) => {
        const match = /"n":(\d+)/.exec(text);
        if (match) arrived(Number(match[1]));
      });
      const pub = await connectClient(path.from);
      const once = (n: number) =>
        new Promise<number>((resolve) => {
          arrived = (got) => {
            if (got === n) resolve(performance.now());
          };
          const data = { n, text: "x".repeat(64) };
          pub.send(
            JSON.stringify(
              path.label === "redis-floor"
                ? { t: "ev", id: "s", cursor: String(n), data }
                : { t: "msg", id: "s", ref: String(n), data },
            ),
          );
        });
      return { path, sub, pub, once };
    }),
  );
  let seq = 0;
  for (let round = -1; round < ROUNDS; round++) {
    for (let k = 0; k < links.length; k++) {
      const link = links[(Math.max(round, 0) + k) % links.length] as (typeof links)[number];
      const samples: number[] = [];
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const start = performance.now();
        samples.push((await link.once(++seq)) - start);
      }
      if (round < 0) continue; // warm-up
      latencies.get(link.path.label)?.push(...samples);
      roundP50.get(link.path.label)?.push(median(samples));
    }
  }
  for (const link of links) {
    link.sub.terminate();
    link.pub.terminate();
  }
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  };
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const latRows: string[][] = [["path", "p50", "p99", "p50 × floor (per round)"]];
  for (const { path } of links) {
    const all = latencies.get(path.label) ?? [];
    latRows.push([
      kindName[path.label],
      ms(percentile(all, 50)),
      ms(percentile(all, 99)),
      formatRatio(ratios(roundP50.get(path.label) ?? [], roundP50.get("redis-floor") ?? [])),
    ]);
  }
  const redisAll = latencies.get("mizan-redis") ?? [];
  const redisP99 = percentile(redisAll, 99);
  const latVsFloor = ratios(roundP50.get("mizan-redis") ?? [], roundP50.get("redis-floor") ?? []);

  const markdown = [
    `${ROUNDS} alternating rounds (rotating order) after a warm-up, each server in its own process (NODE_ENV=production), the clients in this one (bare \`ws\` sockets that count frames; Socket.IO's are spoken over a bare socket too, Engine.IO v4, so every server gets the same cheap client). Ratios per round, median (min–max). Versions: ${versions(["ws", "socket.io", "ioredis"])}; redis-server from Debian.`,
    "",
    `**Fan-out** (one group, one process; a burst of events published in the server, timed in the client until every subscriber has every event; ${FANOUT.map((f) => `${f.events} events per burst to ${f.subscribers.toLocaleString("en-US")} subscribers`).join(", ")}):`,
    "",
    table(fanRows, "llrrr"),
    "",
    `**Latency through Redis** (a client on process B sends a \`msg\`, a client subscribed on process A gets the event; one at a time, ${LATENCY_SAMPLES} per round; percentiles over all rounds' samples):`,
    "",
    table(latRows, "lrrr"),
    "",
    `**Memory per idle socket** (${IDLE.toLocaleString("en-US")} sockets, subscribed to the group or joined to the room; the server's heap + external and RSS after a GC, minus before; ${MEMORY_ROUNDS} rounds, medians):`,
    "",
    table(memRows, "lrrr"),
    "",
    "- mizan checks and serialises each event once per channel, builds one `ev` frame per distinct subscription id (here one: every client subscribes as `s`), and holds each socket's frames until the end of the tick (`cork()`), so a burst is one write per socket; the floor serialises once and writes each frame to each socket as it goes; Socket.IO encodes and frames once per broadcast and queues a socket's packets while its previous write is in flight.",
    "- The latency rows include the client's send, the server's `receive()` and schema checks (mizan) and the Redis round trip; the floor relays the text through Redis untouched.",
  ].join("\n");
  const at = (n: number) => fanSummary.find((s) => s.subscribers === n);
  const big = at(1000);
  const small = at(100);
  const verdict = `Fan-out to 1,000 subscribers: mizan delivers ${big?.vsIO.median.toFixed(2)}× Socket.IO's events/s and ${big?.vsFloor.median.toFixed(2)}× the bare ws loop's (100 subscribers: ${small?.vsIO.median.toFixed(2)}× and ${small?.vsFloor.median.toFixed(2)}×). Through Redis across two processes, p50 ${ms(percentile(redisAll, 50))} (${latVsFloor.median.toFixed(2)}× the bare ws + Redis floor's) and p99 ${ms(redisP99)}. An idle subscribed socket costs ${kb(median(heapOf(mizan)))} of heap, ${memVsIO.median.toFixed(2)}× Socket.IO's.`;
  reporter.finish(markdown, verdict, [
    row(
      "Channels fan-out, 1,000 subscribers: mizan / Socket.IO (events/s)",
      "≥ 1.0",
      big ? formatRatio(big.vsIO) : "?",
      (big?.vsIO.median ?? 0) >= 1,
    ),
    row(
      "Channels fan-out, 1,000 subscribers: mizan / bare ws floor",
      "≥ 0.80",
      big ? formatRatio(big.vsFloor) : "?",
      (big?.vsFloor.median ?? 0) >= 0.8,
    ),
    row(
      "Channels latency through Redis, 2 processes: p50 / bare ws + Redis floor",
      "≤ 2.0",
      formatRatio(latVsFloor),
      latVsFloor.median <= 2,
    ),
    row(
      "Channels memory per idle socket: mizan / Socket.IO (heap)",
      "≤ 1.0",
      formatRatio(memVsIO),
      memVsIO.median <= 1,
    ),
  ]);
} finally {
  for (const proc of procs) proc.child.kill("SIGTERM");
  await redis?.stop();
}
