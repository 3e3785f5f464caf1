/**
 * 5. The generator: `mizan generate` on an entry with 500 forms (into an empty folder, into an
 * up-to-date one, and `--check`), against the floor of any such command (node + tsx loading
 * the same entry); and in process, the manifest and `generate()` alone.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaToZod } from "json-schema-to-zod";
import { generate } from "../src/codegen/index.js";
import { buildRegistry } from "./generator/entry.js";
import { cpuNow } from "./lib/measure.js";
import { productionLike, Reporter, ROOT, SCRATCH, versions } from "./lib/report.js";
import { formatMs, formatRatio, median, ratios, table } from "./lib/stats.js";

productionLike();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FORMS = 500;
const reporter = new Reporter("generator", `5. Generator (${FORMS} forms)`);
const ENTRY = join("bench", "generator", "entry.ts");
const OUT = join(SCRATCH, "generator-out");

function run(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_FORMS: String(FORMS) },
    encoding: "utf8",
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  }
  return ms;
}

const FORMAT_CACHE = join(ROOT, "node_modules", ".cache", "mizan");

const cli = (...extra: string[]) => [
  join("src", "codegen", "cli.ts"),
  "generate",
  "--entry",
  ENTRY,
  "--out",
  OUT,
  ...extra,
];

interface Case {
  name: string;
  prepare?: () => void;
  args: string[];
}

const CASES: Case[] = [
  {
    name: "floor: node + tsx importing the entry (no mizan generate)",
    args: ["--input-type=module", "-e", `await import(${JSON.stringify(join(ROOT, ENTRY))});`],
  },
  {
    // The worst case: a fresh clone with no folder and no format cache formats everything.
    name: "`mizan generate` into an empty folder, no format cache (a fresh clone)",
    prepare: () => {
      rmSync(OUT, { recursive: true, force: true });
      rmSync(FORMAT_CACHE, { recursive: true, force: true });
    },
    args: cli(),
  },
  { name: "`mizan generate` into an up-to-date folder", args: cli() },
  { name: "`mizan generate --check` on an up-to-date folder", args: cli("--check") },
  {
    // A fresh clone in CI has no node_modules/.cache/mizan: every statement goes to Biome.
    name: "`mizan generate --check` on an up-to-date folder, no format cache (a fresh CI clone)",
    prepare: () => rmSync(FORMAT_CACHE, { recursive: true, force: true }),
    args: cli("--check"),
  },
];

run(cli()); // warm the file system cache and tsx's transform cache
const wall = new Map<Case, number[]>(CASES.map((c) => [c, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < CASES.length; k++) {
    const c = CASES[(round + k) % CASES.length] as Case;
    // The empty-folder case leaves an up-to-date folder, as the others need.
    c.prepare?.();
    wall.get(c)?.push(run(c.args));
  }
}
// The up-to-date cases need the folder written: make sure the first round had it.
const floor = wall.get(CASES[0] as Case) ?? [];

// In process: CPU time of each step alone.
const inProcess = { manifest: [] as number[], generate: [] as number[], jstz: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  let t = cpuNow();
  const manifest = buildRegistry(FORMS).manifest();
  inProcess.manifest.push((cpuNow() - t) / 1e6);
  t = cpuNow();
  const files = generate(manifest);
  inProcess.generate.push((cpuNow() - t) / 1e6);
  if (files.length < FORMS) throw new Error(`generate() made ${files.length} files`);
  t = cpuNow();
  for (const form of Object.values(manifest.forms) as Array<{ json_schema: object }>) {
    jsonSchemaToZod(form.json_schema as never, { module: "esm" });
  }
  inProcess.jstz.push((cpuNow() - t) / 1e6);
}

const rows: string[][] = [["command", "wall time", "× floor", "per form"]];
for (const c of CASES) {
  const ms = wall.get(c) ?? [];
  rows.push([
    c.name,
    formatMs(median(ms)),
    formatRatio(ratios(ms, floor)),
    c === CASES[0] ? "–" : formatMs((median(ms) - median(floor)) / FORMS),
  ]);
}
const stepRows = [
  ["in process (CPU time)", `${FORMS} forms`, "per form"],
  [
    "`registry.manifest()` (JSON Schema + descriptors + version hashes)",
    formatMs(median(inProcess.manifest)),
    formatMs(median(inProcess.manifest) / FORMS),
  ],
  [
    "`generate(manifest)` (Zod source, metadata, hooks; no I/O)",
    formatMs(median(inProcess.generate)),
    formatMs(median(inProcess.generate) / FORMS),
  ],
  [
    "for reference: plain `jsonSchemaToZod()` on the same JSON Schemas",
    formatMs(median(inProcess.jstz)),
    formatMs(median(inProcess.jstz) / FORMS),
  ],
];

const generateMs = median(wall.get(CASES[1] as Case) ?? []);
const checkMs = median(wall.get(CASES[3] as Case) ?? []);
const coldCheckMs = median(wall.get(CASES[4] as Case) ?? []);
const markdown = [
  `${FORMS} copies of the signup form (10 fields each) registered under different names; the CLI runs as \`node --import tsx src/codegen/cli.ts generate --entry ${ENTRY} --out …\` (${FORMS + 1} files). Wall time of the whole process, median of ${ROUNDS} alternating rounds; ratios per round against the floor, median (min–max); "per form" is (median − floor median) / ${FORMS}. Versions: ${versions(["tsx", "json-schema-to-zod", "zod"])}.`,
  "",
  table(rows, "lrrr"),
  "",
  table(stepRows, "lrr"),
].join("\n");

const verdict = `Generating ${FORMS} forms from scratch (no folder, no format cache) takes ${formatMs(generateMs)} end to end (${formatMs(generateMs - median(floor))} above the ${formatMs(median(floor))} floor of loading the entry); \`--check\` on an unchanged tree takes ${formatMs(checkMs)} with the format cache and ${formatMs(coldCheckMs)} without it (a fresh CI clone). No target was set.`;
reporter.finish(markdown, verdict, []);
