/**
 * 7. Memory. Two measurements, heap after `global.gc()` (the runner starts every benchmark
 * with `--expose-gc`):
 *
 * - Heap per registered form: 1,000 distinct Form classes shaped like the signup form (ten
 *   fields, the limits varying per class) registered in a fresh Registry, against 1,000
 *   equivalent `z.object` schemas held in an array (the anchor). Each round runs each side in
 *   a fresh child process (this file with `child forms` / `child zod`), alternating which goes
 *   first; the child reports the heap it holds after creating/registering them, and again
 *   after one call of each (mizan builds a class's fields and plan on its first call, Zod
 *   compiles its object parser on the first parse).
 * - Soak: heap before and after 10,000 `signup.submit` / `signup.validate` calls through
 *   `registry.call` (valid and invalid payloads in turn), after a warm-up, in this process.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  BooleanField,
  CharField,
  ChoiceField,
  type CleanedData,
  createContext,
  DateField,
  EmailField,
  Form,
  formMeta,
  IntegerField,
  MizanError,
  PasswordInput,
  RegexValidator,
  Registry,
  type RequestContext,
  Textarea,
  URLField,
} from "mizan";
import { z } from "zod";
import { mizanBuild, productionLike, Reporter, ROOT, row, versions } from "./lib/report.js";
import { COUNTRIES, invalidSignup, signupRegistry, TagsField, validSignup } from "./lib/signup.js";
import { formatRatio, spread, table } from "./lib/stats.js";

productionLike();
const FORMS = 1000;
const SOAK_CALLS = 10_000;
/** Soak target: the heap may not grow by more than this (after a GC, warm-up excluded). */
const SOAK_LIMIT = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with --expose-gc (npm run bench -- memory does).");

/** Heap in use after full collections (several: weak maps and finalizers settle over two). */
function heap(): number {
  for (let i = 0; i < 4; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

/** The `i`-th distinct signup-shaped form class (own class object, own limits, own name). */
function makeForm(i: number) {
  const countries = COUNTRIES.slice(0, 6 + (i % 5));
  return class extends Form<Form> {
    static override meta = formMeta({ name: `signup${i}`, title: `Create an account ${i}` });
    username = new CharField({
      minLength: 3,
      maxLength: 30 + (i % 7),
      validators: [
        new RegexValidator(/^[a-z0-9_]+$/, {
          message: "Use lowercase letters, digits and underscores.",
        }),
      ],
    });
    email = new EmailField();
    password = new CharField({ minLength: 8 + (i % 3), strip: false, widget: new PasswordInput() });
    age = new IntegerField({ minValue: 13, maxValue: 120 + (i % 5) });
    website = new URLField({ required: false });
    country = new ChoiceField({ choices: countries.map((c) => [c, c.toUpperCase()]) });
    agree = new BooleanField({ label: "I accept the terms" });
    bio = new CharField({ required: false, maxLength: 500 + i, widget: new Textarea() });
    birthdate = new DateField();
    tags = new TagsField({ required: false, maxTags: 5, maxTagLength: 20 + (i % 4) });

    onSubmitSuccess(_ctx: RequestContext, data: CleanedData<Form>) {
      return { ok: true, fields: Object.keys(data).length };
    }
  };
}

/** The same rules as a Zod schema, as `makeForm(i)` declares them. */
function makeZod(i: number) {
  const countries = COUNTRIES.slice(0, 6 + (i % 5)) as unknown as [string, ...string[]];
  return z.object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(30 + (i % 7))
      .regex(/^[a-z0-9_]+$/),
    email: z.email(),
    password: z.string().min(8 + (i % 3)),
    age: z
      .number()
      .int()
      .min(13)
      .max(120 + (i % 5)),
    website: z.url().optional(),
    country: z.enum(countries),
    agree: z.literal(true),
    bio: z
      .string()
      .max(500 + i)
      .optional(),
    birthdate: z.iso.date(),
    tags: z
      .array(z.string().max(20 + (i % 4)))
      .max(5)
      .optional(),
  });
}

const request = new Request("http://localhost/api/mizan/call/", { method: "POST" });
const context = () => createContext({ request, signal: request.signal });

interface ChildResult {
  /** Bytes held per form/schema once created (mizan: registered). */
  created: number;
  /** Bytes held per form/schema after one validation of each. */
  used: number;
}

/** In a fresh process: the heap that `FORMS` forms (or Zod schemas) keep alive. */
async function child(kind: "forms" | "zod"): Promise<ChildResult> {
  // Warm up everything lazily set up once per process (locale tables, Zod's checks, JIT),
  // with one form and one schema of an index not used below, so the baseline includes it.
  const warm = new Registry();
  warm.register(makeForm(FORMS));
  await warm.call(`signup${FORMS}.validate`, context(), { data: validSignup });
  await warm.call(`signup${FORMS}.validate`, context(), { data: invalidSignup });
  makeZod(FORMS).safeParse(validSignup);
  makeZod(FORMS).safeParse(invalidSignup);

  const base = heap();
  let registry: Registry | undefined;
  let schemas: Array<ReturnType<typeof makeZod>> | undefined;
  if (kind === "forms") {
    registry = new Registry();
    for (let i = 0; i < FORMS; i++) registry.register(makeForm(i));
  } else {
    schemas = [];
    for (let i = 0; i < FORMS; i++) schemas.push(makeZod(i));
  }
  const created = heap();
  let valid = 0;
  for (let i = 0; i < FORMS; i++) {
    if (registry) {
      const result = (await registry.call(`signup${i}.validate`, context(), {
        data: validSignup,
      })) as { valid: boolean };
      if (result.valid) valid++;
    } else if (schemas?.[i]?.safeParse(validSignup).success) valid++;
  }
  if (valid !== FORMS) throw new Error(`${kind}: ${FORMS - valid} rejected the valid payload.`);
  const used = heap();
  // Keep both alive until measured.
  if (!registry?.has(`signup${FORMS - 1}.submit`) && schemas?.length !== FORMS) {
    throw new Error("lost the forms");
  }
  return { created: (created - base) / FORMS, used: (used - base) / FORMS };
}

function runChild(kind: "forms" | "zod"): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "child", kind],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: process.env },
    );
    let out = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    proc.once("error", reject);
    proc.once("exit", (code) => {
      if (code !== 0) reject(new Error(`memory child ${kind} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").pop() as string) as ChildResult);
    });
  });
}

/** Heap growth over `SOAK_CALLS` calls after a warm-up, in bytes, and heap before/after. */
async function soak(registry: Registry) {
  const payloads = [validSignup, invalidSignup];
  let failures = 0;
  const callOnce = async (n: number) => {
    const data = payloads[(n >> 1) & 1] as Record<string, unknown>;
    if (n & 1) {
      const result = (await registry.call("signup.validate", context(), { data })) as {
        valid: boolean;
      };
      if (!result.valid) failures++;
    } else {
      try {
        await registry.call("signup.submit", context(), { data });
      } catch (error) {
        if (!(error instanceof MizanError && error.code === "VALIDATION_FAILED")) throw error;
        failures++;
      }
    }
  };
  for (let n = 0; n < 1000; n++) await callOnce(n);
  const before = heap();
  failures = 0;
  for (let n = 0; n < SOAK_CALLS; n++) await callOnce(n);
  const after = heap();
  if (failures !== SOAK_CALLS / 2) {
    throw new Error(`soak: ${failures} rejected calls, expected ${SOAK_CALLS / 2}`);
  }
  return { before, after, growth: after - before };
}

if (process.argv[2] === "child") {
  const kind = process.argv[3] === "zod" ? "zod" : "forms";
  console.log(JSON.stringify(await child(kind)));
  process.exit(0);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const reporter = new Reporter("memory", "7. Memory: heap per form, soak");

const perForm = { forms: [] as ChildResult[], zod: [] as ChildResult[] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? (["zod", "forms"] as const) : (["forms", "zod"] as const);
  for (const kind of order) perForm[kind].push(await runChild(kind));
}

const SOAK_ROUNDS = 3;
const registry = signupRegistry();
const soaks: Array<Awaited<ReturnType<typeof soak>>> = [];
for (let round = 0; round < SOAK_ROUNDS; round++) soaks.push(await soak(registry));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const stage = (kind: "forms" | "zod", key: keyof ChildResult) => perForm[kind].map((r) => r[key]);
const fmtKb = (values: number[]) => {
  const s = spread(values);
  return `${kb(s.median)} (${(s.min / 1024).toFixed(1)}–${(s.max / 1024).toFixed(1)})`;
};
const ratioOf = (key: keyof ChildResult) =>
  spread(stage("forms", key).map((v, i) => v / (stage("zod", key)[i] as number)));
const createdRatio = ratioOf("created");
const usedRatio = ratioOf("used");

const perFormRows = [
  ["per form", "created / registered", "× Zod", "after one validation each", "× Zod"],
  [
    "mizan: Form class registered in a Registry (3 functions + manifest entry)",
    fmtKb(stage("forms", "created")),
    formatRatio(createdRatio),
    fmtKb(stage("forms", "used")),
    formatRatio(usedRatio),
  ],
  [
    "Zod 4 `z.object` schema in an array (anchor)",
    fmtKb(stage("zod", "created")),
    "1.00",
    fmtKb(stage("zod", "used")),
    "1.00",
  ],
];

const growth = spread(soaks.map((s) => s.growth));
const growthRatio = spread(soaks.map((s) => s.after / s.before));
const soakRows = [
  ["soak round", "heap before", "heap after", "growth", "after / before"],
  ...soaks.map((s, i) => [
    String(i + 1),
    kb(s.before),
    kb(s.after),
    kb(s.growth),
    (s.after / s.before).toFixed(3),
  ]),
];
const soakMet = growth.max <= SOAK_LIMIT;

const markdown = [
  `**Heap per registered form.** ${FORMS.toLocaleString("en")} distinct signup-shaped Form classes (ten fields each; limits, choices and names vary per class) registered in a fresh \`Registry\`, against ${FORMS.toLocaleString("en")} equivalent \`z.object\` schemas held in an array. Each round runs each side in a fresh child process (order alternating), after a warm-up form and schema; heap used after \`global.gc()\`, minus the heap before, per form. Median of ${ROUNDS} rounds (min–max); ratios per round. "After one validation each": every form's \`signup<i>.validate\` called once through \`registry.call\` (mizan builds a class's fields and plan on its first call), every schema's \`safeParse\` once. The classes come from one factory function, so they share their code; heap only (the classes' code would be per form in an app that declares each one); ${mizanBuild()}. Versions: ${versions(["zod"])}.`,
  "",
  table(perFormRows, "lrrrr"),
  "",
  `**Soak.** ${SOAK_CALLS.toLocaleString("en")} calls through \`registry.call\` on the signup registry, alternating \`signup.submit\` and \`signup.validate\` with valid and invalid payloads in turn (half of them rejected), after 1,000 warm-up calls; heap used after \`global.gc()\` before and after, ${SOAK_ROUNDS} rounds in a row in one process. Target: growth ≤ 1 MB in every round (about 8% of this heap). The first round after the warm-up can still grow by up to a few hundred KB (it varies by run) while V8 optimises more of the path (code and its feedback count in the heap); later rounds level off, where a leak would grow by the same amount every round.`,
  "",
  table(soakRows, "lrrrr"),
].join("\n");

const verdict = `A registered signup-shaped form holds ${kb(spread(stage("forms", "created")).median)} of heap (${createdRatio.median.toFixed(2)}× a Zod schema of the same rules), ${kb(spread(stage("forms", "used")).median)} once it has been called (${usedRatio.median.toFixed(2)}× a used Zod schema). ${SOAK_CALLS.toLocaleString("en")} submits/validations grow the heap by ${kb(growth.median)} (median; max ${kb(growth.max)}, ratio ${growthRatio.median.toFixed(3)}): target (≤ 1 MB) ${soakMet ? "met" : "missed"}.`;

reporter.finish(markdown, verdict, [
  row(
    "Memory: heap growth after 10,000 submits (every round)",
    "≤ 1 MB",
    `${kb(growth.median)} (${(growth.min / 1024).toFixed(1)}–${(growth.max / 1024).toFixed(1)}); × ${growthRatio.median.toFixed(3)}`,
    soakMet,
  ),
]);
