/**
 * Alternating micro-benchmarks: every case runs one batch per round, in a rotating order, so
 * a slow moment of the (shared) machine lands on every case alike. Ratios are taken per round.
 *
 * Time is the process's CPU time (user + system, all threads, so GC and JIT work count), not
 * wall time: on a shared machine a batch that waits for a core would otherwise count the wait.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface MicroCase {
  name: string;
  /** One operation; may return a promise (then it is awaited, as a caller would). */
  fn: () => unknown;
}

export interface MicroOptions {
  rounds: number;
  /** Target wall time of one batch (one case, one round). */
  batchMs: number;
  /** Warm-up time per case before calibration (JIT tiers up). */
  warmupMs?: number;
  /** Calls per case in its warm-up, at least (default 0: `warmupMs` alone). */
  warmupCalls?: number;
}

/** ns per operation, per case, per round. */
export type MicroResult = Map<string, number[]>;

let sink: unknown;

/** Keeps results alive so the optimiser cannot drop the work. */
export function consume(value: unknown): void {
  sink = value;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === "function";
}

/** CPU time of this process so far, in ns. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1_000;
}

async function batch(fn: () => unknown, iterations: number, async: boolean): Promise<number> {
  const start = cpuNow();
  if (async) {
    for (let i = 0; i < iterations; i++) sink = await fn();
  } else {
    for (let i = 0; i < iterations; i++) sink = fn();
  }
  return cpuNow() - start;
}

export async function alternate(
  cases: readonly MicroCase[],
  options: MicroOptions,
): Promise<MicroResult> {
  // First every case warms up (for `warmupMs` and at least `warmupCalls` calls), then every
  // case's batch is sized: sized during its own warm-up, the first case would be timed while
  // the process is still compiling, get the smallest batches, and so the fewest calls to
  // settle in during the rounds (a 100 µs call needs some thousands).
  const plans = [];
  for (const c of cases) {
    const async = isPromise(c.fn());
    const warmEnd = performance.now() + (options.warmupMs ?? 200);
    const warmCalls = options.warmupCalls ?? 0;
    let calls = 0;
    for (let n = 1; performance.now() < warmEnd || calls < warmCalls; n = Math.min(n * 2, 1024)) {
      await batch(c.fn, n, async);
      calls += n;
    }
    plans.push({ ...c, async, iterations: 1 });
  }
  for (const plan of plans) {
    let n = 1;
    let elapsed = await batch(plan.fn, n, plan.async);
    while (elapsed < options.batchMs * 1e6 * 0.25) {
      n *= 2;
      elapsed = await batch(plan.fn, n, plan.async);
    }
    plan.iterations = Math.max(1, Math.round((n * options.batchMs * 1e6) / elapsed));
  }
  const result: MicroResult = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[(round + k) % plans.length];
      if (!plan) continue;
      const ns = await batch(plan.fn, plan.iterations, plan.async);
      result.get(plan.name)?.push(ns / plan.iterations);
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return result;
}

/** Set in a worker run of `pooled`: where the worker writes its rounds. */
const WORKER_OUT = "MIZAN_BENCH_WORKER_OUT";

/** How many processes `pooled` measures in (BENCH_PROCESSES overrides). */
export const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 3));

/**
 * Runs `measure` in `processes` fresh runs of this script, one after the other, and pools their
 * rounds. V8 makes its optimisation decisions once per process (when each contestant's code
 * tiers up, which call sites stay monomorphic, how the shared heap is laid out), and they
 * differ from one process to the next: the same code can sit well above or below its usual
 * ratio for a whole run. Several processes' rounds show that spread instead of one draw of it.
 * A round keeps its pairing (every contestant measured in the same process and moment), so
 * per-round ratios never mix processes.
 *
 * In a worker run (its environment names the output file) `measure` runs, its rounds are
 * written, and the process exits: the script's code after the call runs only in the parent.
 */
export async function pooled<K extends string>(
  processes: number,
  measure: () => Promise<Record<K, MicroResult>>,
): Promise<Record<K, MicroResult>> {
  const out = process.env[WORKER_OUT];
  if (out) {
    const runs = await measure();
    const plain = Object.entries(runs).map(([key, result]) => [key, [...(result as MicroResult)]]);
    writeFileSync(out, JSON.stringify(plain));
    process.exit(0);
  }
  const dir = mkdtempSync(join(tmpdir(), "mizan-bench-"));
  try {
    const all = {} as Record<K, MicroResult>;
    for (let i = 0; i < processes; i++) {
      const file = join(dir, `${i}.json`);
      const script = process.argv[1] as string;
      const run = spawnSync(process.execPath, [...process.execArgv, script], {
        stdio: "inherit",
        env: { ...process.env, [WORKER_OUT]: file },
      });
      if (run.status !== 0) throw new Error(`Benchmark process ${i + 1} failed (${run.status}).`);
      const runs = JSON.parse(readFileSync(file, "utf8")) as Array<[K, Array<[string, number[]]>]>;
      for (const [key, entries] of runs) {
        const into: MicroResult = all[key] ?? new Map();
        all[key] = into;
        for (const [name, rounds] of entries) {
          into.set(name, [...(into.get(name) ?? []), ...rounds]);
        }
      }
    }
    return all;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
