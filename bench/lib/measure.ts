/**
 * Alternating micro-benchmarks: every case runs one batch per round, in a rotating order, so
 * a slow moment of the (shared) machine lands on every case alike. Ratios are taken per round.
 *
 * Time is the process's CPU time (user + system, all threads, so GC and JIT work count), not
 * wall time: on a shared machine a batch that waits for a core would otherwise count the wait.
 */

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
  const plans = [];
  for (const c of cases) {
    const async = isPromise(c.fn());
    const warmEnd = performance.now() + (options.warmupMs ?? 200);
    let n = 1;
    let elapsed = 0;
    while (performance.now() < warmEnd || elapsed < options.batchMs * 1e6 * 0.25) {
      elapsed = await batch(c.fn, n, async);
      if (elapsed < options.batchMs * 1e6 * 0.25) n *= 2;
    }
    const iterations = Math.max(1, Math.round((n * options.batchMs * 1e6) / elapsed));
    plans.push({ ...c, async, iterations });
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
