import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BENCH = join(ROOT, "bench");
/** Scratch space (git-ignored by the repo's `.generated/` rule). */
export const SCRATCH = join(BENCH, ".generated");
export const RESULTS = join(SCRATCH, "results");

/**
 * Run as production does: no source-mapped stack traces (tsx turns them on, and they make
 * every `new Error()` several times dearer), NODE_ENV=production unless told otherwise.
 */
export function productionLike(): void {
  process.setSourceMapsEnabled(false);
  process.env.NODE_ENV ??= "production";
}

/** Where this process loads mizan from: the built package (run.ts's server benches) or the sources. */
export function mizanBuild(): string {
  return import.meta.resolve("mizan").includes("/dist/")
    ? "mizan from dist/ (`npm run build`, as the package ships)"
    : "mizan from its TypeScript sources through tsx (keep-names transform: slower than the package; `npm run bench` loads dist/)";
}

/** One line of the summary: a target and what this run measured. */
export interface SummaryRow {
  metric: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  date: string;
  /** Load average (1 min) when the benchmark started and ended. */
  load: [number, number];
  markdown: string;
  verdict: string;
  summary: SummaryRow[];
}

function version(pkg: string): string {
  try {
    const json = readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8");
    return (JSON.parse(json) as { version: string }).version;
  } catch {
    return "?";
  }
}

export function versions(pkgs: readonly string[]): string {
  return pkgs.map((p) => `${p} ${version(p)}`).join(", ");
}

export function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "react"], {
      cwd: ROOT,
    }).toString();
    return `${head.trim()}${dirty.trim() ? " + uncommitted changes in src/ or react/" : ""}`;
  } catch {
    return "unknown";
  }
}

export function machine(): string {
  const cpu = cpus();
  const ram = Math.round(totalmem() / 2 ** 30);
  return `${cpu[0]?.model ?? "?"} × ${cpu.length} cores, ${ram} GB RAM, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
}

export function load(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** Times a benchmark and, at the end, prints its section and stores it for BENCHMARKS.md. */
export class Reporter {
  readonly #start = load();
  readonly #date = new Date().toISOString().replace(/\.\d+Z$/, "Z");

  constructor(
    readonly name: string,
    readonly title: string,
  ) {}

  finish(markdown: string, verdict: string, summary: SummaryRow[]): void {
    const result: BenchResult = {
      name: this.name,
      title: this.title,
      date: this.#date,
      load: [this.#start, load()],
      markdown,
      verdict,
      summary,
    };
    const path = join(RESULTS, `${this.name}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n## ${this.title}\n\n${markdown}\n\n**Verdict:** ${verdict}\n`);
  }
}

/** A target check for the summary: `✅`/`❌` is decided by the caller. */
export function row(metric: string, target: string, measured: string, met: boolean): SummaryRow {
  return { metric, target, measured, met };
}
