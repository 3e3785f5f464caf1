/**
 * 1. Server validation cost: `signup.validate` through the registry, in process, against
 * `safeParse` of the equivalent hand-written Zod schema and a hand-written validator.
 */
import { createContext } from "mizan";
import { writeGenerated } from "./lib/generated.js";
import { alternate, type MicroCase, PROCESSES, pooled } from "./lib/measure.js";
import { mizanBuild, productionLike, Reporter, row, versions } from "./lib/report.js";
import {
  invalidSignup,
  SIGNUP_FIELDS,
  SignupForm,
  signupRegistry,
  validSignup,
} from "./lib/signup.js";
import { signupZod, validateSignupByHand } from "./lib/signup-anchors.js";
import { formatNs, formatRatio, ratios, spread, table } from "./lib/stats.js";

productionLike();
// Rounds per process; the rounds of PROCESSES processes are pooled (lib/measure.ts, `pooled`).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 14);
const reporter = new Reporter("validation", "1. Server validation cost (in process)");

const registry = signupRegistry();
const request = new Request("http://localhost/api/mizan/call/", { method: "POST" });
const dir = writeGenerated(registry, "validation", { hooks: false });
const generated = (await import(`${dir}/forms/signup.ts`)) as {
  signupSchema: typeof signupZod;
};

type Payload = Record<string, unknown>;

async function mizanValidate(data: Payload) {
  // As the HTTP handler does: one context per request (the Request is the transport's).
  const ctx = createContext({ request, signal: request.signal });
  return (await registry.call("signup.validate", ctx, { data })) as { valid: boolean };
}

async function formIsValid(data: Payload) {
  // With a context: without one, every `form.ctx` read builds a fresh context and Request.
  const form = new SignupForm({ data, ctx: createContext({ request, signal: request.signal }) });
  const valid = await form.isValid();
  return valid ? null : form.errorDetails();
}

/** Every implementation must agree on which fields fail, or the comparison means nothing. */
async function check(data: Payload, expected: string[]) {
  const mizan = (await mizanValidate(data)) as unknown as {
    errors: { fields: Record<string, unknown> };
  };
  const zod = signupZod.safeParse(data);
  const browser = generated.signupSchema.safeParse(data);
  const hand = validateSignupByHand(data);
  const got = {
    mizan: Object.keys(mizan.errors.fields),
    zod: zod.success ? [] : [...new Set(zod.error.issues.map((i) => String(i.path[0])))],
    generated: browser.success
      ? []
      : [...new Set(browser.error.issues.map((i) => String(i.path[0])))],
    hand: Object.keys(hand ?? {}),
  };
  for (const [who, fields] of Object.entries(got)) {
    if (fields.sort().join() !== [...expected].sort().join()) {
      throw new Error(`${who} disagrees: fails ${fields.join(", ") || "nothing"}`);
    }
  }
}

await check(validSignup, []);
await check(invalidSignup, SIGNUP_FIELDS);

const CASES = {
  mizan: "mizan `signup.validate` (registry.call)",
  form: "mizan Form alone (`new SignupForm({ data, ctx }).isValid()`)",
  zod: "Zod 4 `safeParse`, hand-written schema (anchor)",
  generated: "generated browser schema `safeParse` (for reference)",
  hand: "hand-written plain JS (the limit)",
} as const;

function cases(data: Payload): MicroCase[] {
  return [
    { name: CASES.mizan, fn: () => mizanValidate(data) },
    { name: CASES.form, fn: () => formIsValid(data) },
    { name: CASES.zod, fn: () => signupZod.safeParse(data) },
    { name: CASES.generated, fn: () => generated.signupSchema.safeParse(data) },
    { name: CASES.hand, fn: () => validateSignupByHand(data) },
  ];
}

const runs = await pooled(PROCESSES, async () => ({
  valid: await alternate(cases(validSignup), { rounds: ROUNDS, batchMs: 60, warmupMs: 300 }),
  invalid: await alternate(cases(invalidSignup), { rounds: ROUNDS, batchMs: 60, warmupMs: 300 }),
}));

const get = (kind: keyof typeof runs, name: string) => runs[kind].get(name) as number[];
const rows: string[][] = [
  ["implementation", "valid payload", "× Zod", "invalid payload (10 fields fail)", "× Zod"],
];
for (const name of Object.values(CASES)) {
  const cells: string[] = [name];
  for (const kind of ["valid", "invalid"] as const) {
    cells.push(formatNs(spread(get(kind, name)).median));
    cells.push(formatRatio(ratios(get(kind, name), get(kind, CASES.zod))));
  }
  rows.push(cells);
}

const mizanVsZod = {
  valid: ratios(get("valid", CASES.mizan), get("valid", CASES.zod)),
  invalid: ratios(get("invalid", CASES.mizan), get("invalid", CASES.zod)),
};
const mizanVsHand = {
  valid: ratios(get("valid", CASES.mizan), get("valid", CASES.hand)),
  invalid: ratios(get("invalid", CASES.mizan), get("invalid", CASES.hand)),
};
const zodVsHand = ratios(get("valid", CASES.zod), get("valid", CASES.hand));

const markdown = [
  `CPU time per call, median of ${ROUNDS * PROCESSES} alternating rounds, ${ROUNDS} in each of ${PROCESSES} fresh processes (each round runs every implementation once, in rotating order, for ~60 ms of CPU); ratios are per round, median (min–max). Source maps off, NODE_ENV=production, ${mizanBuild()}. Versions: ${versions(["zod"])}.`,
  "",
  table(rows, "lrrrr"),
  "",
  `- mizan / hand-written: valid ${formatRatio(mizanVsHand.valid, 1)}, invalid ${formatRatio(mizanVsHand.invalid, 1)}; Zod / hand-written (valid): ${formatRatio(zodVsHand, 1)}.`,
  "- `signup.validate` includes what the handler runs per call besides the form: a context, the Zod check of `{ data, fields?, version? }`, the version header, and the wire-shaped error details.",
  "- Tags: a small custom `TagsField` (wire shape `string[]`, the shared `str_list` coercer and a shared list-length cap; the per-tag length check is a plain validator, so server-only). Zod: `z.array(z.string().max(20)).max(5)`.",
].join("\n");

const met = mizanVsZod.valid.median <= 1 && mizanVsZod.invalid.median <= 1;
const verdict = met
  ? `mizan's \`signup.validate\` is within Zod's cost (valid ${mizanVsZod.valid.median.toFixed(2)}×, invalid ${mizanVsZod.invalid.median.toFixed(2)}×): target met.`
  : `mizan's \`signup.validate\` costs ${mizanVsZod.valid.median.toFixed(2)}× Zod's \`safeParse\` on a valid payload and ${mizanVsZod.invalid.median.toFixed(2)}× on an invalid one: target (≤ 1.0) missed.`;

reporter.finish(markdown, verdict, [
  row(
    "Server validation, valid: `signup.validate` / Zod `safeParse`",
    "≤ 1.0",
    formatRatio(mizanVsZod.valid),
    mizanVsZod.valid.median <= 1,
  ),
  row(
    "Server validation, invalid: `signup.validate` / Zod `safeParse`",
    "≤ 1.0",
    formatRatio(mizanVsZod.invalid),
    mizanVsZod.invalid.median <= 1,
  ),
]);
