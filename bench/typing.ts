/**
 * 3. Typing in a big form: 20 characters typed with user-event into one field of a 50-, 200-
 * and 1,000-field form (jsdom), for the generated hook (`useBigForm()` at 200 fields), raw
 * react-hook-form + zodResolver, and @rjsf/core + validator-ajv8. CPU ms per keystroke and form
 * renders per keystroke; the per-key cost should not grow with the form.
 */

import { installDom } from "./lib/dom.js";
import { cpuNow } from "./lib/measure.js";
import { Reporter, row, versions } from "./lib/report.js";
import { formatRatio, median, ratios, type Spread, spread, table } from "./lib/stats.js";

process.setSourceMapsEnabled(false);
// React's production build, as shipped (user-event needs no act()).
process.env.NODE_ENV = process.env.BENCH_REACT_ENV ?? "production";
installDom();

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/** RJSF at 1,000 fields costs seconds per trial: it runs in fewer rounds. */
const RJSF_BIG_ROUNDS = Number(process.env.BENCH_RJSF_BIG_ROUNDS ?? 3);
const TEXT = "abcdefghijklmnopqrst";
const reporter = new Reporter("typing", "3. Typing in a 50-, 200- and 1,000-field form (jsdom)");

const { createElement } = await import("react");
const { createRoot } = await import("react-dom/client");
const { flushSync } = await import("react-dom");
const { userEvent } = await import("@testing-library/user-event");
const { bigForm, bigRegistry, FIELD_COUNT, FIELD_COUNTS, TYPED_FIELD } = await import(
  "./lib/big-form.js"
);
const { SOURCE_IMPORTS, writeGenerated } = await import("./lib/generated.js");
const components = await import("./typing/components.js");
const { MizanProvider } = (await import(
  SOURCE_IMPORTS.react as string
)) as typeof import("mizan/react");

const SIZES = [...FIELD_COUNTS];
const SMALL = SIZES[0] as number;
const LARGE = SIZES[SIZES.length - 1] as number;
const dir = writeGenerated(bigRegistry(SIZES), "typing");
for (const size of SIZES) {
  const name = bigForm(size).name;
  const hook = `use${name[0]?.toUpperCase()}${name.slice(1)}Form`;
  const module = (await import(`${dir}/forms/${name}.ts`)) as Record<string, () => unknown>;
  const generated = module[hook];
  if (!generated) throw new Error(`${name}.ts has no ${hook}`);
  components.setGeneratedHook(generated, size);
}
const noServer = { call: async () => ({ valid: true, errors: { fields: {}, non_field: [] } }) };

type Lib = "plain" | "mizan" | "rhf" | "rjsf";
type Scenario = "fresh" | "touched";

function element(lib: Lib, scenario: Scenario, size: number) {
  if (lib === "mizan")
    return createElement(
      MizanProvider,
      { client: noServer },
      createElement(components.MizanBig, { size }),
    );
  if (lib === "rhf") return createElement(components.RhfBig, { size });
  if (lib === "plain") return createElement(components.PlainBig, { size });
  return createElement(components.RjsfBig, { live: scenario === "touched", size });
}

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

interface Trial {
  msPerKey: number;
  /** Keys 2 to 20 alone: the first clears the typed field's error (touched), re-rendering the form. */
  msPerLaterKey: number;
  rendersPerKey: number;
}

async function trial(lib: Lib, scenario: Scenario, size: number): Promise<Trial> {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(element(lib, scenario, size)));
  await settle();
  const id = lib === "rjsf" ? `root_${TYPED_FIELD}` : TYPED_FIELD;
  const field = container.querySelector<HTMLInputElement>(`#${id}`);
  if (!field) throw new Error(`${lib}: no #${id}`);
  const user = userEvent.setup({ document });
  await user.click(field);
  if (scenario === "touched") {
    await user.tab(); // blur: the field is touched, so every change now validates
    await user.click(field);
  }
  await settle();
  (globalThis as { gc?: () => void }).gc?.(); // the mount's garbage is not the typing's
  const before = components.renders[lib];
  const start = cpuNow();
  await user.type(field, TEXT.slice(0, 1), { skipClick: true });
  await settle();
  const second = cpuNow();
  await user.type(field, TEXT.slice(1), { skipClick: true });
  await settle();
  const end = cpuNow();
  const cpu = end - start;
  const count = components.renders[lib] - before;
  if (field.value !== TEXT) throw new Error(`${lib}: typed "${field.value}"`);
  root.unmount();
  container.remove();
  return {
    msPerKey: cpu / TEXT.length / 1e6,
    msPerLaterKey: (end - second) / (TEXT.length - 1) / 1e6,
    rendersPerKey: count / TEXT.length,
  };
}

const LIBS: Lib[] = ["plain", "mizan", "rhf", "rjsf"];
const SCENARIOS: Scenario[] = ["fresh", "touched"];
type Entry = readonly [Lib, Scenario, number];
const key = ([l, s, n]: Entry) => `${l}/${s}/${n}`;
const rjsfBig = (l: Lib, n: number) => l === "rjsf" && n === LARGE;
// BENCH_TYPING_ONLY=mizan/touched (or mizan/touched/1000) runs one contestant alone (to
// profile it with --cpu-prof); the size defaults to 200.
const only = process.env.BENCH_TYPING_ONLY;
const everything: Entry[] = SIZES.flatMap((n) =>
  SCENARIOS.flatMap((s) => LIBS.map((l) => [l, s, n] as const)),
);
if (only) {
  const [l, s, n = String(FIELD_COUNT)] = only.split("/");
  const chosen = everything.filter((e) => key(e) === `${l}/${s}/${n}`);
  if (!chosen.length) throw new Error(`BENCH_TYPING_ONLY=${only}: no such contestant`);
  for (let i = 0; i < ROUNDS; i++) for (const [lib, s2, size] of chosen) await trial(lib, s2, size);
  process.exit(0);
}
for (const [lib, scenario, size] of everything) await trial(lib, scenario, size); // warm-up
const results = new Map<string, Trial[]>(everything.map((e) => [key(e), []]));
for (let round = 0; round < ROUNDS; round++) {
  const plan = everything.filter(([l, , n]) => !rjsfBig(l, n) || round < RJSF_BIG_ROUNDS);
  for (let k = 0; k < plan.length; k++) {
    const entry = plan[(round + k) % plan.length] as Entry;
    results.get(key(entry))?.push(await trial(...entry));
  }
}

const of = (l: Lib, s: Scenario, n: number) => results.get(key([l, s, n])) ?? [];
const ms = (l: Lib, s: Scenario, n = FIELD_COUNT) => of(l, s, n).map((t) => t.msPerKey);
const later = (l: Lib, s: Scenario, n: number) => of(l, s, n).map((t) => t.msPerLaterKey);
/** Per round: what the library adds to the floor's cost (same round). */
const net = (l: Lib, s: Scenario, n = FIELD_COUNT) =>
  ms(l, s, n).map((v, i) => v - (ms("plain", s, n)[i] as number));
const rendersOf = (l: Lib, s: Scenario, n = FIELD_COUNT) => of(l, s, n).map((t) => t.rendersPerKey);
/** Per-round ratios over the rounds both samples have (RJSF at 1,000 fields has fewer). */
const paired = (a: number[], b: number[]): Spread => {
  const length = Math.min(a.length, b.length);
  return ratios(a.slice(0, length), b.slice(0, length));
};
const NAMES: Record<Lib, string> = {
  plain: "floor: same markup, no form library",
  mizan: "mizan, generated hook",
  rhf: "react-hook-form + zodResolver (anchor)",
  rjsf: "@rjsf/core + validator-ajv8",
};
const STATE: Record<Scenario, string> = {
  fresh: "untouched (no validation yet)",
  touched: "touched (validates each change)",
};
const renderCell = (values: number[]) => {
  const r = spread(values);
  return r.min === r.max
    ? r.median.toFixed(2)
    : `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
};

// The 200-field table, as before.
const rows: string[][] = [
  [
    "library",
    "field state",
    "CPU ms / keystroke",
    "× raw RHF",
    "× raw RHF, net of floor",
    "renders / keystroke",
    "RJSF ÷ this",
    "RJSF ÷ this, net of floor",
  ],
];
for (const scenario of SCENARIOS) {
  for (const lib of LIBS) {
    rows.push([
      NAMES[lib],
      STATE[scenario],
      median(ms(lib, scenario)).toFixed(3),
      formatRatio(ratios(ms(lib, scenario), ms("rhf", scenario))),
      lib === "plain" || scenario === "fresh"
        ? "–"
        : formatRatio(ratios(net(lib, scenario), net("rhf", scenario))),
      renderCell(rendersOf(lib, scenario)),
      formatRatio(ratios(ms("rjsf", scenario), ms(lib, scenario)), 1),
      lib === "plain" || scenario === "fresh"
        ? "–"
        : formatRatio(ratios(net("rjsf", scenario), net(lib, scenario)), 1),
    ]);
  }
}

// Per-key cost by form size.
const sizeRows: string[][] = [
  [
    "library",
    "field state",
    ...SIZES.map((n) => `ms / key, ${n.toLocaleString("en")} fields`),
    `${LARGE.toLocaleString("en")} ÷ ${SMALL} fields`,
    `${LARGE.toLocaleString("en")} ÷ ${SMALL}, keys 2–20`,
    `× raw RHF at ${LARGE.toLocaleString("en")}`,
    `renders / key at ${LARGE.toLocaleString("en")}`,
  ],
];
const growth = (l: Lib, s: Scenario) => paired(ms(l, s, LARGE), ms(l, s, SMALL));
const laterGrowth = (l: Lib, s: Scenario) => paired(later(l, s, LARGE), later(l, s, SMALL));
for (const scenario of SCENARIOS) {
  for (const lib of LIBS) {
    sizeRows.push([
      NAMES[lib],
      STATE[scenario],
      ...SIZES.map((n) => median(ms(lib, scenario, n)).toFixed(3)),
      formatRatio(growth(lib, scenario)),
      formatRatio(laterGrowth(lib, scenario)),
      formatRatio(paired(ms(lib, scenario, LARGE), ms("rhf", scenario, LARGE))),
      renderCell(rendersOf(lib, scenario, LARGE)),
    ]);
  }
}

const vsRhf = {
  fresh: ratios(ms("mizan", "fresh"), ms("rhf", "fresh")),
  touched: ratios(ms("mizan", "touched"), ms("rhf", "touched")),
};
const rjsfOver = {
  fresh: ratios(ms("rjsf", "fresh"), ms("mizan", "fresh")),
  touched: ratios(ms("rjsf", "touched"), ms("mizan", "touched")),
};
const flat = { fresh: growth("mizan", "fresh"), touched: growth("mizan", "touched") };
const flatLater = laterGrowth("mizan", "touched");
const FLAT_TARGET = 1.5;
const maxRenders = Math.max(
  ...SIZES.flatMap((n) => SCENARIOS.map((s) => spread(rendersOf("mizan", s, n)).max)),
);

const markdown = [
  `Forms of ${SIZES.map((n) => n.toLocaleString("en")).join(", ")} fields (text, email, integer, select, checkbox in turn; every field valid but the typed one, which starts empty), React ${versions(["react"]).split(" ")[1]} production build in jsdom; user-event types 20 characters into the first text field. CPU time of the whole typing (events, validation, renders, GC), per keystroke: median of ${ROUNDS} alternating rounds (RJSF at ${LARGE.toLocaleString("en")} fields: ${RJSF_BIG_ROUNDS}), each on a fresh mount; ratios per round, median (min–max). "Untouched": the field was focused but never blurred, so \`mode: "onTouched"\` does not validate yet; "touched": blurred once first, so every keystroke validates (raw RHF's zodResolver parses the whole form; mizan's resolver parses the changed field; RJSF: \`liveValidate\`, the whole form). Versions: ${versions(["react-hook-form", "@hookform/resolvers", "zod", "@rjsf/core", "@rjsf/validator-ajv8", "@testing-library/user-event", "jsdom"])}.`,
  "",
  `**${FIELD_COUNT} fields**`,
  "",
  table(rows, "llrrrrrr"),
  "",
  "**Per-key cost by form size**",
  "",
  table(sizeRows, `ll${"r".repeat(SIZES.length + 4)}`),
  "",
  "- Both react-hook-form contestants lay the form out by hand (label, input, error) through `register`, each as its docs show: raw react-hook-form reads `formState.errors` in the form component; mizan's rows show their errors with `<FieldError>`, which subscribes to its own field only (its function child lays the message out in the same `<span role=\"alert\">`, so both pages hold the same elements). Raw react-hook-form could do the same with `useFormState({ name })` per row; the rows measure what each library's documented way costs. The floor renders the same markup. RJSF renders its default theme. Renders are counted in the component that calls the hook (RJSF: its `Form`'s `render`).",
  `- user-event's and jsdom's own work is in every number (the floor row measures it), so the plain ratios understate the differences between the libraries' own costs; the "net of floor" columns subtract the floor of the same round (touched only: on an untouched field the libraries add less than the noise). Targets are judged on the plain ratios. Each trial starts after a forced GC.`,
  `- "Keys 2–20": the same trials timed without their first keystroke. On a touched field the first keystroke clears the field's "required" error: raw react-hook-form re-renders the whole form for it (its markup reads \`formState.errors\` at the top), which costs in proportion to the form (React renders every field again and sets each input's attributes); mizan re-renders that field's \`<FieldError>\` alone. The later keystrokes only validate.`,
  `- RJSF at ${LARGE.toLocaleString("en")} fields runs in the first ${RJSF_BIG_ROUNDS} rounds only (a trial takes seconds); its ratios there pair those rounds.`,
].join("\n");

const rhfMet = vsRhf.fresh.median <= 1.2 && vsRhf.touched.median <= 1.2;
const rjsfMet = rjsfOver.fresh.median >= 10 && rjsfOver.touched.median >= 10;
const renderMet = maxRenders <= 1;
const flatMet = flat.fresh.median <= FLAT_TARGET && flat.touched.median <= FLAT_TARGET;
const verdict = `At ${FIELD_COUNT} fields, per keystroke, the generated hook costs ${vsRhf.fresh.median.toFixed(2)}× raw react-hook-form on an untouched field and ${vsRhf.touched.median.toFixed(2)}× on a touched one (target ≤ 1.2: ${rhfMet ? "met" : "missed"}); RJSF costs ${rjsfOver.fresh.median.toFixed(1)}× / ${rjsfOver.touched.median.toFixed(1)}× mizan (target ≥ 10×: ${rjsfMet ? "met" : "missed"}); at most ${maxRenders.toFixed(2)} form renders per keystroke (target ≤ 1: ${renderMet ? "met" : "missed"}). Flat per-key cost: from ${SMALL} to ${LARGE.toLocaleString("en")} fields mizan's per-key cost grows ${flat.fresh.median.toFixed(2)}× untouched and ${flat.touched.median.toFixed(2)}× touched (target ≤ ${FLAT_TARGET}: ${flatMet ? "met" : "missed"}; touched, keys 2–20: ${flatLater.median.toFixed(2)}×); raw RHF's touched cost grows ${growth("rhf", "touched").median.toFixed(2)}× (keys 2–20: ${laterGrowth("rhf", "touched").median.toFixed(2)}×).`;

reporter.finish(markdown, verdict, [
  row(
    "Typing, untouched: mizan / raw RHF (ms per key)",
    "≤ 1.2",
    formatRatio(vsRhf.fresh),
    vsRhf.fresh.median <= 1.2,
  ),
  row(
    "Typing, touched: mizan / raw RHF (ms per key)",
    "≤ 1.2",
    formatRatio(vsRhf.touched),
    vsRhf.touched.median <= 1.2,
  ),
  row(
    "Typing, untouched: RJSF / mizan",
    "≥ 10",
    formatRatio(rjsfOver.fresh, 1),
    rjsfOver.fresh.median >= 10,
  ),
  row(
    "Typing, touched: RJSF / mizan",
    "≥ 10",
    formatRatio(rjsfOver.touched, 1),
    rjsfOver.touched.median >= 10,
  ),
  row("Typing: mizan form renders per keystroke (max)", "≤ 1", maxRenders.toFixed(2), renderMet),
  row(
    `Typing, untouched: mizan per-key cost, ${LARGE.toLocaleString("en")} ÷ ${SMALL} fields`,
    `≤ ${FLAT_TARGET}`,
    formatRatio(flat.fresh),
    flat.fresh.median <= FLAT_TARGET,
  ),
  row(
    `Typing, touched: mizan per-key cost, ${LARGE.toLocaleString("en")} ÷ ${SMALL} fields`,
    `≤ ${FLAT_TARGET}`,
    formatRatio(flat.touched),
    flat.touched.median <= FLAT_TARGET,
  ),
  row(
    `Typing, touched: mizan cost of keys 2–20, ${LARGE.toLocaleString("en")} ÷ ${SMALL} fields`,
    `≤ ${FLAT_TARGET}`,
    formatRatio(flatLater),
    flatLater.median <= FLAT_TARGET,
  ),
]);
