/**
 * 2. HTTP throughput over loopback: autocannon (this process, 10 connections) against three
 * servers in their own processes: mizan's node adapter, a bare node:http floor, Hono + Zod.
 * Then the edge-runtime path in this process (http/in-process.ts): `handler(new Request())`
 * against Hono's `app.fetch` and a Web floor, CPU time per call.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { inProcess } from "./http/in-process.js";
import { BENCH, mizanBuild, productionLike, Reporter, ROOT, row, versions } from "./lib/report.js";
import { invalidSignup, validSignup } from "./lib/signup.js";
import { formatRatio, median, ratios, table } from "./lib/stats.js";

productionLike();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const CONNECTIONS = 10;
// Per process; the in-process rows pool PROCESSES fresh processes (lib/measure.ts, `pooled`).
const IN_PROCESS_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 14);
const reporter = new Reporter("http", "2. HTTP throughput (loopback, autocannon)");

type Kind = "mizan" | "floor" | "hono";

async function startServer(kind: Kind): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(BENCH, "http", "server.ts"), kind],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env } },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const port = (JSON.parse(line) as { port?: number }).port;
    if (port) return { port, child };
  }
  throw new Error(`The ${kind} server exited before listening.`);
}

const body = (data: object) => JSON.stringify({ fn: "signup.submit", args: { data } });

interface Case {
  name: string;
  kind: Kind;
  payload: "valid" | "invalid";
  status: number;
}

const CASES: Case[] = [
  { name: "mizan `signup.submit`", kind: "mizan", payload: "valid", status: 200 },
  { name: "mizan `signup.submit`", kind: "mizan", payload: "invalid", status: 422 },
  { name: "Hono + Zod", kind: "hono", payload: "valid", status: 200 },
  { name: "Hono + Zod", kind: "hono", payload: "invalid", status: 422 },
  { name: "node:http floor (JSON.parse, constant)", kind: "floor", payload: "valid", status: 200 },
];

interface Sample {
  rps: number;
  p50: number;
  p99: number;
}

/** autocannon measures latency in whole milliseconds. */
const latency = (ms: number) => (ms < 1 ? "< 1 ms" : `${ms.toFixed(ms % 1 ? 1 : 0)} ms`);

// First, while no server process is up: the in-process rows.
const edge = await inProcess(IN_PROCESS_ROUNDS);

const servers = new Map<Kind, { port: number; child: ChildProcess }>();
try {
  for (const kind of ["mizan", "floor", "hono"] as const)
    servers.set(kind, await startServer(kind));

  const run = async (c: Case, seconds: number): Promise<Sample> => {
    const port = servers.get(c.kind)?.port;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/mizan/call/`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body(c.payload === "valid" ? validSignup : invalidSignup),
      connections: CONNECTIONS,
      duration: seconds,
    });
    const expected = result.statusCodeStats[String(c.status)]?.count ?? 0;
    if (result.errors || result.timeouts || expected !== result.requests.total) {
      throw new Error(
        `${c.name} (${c.payload}): expected only ${c.status}s, got ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts.`,
      );
    }
    return {
      rps: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
    };
  };

  for (const c of CASES) await run(c, 1); // warm-up: JIT, connection pools
  const samples = new Map<Case, Sample[]>(CASES.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < CASES.length; k++) {
      const c = CASES[(round + k) % CASES.length] as Case;
      samples.get(c)?.push(await run(c, SECONDS));
    }
  }

  const rps = (c: Case) => (samples.get(c) ?? []).map((s) => s.rps);
  const [mizanValid, mizanInvalid, honoValid, honoInvalid, floor] = CASES as [
    Case,
    Case,
    Case,
    Case,
    Case,
  ];
  const rows: string[][] = [
    ["server", "payload", "req/s", "p50 latency", "p99 latency", "× Hono + Zod", "× floor"],
  ];
  for (const c of CASES) {
    const s = samples.get(c) ?? [];
    const hono = c.payload === "valid" ? honoValid : honoInvalid;
    rows.push([
      c.name,
      `${c.payload} → ${c.status}`,
      median(rps(c)).toFixed(0),
      latency(median(s.map((x) => x.p50))),
      latency(median(s.map((x) => x.p99))),
      formatRatio(ratios(rps(c), rps(hono))),
      formatRatio(ratios(rps(c), rps(floor))),
    ]);
  }
  const vsHono = {
    valid: ratios(rps(mizanValid), rps(honoValid)),
    invalid: ratios(rps(mizanInvalid), rps(honoInvalid)),
  };
  const vsFloor = {
    valid: ratios(rps(mizanValid), rps(floor)),
    invalid: ratios(rps(mizanInvalid), rps(floor)),
  };
  const markdown = [
    `${ROUNDS} alternating rounds of ${SECONDS} s per server and payload (after a 1 s warm-up each), ${CONNECTIONS} connections, keep-alive; autocannon in one process, each server in its own (NODE_ENV=production, ${mizanBuild()}). Medians over rounds; ratios of req/s per round, median (min–max); latencies are autocannon's (whole milliseconds). Versions: ${versions(["autocannon", "hono", "@hono/node-server", "zod"])}.`,
    "",
    table(rows, "llrrrrr"),
    "",
    "- Same request everywhere: `POST /api/mizan/call/` with `{fn, args: {data}}` (the signup payloads of benchmark 1). mizan runs its default handler (CSRF check, body limits, envelope parsing, `signup.submit` with the form's clean pipeline and `onSubmitSuccess`); Hono reads the JSON and runs `safeParse`, answering 422 with `z.flattenError` when invalid; the floor parses the JSON and answers a constant.",
    "- Two cores shared by client, server and other users: absolute req/s are low and move between runs; the ratios are the result.",
    "",
    edge.markdown,
  ].join("\n");
  const honoMet = vsHono.valid.median >= 1 && vsHono.invalid.median >= 1;
  const floorMet = vsFloor.valid.median >= 0.6;
  const edgeMet = edge.vsHono.valid.median >= 1 && edge.vsHono.invalid.median >= 1;
  const verdict = `mizan serves ${vsHono.valid.median.toFixed(2)}× Hono + Zod's throughput on valid submits and ${vsHono.invalid.median.toFixed(2)}× on invalid ones (target ≥ 1.0: ${honoMet ? "met" : "missed"}), and ${(vsFloor.valid.median * 100).toFixed(0)}% of the bare node:http floor (target ≥ 60%: ${floorMet ? "met" : "missed"}). In process (edge runtimes), ${edge.vsHono.valid.median.toFixed(2)}× Hono's calls per CPU second on valid submits and ${edge.vsHono.invalid.median.toFixed(2)}× on invalid ones (target ≥ 1.0: ${edgeMet ? "met" : "missed"}).`;
  reporter.finish(markdown, verdict, [
    row(
      "HTTP, valid: mizan / Hono + Zod (req/s)",
      "≥ 1.0",
      formatRatio(vsHono.valid),
      vsHono.valid.median >= 1,
    ),
    row(
      "HTTP, invalid: mizan / Hono + Zod (req/s)",
      "≥ 1.0",
      formatRatio(vsHono.invalid),
      vsHono.invalid.median >= 1,
    ),
    row("HTTP, valid: mizan / node:http floor", "≥ 0.60", formatRatio(vsFloor.valid), floorMet),
    row(
      "HTTP in process (edge), valid: mizan / Hono + Zod (calls per CPU s)",
      "≥ 1.0",
      formatRatio(edge.vsHono.valid),
      edge.vsHono.valid.median >= 1,
    ),
    row(
      "HTTP in process (edge), invalid: mizan / Hono + Zod (calls per CPU s)",
      "≥ 1.0",
      formatRatio(edge.vsHono.invalid),
      edge.vsHono.invalid.median >= 1,
    ),
  ]);
} finally {
  for (const { child } of servers.values()) child.kill("SIGTERM");
}
