/**
 * 3b. Typing in a big form, in Chromium: the four contestants of the jsdom typing benchmark
 * (bench/typing.ts) bundled with esbuild (React's production build) and served from a
 * loopback HTTP server to Debian's Chromium (headless, launched and closed here). Playwright
 * types 20 characters with real key events into the first text field of a fresh page per
 * trial; the cost is the renderer main thread's CPU time over the typing and the work it
 * schedules (CDP `Performance.getMetrics` TaskDuration, in thread ticks).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import type { Browser, CDPSession, Page } from "playwright-core";
import { mizanAliases } from "../aliases.js";
import { formNames } from "../src/codegen/names.js";
import { CHROMIUM_ARGS, findChromium } from "../test/e2e/chromium.js";
import { bigForm, bigRegistry, FIELD_COUNT, FIELD_COUNTS, TYPED_FIELD } from "./lib/big-form.js";
import { writeGenerated } from "./lib/generated.js";
import { BENCH, productionLike, Reporter, ROOT, row, versions } from "./lib/report.js";
import { formatRatio, median, ratios, spread, table } from "./lib/stats.js";

productionLike();

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TEXT = "abcdefghijklmnopqrst";
/** Pause between keystrokes (ms), so each one gets its own frame as a typist's would. */
const KEY_GAP_MS = Number(process.env.BENCH_KEY_GAP_MS ?? 25);

const chromiumPath = findChromium();
if (!chromiumPath) {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  console.error(
    [
      `typing-chromium: no Chromium at ${path}${process.env.CHROMIUM_PATH ? " (from CHROMIUM_PATH)" : ""}.`,
      "This benchmark drives Debian's Chromium; install it with",
      "  sudo apt-get install -y chromium        # installs /usr/bin/chromium",
      "or set CHROMIUM_PATH to another Chromium binary (not `npx playwright install`).",
    ].join("\n"),
  );
  process.exit(1);
}

const reporter = new Reporter("typing-chromium", "3b. Typing in a big form (Chromium)");

// ---- the page: one bundle with the four contestants, React's production build ----

/**
 * Form sizes to run (BENCH_TYPING_SIZES=50,200,1000): 200 fields always (the targets are
 * judged there, with BENCH_ROUNDS rounds), the others with BENCH_EXTRA_ROUNDS rounds.
 */
const SIZES = [
  FIELD_COUNT,
  ...(process.env.BENCH_TYPING_SIZES?.split(",").map(Number) ?? [1000]).filter(
    (n) => n !== FIELD_COUNT && (FIELD_COUNTS as readonly number[]).includes(n),
  ),
];
const EXTRA_ROUNDS = Number(process.env.BENCH_EXTRA_ROUNDS ?? 3);
const roundsAt = (size: number) => (size === FIELD_COUNT ? ROUNDS : EXTRA_ROUNDS);

const clientDir = writeGenerated(bigRegistry(SIZES), "typing-chromium", { imports: {} });
/** The page's entry: the contestants, handed each size's generated hook. */
const entry = [
  `import { start } from "./typing-chromium/page.tsx";`,
  ...SIZES.map((size) => {
    const names = formNames(bigForm(size).name);
    return `import { ${names.hook} as hook${size} } from ${JSON.stringify(join(clientDir, names.file))};`;
  }),
  `start([${SIZES.map((size) => `[${size}, hook${size}]`).join(", ")}]);`,
].join("\n");

/** mizan's specifiers to its sources, as aliases.ts does for Vite. */
const sources: Plugin = {
  name: "mizan-sources",
  setup(b) {
    b.onResolve({ filter: /^mizan(\/.*)?$/ }, (args) => {
      const alias = mizanAliases.find((a) => a.find.test(args.path));
      return alias ? { path: alias.replacement } : undefined;
    });
  },
};

const bundled = await build({
  stdin: {
    contents: entry,
    resolveDir: BENCH,
    loader: "tsx",
    sourcefile: "typing-chromium-entry.tsx",
  },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  jsx: "automatic",
  write: false,
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [sources],
  logLevel: "silent",
  absWorkingDir: ROOT,
});
const bundle = bundled.outputFiles[0]?.contents;
if (!bundle) throw new Error("typing-chromium: esbuild wrote no bundle");
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>typing</title></head><body><script type="module" src="/page.js"></script></body></html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === "/page.js") {
    res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
    res.end(bundle);
  } else if (path === "/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---- the browser ----

const runAsRoot = process.getuid?.() === 0;
const { chromium } = await import("playwright-core");
const browser: Browser = await chromium
  .launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30_000,
    args: CHROMIUM_ARGS.filter((a) => runAsRoot || a !== "--no-sandbox"),
  })
  .catch((error: unknown) => {
    server.close(); // or the open server keeps the process alive after the failure
    throw error;
  });
const chromiumVersion = browser.version();
let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await browser.close().catch(() => {});
  await new Promise((resolve) => server.close(resolve));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void shutdown().then(() => process.exit(130));
  });
}

type Lib = "plain" | "mizan" | "rhf" | "rjsf";
type Scenario = "fresh" | "touched";

interface Trial {
  /** Renderer main-thread CPU ms per keystroke: all its tasks (TaskDuration). */
  msPerKey: number;
  /** Of which JavaScript (ScriptDuration). */
  scriptPerKey: number;
  rendersPerKey: number;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Until the page has rendered a frame and run what was queued behind it. */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 200 }), 0),
          ),
        ),
      ),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function trial(size: number, lib: Lib, scenario: Scenario): Promise<Trial> {
  const what = `${size} fields, ${lib}/${scenario}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/?lib=${lib}&size=${size}&live=${scenario === "touched" ? 1 : 0}`);
    await page.waitForSelector("body[data-ready]", { timeout: 120_000 });
    const id = lib === "rjsf" ? `root_${TYPED_FIELD}` : TYPED_FIELD;
    const field = page.locator(`#${id}`);
    await field.click();
    if (scenario === "touched") {
      await page.keyboard.press("Tab"); // blur: the field is touched, so every change validates
      await field.click();
      if (lib === "mizan" || lib === "rhf") {
        // The blurred field is empty and required: its error must be showing. (RJSF's
        // liveValidate validates on change, not on blur.)
        await page.waitForSelector('[role="alert"]', { timeout: 30_000 });
      }
    }
    await settle(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await cdp.send("HeapProfiler.collectGarbage"); // the mount's garbage is not the typing's
    await settle(page);
    const renders0 = await page.evaluate(
      () => (globalThis as { benchRenders?: () => number }).benchRenders?.() ?? 0,
    );
    const before = await metrics(cdp);
    for (const ch of TEXT) {
      await page.keyboard.press(ch);
      await sleep(KEY_GAP_MS);
    }
    await settle(page);
    const after = await metrics(cdp);
    const renders1 = await page.evaluate(
      () => (globalThis as { benchRenders?: () => number }).benchRenders?.() ?? 0,
    );
    const value = await field.inputValue();
    if (value !== TEXT) throw new Error(`${what}: typed "${value}"`);
    if (errors.length) throw new Error(`${what}: page error: ${errors.join("; ")}`);
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    if (process.env.BENCH_CHROMIUM_METRICS) {
      // Every metric's change over the typing (durations in ms), to see where the time goes.
      const moved = Object.keys(after).filter((k) => after[k] !== before[k]);
      console.log(what, moved.map((k) => `${k} ${delta(k).toFixed(1)}`).join(", "));
    }
    return {
      msPerKey: delta("TaskDuration") / TEXT.length,
      scriptPerKey: delta("ScriptDuration") / TEXT.length,
      rendersPerKey: (renders1 - renders0) / TEXT.length,
    };
  } finally {
    await context.close();
  }
}

const LIBS: Lib[] = ["plain", "mizan", "rhf", "rjsf"];
const SCENARIOS: Scenario[] = ["fresh", "touched"];
const plan = SCENARIOS.flatMap((s) => LIBS.map((l) => [l, s] as const));
const results = new Map<string, Trial[]>();
const key = (size: number, l: Lib, s: Scenario) => `${size}/${l}/${s}`;
try {
  for (const [lib, scenario] of plan) await trial(FIELD_COUNT, lib, scenario); // warm-up
  for (const size of SIZES) {
    for (let round = 0; round < roundsAt(size); round++) {
      for (let k = 0; k < plan.length; k++) {
        const [lib, scenario] = plan[(round + k) % plan.length] as readonly [Lib, Scenario];
        const list = results.get(key(size, lib, scenario)) ?? [];
        list.push(await trial(size, lib, scenario));
        results.set(key(size, lib, scenario), list);
      }
      console.log(`${size} fields: round ${round + 1}/${roundsAt(size)}`);
    }
  }
} finally {
  await shutdown();
}

const of = (size: number, l: Lib, s: Scenario, field: keyof Trial) =>
  (results.get(key(size, l, s)) ?? []).map((t) => t[field]);
const minus = (a: number[], b: number[]) => a.map((v, i) => v - (b[i] as number));
/** One measure (main thread or script) of one size: ms per key, and net of the same round's floor. */
function measure(size: number, field: "msPerKey" | "scriptPerKey") {
  const ms = (l: Lib, s: Scenario) => of(size, l, s, field);
  const net = (l: Lib, s: Scenario) => minus(ms(l, s), ms("plain", s));
  return { ms, net };
}
const NAMES: Record<Lib, string> = {
  plain: "floor: same markup, no form library",
  mizan: "mizan, generated hook",
  rhf: "react-hook-form + zodResolver (anchor)",
  rjsf: "@rjsf/core + validator-ajv8",
};
const rows: string[][] = [
  [
    "fields",
    "library",
    "field state",
    "main-thread ms / key",
    "× raw RHF",
    "RJSF ÷ this",
    "RJSF ÷ this, net of floor",
    "script ms / key",
    "script × raw RHF",
    "RJSF ÷ this, script net of floor",
    "renders / key",
  ],
];
for (const size of SIZES) {
  const main = measure(size, "msPerKey");
  const script = measure(size, "scriptPerKey");
  for (const scenario of SCENARIOS) {
    for (const lib of LIBS) {
      const r = spread(of(size, lib, scenario, "rendersPerKey"));
      const netOf = (m: typeof main) =>
        lib === "plain"
          ? "–"
          : formatRatio(ratios(m.net("rjsf", scenario), m.net(lib, scenario)), 1);
      rows.push([
        size.toLocaleString("en-US"),
        NAMES[lib],
        scenario === "fresh" ? "untouched" : "touched",
        median(main.ms(lib, scenario)).toFixed(2),
        formatRatio(ratios(main.ms(lib, scenario), main.ms("rhf", scenario))),
        formatRatio(ratios(main.ms("rjsf", scenario), main.ms(lib, scenario)), 1),
        netOf(main),
        median(script.ms(lib, scenario)).toFixed(2),
        formatRatio(ratios(script.ms(lib, scenario), script.ms("rhf", scenario))),
        netOf(script),
        r.min === r.max
          ? r.median.toFixed(2)
          : `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`,
      ]);
    }
  }
}

const main = measure(FIELD_COUNT, "msPerKey");
const script = measure(FIELD_COUNT, "scriptPerKey");
const vsRhf = (s: Scenario) => ratios(main.ms("mizan", s), main.ms("rhf", s));
const vsRhfScript = (s: Scenario) => ratios(script.ms("mizan", s), script.ms("rhf", s));
const rjsfOver = (s: Scenario) => ratios(main.ms("rjsf", s), main.ms("mizan", s));
const rjsfOverNet = (s: Scenario) => ratios(script.net("rjsf", s), script.net("mizan", s));

const markdown = [
  `The big form of the jsdom typing benchmark (text, email, integer, select, checkbox in turn; every field valid but the typed one, which starts empty) at ${SIZES.map((n) => n.toLocaleString("en-US")).join(" and ")} fields, with its four contestants, bundled once with esbuild (minified, NODE_ENV=production React ${versions(["react"]).split(" ")[1]}) and served from a loopback HTTP server to headless Chromium ${chromiumVersion} (Debian's, driven by playwright-core ${versions(["playwright-core"]).split(" ")[1]}). Each trial is a fresh browser context and page: mount, click the first text field (touched: Tab away and click back, so the field's error shows and every change validates; RJSF: \`liveValidate\`), force a GC, then type ${TEXT.length} characters with real key events (\`page.keyboard.press\`, ${KEY_GAP_MS} ms apart, so each keystroke gets its own frame) and wait for two frames and an idle callback. **Main thread**: the renderer main thread's CPU time over that span (CDP \`Performance.getMetrics\` TaskDuration with \`timeDomain: "threadTicks"\`: every task on the thread — input dispatch, Chromium's own autofill bookkeeping, React, validation, style, layout, paint, GC — as thread CPU time, so waiting for a core on this shared machine does not count), per keystroke. **Script**: ScriptDuration over the same span (JavaScript and the GC it triggers). ${ROUNDS} rounds at ${FIELD_COUNT} fields${SIZES.length > 1 ? `, ${EXTRA_ROUNDS} at the other sizes` : ""}, contestants alternating in rotating order on fresh pages; ratios per round, median (min–max). Versions: ${versions(["react-hook-form", "@hookform/resolvers", "zod", "@rjsf/core", "@rjsf/validator-ajv8", "esbuild"])}.`,
  "",
  table(rows, "rllrrrrrrrr"),
  "",
  "- \"Net of floor\" subtracts the floor's cost in the same round (what Chromium and React spend to deliver the same keystrokes to the same markup with no form library), leaving what each library adds. On the main thread the floor is most of the cost and jitters by more than mizan or raw RHF add, so that column's ratios swing through zero; the target is judged on script time net of the floor, which holds all of mizan's and raw RHF's work but leaves out the restyling and repainting RJSF's re-renders cause (so it understates RJSF).",
  "- The contestants lay the form out as the jsdom benchmark's do, each as its library's docs show: raw react-hook-form reads `formState.errors` in the form component (re-rendering every field when one error changes); mizan's rows show their errors with `<FieldError>`, which re-renders alone, laying the message out through its function child in the same `<span role=\"alert\">` (so both pages hold the same elements). Raw react-hook-form could subscribe per row with `useFormState({ name })` too; the rows measure each library's documented way.",
  '- "Renders / key" counts renders of the component that calls the hook (RJSF: its `Form`). The driver\'s own DevTools round trips (idle waits, metric reads) land on the thread for every contestant alike; the floor row includes them. Targets are judged at 200 fields.',
].join("\n");

const rhfMet = (s: Scenario) => vsRhf(s).median <= 1.2;
const netMet = (s: Scenario) => rjsfOverNet(s).median >= 10;
const verdict = `In Chromium, at ${FIELD_COUNT} fields, a keystroke costs the main thread ${vsRhf("fresh").median.toFixed(2)}× raw react-hook-form's with the generated hook on an untouched field and ${vsRhf("touched").median.toFixed(2)}× on a touched one (target ≤ 1.2: ${rhfMet("fresh") && rhfMet("touched") ? "met" : "missed"}; script alone ${vsRhfScript("fresh").median.toFixed(2)}× / ${vsRhfScript("touched").median.toFixed(2)}×); RJSF costs ${rjsfOver("fresh").median.toFixed(1)}× / ${rjsfOver("touched").median.toFixed(1)}× mizan in all, and ${rjsfOverNet("fresh").median.toFixed(1)}× / ${rjsfOverNet("touched").median.toFixed(1)}× in script net of the floor (target ≥ 10×: ${netMet("fresh") && netMet("touched") ? "met" : "missed"}).`;

reporter.finish(markdown, verdict, [
  row(
    "Typing (Chromium), untouched: mizan / raw RHF (main-thread ms per key)",
    "≤ 1.2",
    formatRatio(vsRhf("fresh")),
    rhfMet("fresh"),
  ),
  row(
    "Typing (Chromium), touched: mizan / raw RHF (main-thread ms per key)",
    "≤ 1.2",
    formatRatio(vsRhf("touched")),
    rhfMet("touched"),
  ),
  row(
    "Typing (Chromium), untouched: RJSF / mizan, script net of floor",
    "≥ 10",
    formatRatio(rjsfOverNet("fresh"), 1),
    netMet("fresh"),
  ),
  row(
    "Typing (Chromium), touched: RJSF / mizan, script net of floor",
    "≥ 10",
    formatRatio(rjsfOverNet("touched"), 1),
    netMet("touched"),
  ),
]);
