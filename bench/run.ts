/**
 * `npm run bench [-- name...]`: runs the benchmarks (all, or those named), each in its own
 * process, then writes BENCHMARKS.md from the latest result of every benchmark (a benchmark
 * not run this time keeps its earlier section, with its own date).
 *
 * Names: validation, http, typing, typing-chromium, download, generator, channels, memory. BENCH_ROUNDS overrides the rounds (per process where rows pool processes; BENCH_PROCESSES their number);
 * `--no-run` rewrites BENCHMARKS.md from the stored results (after editing bench/findings.md).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  BENCH,
  type BenchResult,
  commit,
  load,
  machine,
  RESULTS,
  ROOT,
  versions,
} from "./lib/report.js";
import { table } from "./lib/stats.js";

const ALL = [
  "validation",
  "http",
  "typing",
  "typing-chromium",
  "download",
  "generator",
  "channels",
  "memory",
] as const;
/** How each benchmark's rows in the Targets table begin (to keep them when it is not re-run). */
const METRIC_PREFIX: Record<(typeof ALL)[number], string> = {
  validation: "Server validation",
  http: "HTTP",
  typing: "Typing",
  "typing-chromium": "Typing (Chromium)",
  download: "Download",
  generator: "Generator",
  channels: "Channels",
  memory: "Memory",
};
// `--no-run` only rewrites BENCHMARKS.md from the stored results (after editing findings.md).
const noRun = process.argv.includes("--no-run");
const asked = process.argv.slice(2).filter((a) => a !== "--no-run");
const unknown = asked.filter((n) => !(ALL as readonly string[]).includes(n));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from ${ALL.join(", ")}.`);
  process.exit(2);
}
const names = noRun ? [] : asked.length ? asked : [...ALL];

/**
 * The server benchmarks time mizan's server code as its package ships it: `npm run build`'s
 * dist/, reached through the package's own `exports` (bench/tsconfig.dist.json drops the source
 * paths). Through tsx, every source module is transformed with esbuild's keep-names, which
 * wraps each function, closures made per call included, in an `Object.defineProperty` of its
 * name; Zod and Hono come compiled from node_modules, so that would time the transform, not
 * mizan (bench/findings.md, "Method"). The browser benchmarks bundle the sources as an app does.
 */
const FROM_DIST: ReadonlySet<string> = new Set(["validation", "http", "memory"]);
const DIST_TSCONFIG = join(BENCH, "tsconfig.dist.json");

if (names.some((n) => FROM_DIST.has(n))) {
  console.log("\n▶ npm run build (the server benchmarks load dist/)");
  const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) {
    console.error("npm run build failed; the server benchmarks need dist/.");
    process.exit(1);
  }
}

const started = performance.now();
const failed: string[] = [];
for (const name of names) {
  const file = join(BENCH, `${name}.ts`);
  console.log(`\n▶ ${name} (load ${load()})`);
  const t = performance.now();
  const env = FROM_DIST.has(name)
    ? { ...process.env, TSX_TSCONFIG_PATH: DIST_TSCONFIG }
    : process.env;
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", file], {
    cwd: ROOT,
    stdio: "inherit",
    env,
  });
  console.log(`◀ ${name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  if (result.status !== 0) failed.push(name);
}

function read(name: (typeof ALL)[number]): BenchResult | null {
  const path = join(RESULTS, `${name}.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as BenchResult;
  return (
    recover(name, readFileSync(join(ROOT, "BENCHMARKS.md"), "utf8")) ?? recover(name, committed())
  );
}

/** BENCHMARKS.md as last committed ("" outside a git checkout). */
function committed(): string {
  try {
    return execFileSync("git", ["show", "HEAD:BENCHMARKS.md"], { cwd: ROOT, encoding: "utf8" });
  } catch {
    return "";
  }
}

/**
 * A benchmark's last result as a BENCHMARKS.md text shows it, for one that has no stored
 * result on this machine (a fresh clone, or results written elsewhere): running one benchmark
 * then keeps the others' sections and Targets rows instead of dropping them.
 */
function recover(name: (typeof ALL)[number], doc: string): BenchResult | null {
  const part = doc.split(/^## /m).find((p) => p.includes(`Script: \`bench/${name}.ts\`.`));
  if (!part) return null;
  const title = part.slice(0, part.indexOf("\n")).trim();
  const run = /^_Run (\S+); load average (\S+) at start, (\S+) at end.*$/m.exec(part);
  const bodyStart = run ? part.indexOf("\n\n", run.index) + 2 : -1;
  const verdictAt = part.indexOf("\n**Verdict:** ");
  if (!run || bodyStart < 2 || verdictAt < bodyStart) return null;
  const verdictEnd = part.indexOf("\n\n", verdictAt + 1);
  const targets = doc.split(/^## /m).find((p) => p.startsWith("Targets"));
  // Another benchmark's prefix may begin with this one's ("Typing (Chromium)", "Typing").
  const others = Object.values(METRIC_PREFIX).filter(
    (p) => p !== METRIC_PREFIX[name] && p.startsWith(METRIC_PREFIX[name]),
  );
  const summary = (targets ?? "")
    .split("\n")
    .filter((line) => line.startsWith(`| ${METRIC_PREFIX[name]}`))
    .filter((line) => !others.some((p) => line.startsWith(`| ${p}`)))
    .map((line) => line.slice(2, -2).split(" | "))
    .map(([metric = "", target = "", measured = "", met = ""]) => ({
      metric,
      target,
      measured,
      met: met.includes("✅"),
    }));
  return {
    name,
    title,
    date: run[1] as string,
    load: [Number(run[2]), Number(run[3])],
    markdown: part.slice(bodyStart, verdictAt).trim(),
    verdict: part
      .slice(verdictAt + "\n**Verdict:** ".length, verdictEnd < 0 ? undefined : verdictEnd)
      .trim(),
    summary,
  };
}

/** `## name` sections of bench/findings.md: the profiling notes written for each benchmark. */
function findings(): Map<string, string> {
  const text = readFileSync(join(BENCH, "findings.md"), "utf8");
  const out = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const nl = part.indexOf("\n");
    out.set(part.slice(0, nl).trim(), part.slice(nl + 1).trim());
  }
  return out;
}

const results = ALL.map(read).filter((r): r is BenchResult => r !== null);
const notes = findings();
const summary: string[][] = [["benchmark", "target", "measured (median, min–max)", "", "run"]];
for (const r of results) {
  for (const s of r.summary) {
    summary.push([
      s.metric,
      s.target,
      s.measured,
      s.met ? "✅ met" : "❌ missed",
      r.date.slice(0, 10),
    ]);
  }
}

const doc = [
  "# Benchmarks",
  "",
  "`npm run bench` runs every benchmark below (`npm run bench -- validation` runs one; the others keep their last section) and rewrites this file. Sources: `bench/`.",
  "",
  "**Method.** The machines these run on are shared and noisy (absolute numbers move by 2× between runs), so every benchmark runs mizan and its anchors in the same process or run, alternating in rotating order, and reports the **ratio** per round: the median of the rounds, with min–max. The in-process rows (validation, HTTP's edge rows) pool the rounds of three fresh processes, since V8's optimisation decisions, and with them a whole run's ratio, differ from one process to the next. In-process timings are CPU time of the process (`process.cpuUsage`: all threads, so GC counts; time spent waiting for a core does not). The server benchmarks (validation, HTTP, memory) load mizan as `npm run build` ships it (dist/, through the package's `exports`), as Zod and Hono come from node_modules; the browser benchmarks bundle the sources as an app's bundler does. No timing is asserted in unit tests.",
  "",
  `**Machine.** ${machine()}. Commit ${commit()}. Written ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}. Versions: ${versions(["typescript", "tsx", "zod", "react", "react-hook-form", "@hookform/resolvers"])}.`,
  "",
  "## Targets",
  "",
  table(summary, "llll"),
  "",
  ...results.flatMap((r) => [
    `## ${r.title}`,
    "",
    `_Run ${r.date}; load average ${r.load[0]} at start, ${r.load[1]} at end (2 cores)._ Script: \`bench/${r.name}.ts\`.`,
    "",
    r.markdown,
    "",
    `**Verdict:** ${r.verdict}`,
    "",
    ...(notes.get(r.name) ? [notes.get(r.name) as string, ""] : []),
  ]),
].join("\n");
writeFileSync(join(ROOT, "BENCHMARKS.md"), doc);
console.log(
  noRun
    ? "\nBENCHMARKS.md rewritten from the stored results."
    : `\nBENCHMARKS.md written (${names.join(", ")} in ${((performance.now() - started) / 1000).toFixed(0)} s).`,
);
if (failed.length) {
  console.error(`Failed: ${failed.join(", ")}`);
  process.exit(1);
}
