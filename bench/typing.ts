/**
 * 3. Typing in a big form: 20 characters typed with user-event into one field of a
 * 200-field form (jsdom), for the generated `useBigForm()`, raw react-hook-form + zodResolver,
 * and @rjsf/core + validator-ajv8. CPU ms per keystroke and form renders per keystroke.
 */

import { installDom } from "./lib/dom.js";
import { cpuNow } from "./lib/measure.js";
import { Reporter, row, versions } from "./lib/report.js";
import { formatRatio, median, ratios, spread, table } from "./lib/stats.js";

process.setSourceMapsEnabled(false);
// React's production build, as shipped (user-event needs no act()).
process.env.NODE_ENV = process.env.BENCH_REACT_ENV ?? "production";
installDom();

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TEXT = "abcdefghijklmnopqrst";
const reporter = new Reporter("typing", "3. Typing in a 200-field form (jsdom)");

const { createElement } = await import("react");
const { createRoot } = await import("react-dom/client");
const { flushSync } = await import("react-dom");
const { userEvent } = await import("@testing-library/user-event");
const { bigRegistry, TYPED_FIELD } = await import("./lib/big-form.js");
const { SOURCE_IMPORTS, writeGenerated } = await import("./lib/generated.js");
const components = await import("./typing/components.js");
const { MizanProvider } = (await import(
  SOURCE_IMPORTS.react as string
)) as typeof import("mizan/react");

const dir = writeGenerated(bigRegistry(), "typing");
const generated = (await import(`${dir}/forms/big.ts`)) as { useBigForm: () => unknown };
components.setGeneratedHook(generated.useBigForm);
const noServer = { call: async () => ({ valid: true, errors: { fields: {}, non_field: [] } }) };

type Lib = "plain" | "mizan" | "rhf" | "rjsf";
type Scenario = "fresh" | "touched";

function element(lib: Lib, scenario: Scenario) {
  if (lib === "mizan")
    return createElement(MizanProvider, { client: noServer }, createElement(components.MizanBig));
  if (lib === "rhf") return createElement(components.RhfBig);
  if (lib === "plain") return createElement(components.PlainBig);
  return createElement(components.RjsfBig, { live: scenario === "touched" });
}

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

interface Trial {
  msPerKey: number;
  rendersPerKey: number;
}

async function trial(lib: Lib, scenario: Scenario): Promise<Trial> {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(element(lib, scenario)));
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
  await user.type(field, TEXT, { skipClick: true });
  await settle();
  const cpu = cpuNow() - start;
  const count = components.renders[lib] - before;
  if (field.value !== TEXT) throw new Error(`${lib}: typed "${field.value}"`);
  root.unmount();
  container.remove();
  return { msPerKey: cpu / TEXT.length / 1e6, rendersPerKey: count / TEXT.length };
}

const LIBS: Lib[] = ["plain", "mizan", "rhf", "rjsf"];
const SCENARIOS: Scenario[] = ["fresh", "touched"];
// BENCH_TYPING_ONLY=mizan/touched runs one contestant alone (to profile it with --cpu-prof).
const only = process.env.BENCH_TYPING_ONLY;
const plan = SCENARIOS.flatMap((s) => LIBS.map((l) => [l, s] as const)).filter(
  ([l, s]) => !only || only === `${l}/${s}`,
);
if (only) {
  for (let i = 0; i < ROUNDS; i++) for (const [l, s] of plan) await trial(l, s);
  process.exit(0);
}
for (const [lib, scenario] of plan) await trial(lib, scenario); // warm-up
const results = new Map<string, Trial[]>(plan.map(([l, s]) => [`${l}/${s}`, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < plan.length; k++) {
    const [lib, scenario] = plan[(round + k) % plan.length] as readonly [Lib, Scenario];
    results.get(`${lib}/${scenario}`)?.push(await trial(lib, scenario));
  }
}

const ms = (l: Lib, s: Scenario) => (results.get(`${l}/${s}`) ?? []).map((t) => t.msPerKey);
/** Per round: what the library adds to the floor's cost (same round). */
const net = (l: Lib, s: Scenario) => ms(l, s).map((v, i) => v - (ms("plain", s)[i] as number));
const rendersOf = (l: Lib, s: Scenario) =>
  (results.get(`${l}/${s}`) ?? []).map((t) => t.rendersPerKey);
const NAMES: Record<Lib, string> = {
  plain: "floor: same markup, no form library",
  mizan: "mizan, generated `useBigForm()`",
  rhf: "react-hook-form + zodResolver (anchor)",
  rjsf: "@rjsf/core + validator-ajv8",
};
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
    const r = spread(rendersOf(lib, scenario));
    rows.push([
      NAMES[lib],
      scenario === "fresh" ? "untouched (no validation yet)" : "touched (validates each change)",
      median(ms(lib, scenario)).toFixed(3),
      formatRatio(ratios(ms(lib, scenario), ms("rhf", scenario))),
      lib === "plain" || scenario === "fresh"
        ? "–"
        : formatRatio(ratios(net(lib, scenario), net("rhf", scenario))),
      r.min === r.max
        ? r.median.toFixed(2)
        : `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`,
      formatRatio(ratios(ms("rjsf", scenario), ms(lib, scenario)), 1),
      lib === "plain" || scenario === "fresh"
        ? "–"
        : formatRatio(ratios(net("rjsf", scenario), net(lib, scenario)), 1),
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
const maxRenders = Math.max(...SCENARIOS.map((s) => spread(rendersOf("mizan", s)).max));

const markdown = [
  `A 200-field form (40 each of text, email, integer, select, checkbox; every field valid but the typed one, which starts empty), React ${versions(["react"]).split(" ")[1]} production build in jsdom; user-event types 20 characters into the first text field. CPU time of the whole typing (events, validation, renders, GC), per keystroke: median of ${ROUNDS} alternating rounds, each on a fresh mount; ratios per round, median (min–max). "Untouched": the field was focused but never blurred, so \`mode: "onTouched"\` does not validate yet; "touched": blurred once first, so every keystroke validates the whole form (RJSF: \`liveValidate\`). Versions: ${versions(["react-hook-form", "@hookform/resolvers", "zod", "@rjsf/core", "@rjsf/validator-ajv8", "@testing-library/user-event", "jsdom"])}.`,
  "",
  table(rows, "llrrrrrr"),
  "",
  "- Both react-hook-form contestants render the same hand-laid markup (label, input, error) through `register`; RJSF renders its default theme. Renders are counted in the component that calls the hook (RJSF: its `Form`'s `render`).",
  "- user-event's and jsdom's own work is in every number (the floor row measures it), so the plain ratios understate the differences between the libraries' own costs; the \"net of floor\" columns subtract the floor of the same round (touched only: on an untouched field the libraries add less than the noise). Targets are judged on the plain ratios. Each trial starts after a forced GC.",
].join("\n");

const rhfMet = vsRhf.fresh.median <= 1.2 && vsRhf.touched.median <= 1.2;
const rjsfMet = rjsfOver.fresh.median >= 10 && rjsfOver.touched.median >= 10;
const renderMet = maxRenders <= 1;
const verdict = `Per keystroke, the generated hook costs ${vsRhf.fresh.median.toFixed(2)}× raw react-hook-form on an untouched field and ${vsRhf.touched.median.toFixed(2)}× on a touched one (target ≤ 1.2: ${rhfMet ? "met" : "missed"}); RJSF costs ${rjsfOver.fresh.median.toFixed(1)}× / ${rjsfOver.touched.median.toFixed(1)}× mizan (target ≥ 10×: ${rjsfMet ? "met" : "missed"}); at most ${maxRenders.toFixed(2)} form renders per keystroke (target ≤ 1: ${renderMet ? "met" : "missed"}).`;

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
]);
