/**
 * 4. What the browser downloads: the contact page bundled (esbuild, minified, gzipped; react
 * and react-dom external) with mizan's generated hook (a `zod/mini` client, the generator's
 * default), with raw react-hook-form + Zod and with Conform + Zod, each peer once with classic
 * `zod` and once with `zod/mini`; and mizan's own share of the first.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";
import { mizanAliases } from "../aliases.js";
import { contactRegistry } from "./lib/contact.js";
import { writeGenerated } from "./lib/generated.js";
import { BENCH, productionLike, Reporter, ROOT, row, versions } from "./lib/report.js";
import { formatBytes, table } from "./lib/stats.js";

productionLike();
const reporter = new Reporter("download", "4. What the browser downloads (contact page)");

const clientDir = writeGenerated(contactRegistry(), "download/contact-client", { imports: {} });
const CLIENT_SPECIFIER = "mizan-bench-contact-client";
const REACT = ["react", "react-dom", "react/jsx-runtime", "react-dom/client"];
const THIRD_PARTY = ["zod", "react-hook-form", "@hookform/resolvers", "@hookform/resolvers/zod"];

/**
 * mizan's specifiers resolved to its sources, as aliases.ts does for Vite. With
 * `sideEffects: false`, modules no export is used from are dropped, as package.json's
 * `"sideEffects"` declaration allows a bundler to (a plugin-resolved path does not read it, so
 * the flag is set here from what package.json declares).
 */
function mizanSources(sideEffectsFree: boolean, external: readonly string[]): Plugin {
  const own = (path: string) =>
    path.startsWith(join(ROOT, "src")) || path.startsWith(join(ROOT, "react"));
  const flag = (path: string) => (sideEffectsFree && own(path) ? { sideEffects: false } : {});
  return {
    name: "mizan-sources",
    setup(b) {
      b.onResolve({ filter: /^mizan(\/.*)?$|^mizan-bench-contact-client$/ }, (args) => {
        if (external.includes(args.path)) return { path: args.path, external: true };
        if (args.path === CLIENT_SPECIFIER) return { path: join(clientDir, "index.ts") };
        const alias = mizanAliases.find((a) => a.find.test(args.path));
        return alias ? { path: alias.replacement, ...flag(alias.replacement) } : undefined;
      });
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const base = join(args.resolveDir, args.path);
        if (!own(base)) return undefined;
        const ts = base.replace(/\.js$/, ".ts");
        const tsx = base.replace(/\.js$/, ".tsx");
        const path = existsSync(ts) ? ts : existsSync(tsx) ? tsx : base;
        return { path, ...flag(path) };
      });
    },
  };
}

interface Bundle {
  bytes: number;
  gzip: number;
  metafile: Metafile;
}

async function bundle(
  entry: { file?: string; contents?: string },
  options: { external?: string[]; sideEffectsFree?: boolean } = {},
): Promise<Bundle> {
  const result = await build({
    ...(entry.file
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents ?? "", resolveDir: BENCH, loader: "tsx" } }),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    write: false,
    metafile: true,
    external: [...REACT, ...(options.external ?? [])],
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [mizanSources(options.sideEffectsFree ?? false, options.external ?? [])],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

/** Minified bytes in the output by origin: mizan, the generated client, each package, the page. */
function origins(metafile: Metafile): Map<string, number> {
  const out = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const path = relative(ROOT, join(process.cwd(), input));
      let group: string;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      if (pkg) group = pkg[1] as string;
      else if (path.startsWith("bench/.generated/")) group = "generated client";
      else if (path.startsWith("src/") || path.startsWith("react/")) group = "mizan";
      else group = "page";
      out.set(group, (out.get(group) ?? 0) + bytesInOutput);
    }
  }
  return out;
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  sideEffects?: unknown;
};
/** Whether package.json lets bundlers drop unused modules of mizan's code (not its CSS). */
const SHIPPED_SIDE_EFFECT_FREE =
  pkg.sideEffects === false ||
  (Array.isArray(pkg.sideEffects) &&
    pkg.sideEffects.every((glob) => typeof glob === "string" && !/\.(ts|tsx|js)$/.test(glob)));

const page = (name: string) => ({ file: join(BENCH, "download", `${name}-page.tsx`) });
const pages = {
  mizan: await bundle(page("mizan"), { sideEffectsFree: SHIPPED_SIDE_EFFECT_FREE }),
  mizanUndeclared: await bundle(page("mizan")),
  rhf: await bundle(page("rhf")),
  rhfMini: await bundle(page("rhf-mini")),
  conform: await bundle(page("conform")),
  conformMini: await bundle(page("conform-mini")),
};
const PEERS = ["rhf", "rhfMini", "conform", "conformMini"] as const;

/** Whether a bundle holds classic Zod's modules (`zod/v4/classic`), not only mini and core. */
function hasClassicZod(metafile: Metafile): boolean {
  return Object.keys(metafile.inputs).some((path) => path.includes("node_modules/zod/v4/classic/"));
}

// mizan's own share: what the page and its generated client import from mizan, with every
// third-party package external.
const contactSource = (await import("node:fs")).readFileSync(
  join(clientDir, "forms", "contact.ts"),
  "utf8",
);
// The form hook the generated client calls (`useMizanFormBase` for a form without server rules).
const formHook = /\b(useMizanForm\w*)\(/.exec(contactSource)?.[1] ?? "useMizanForm";
/** The values (not types) the generated client imports from one of mizan's entry points. */
const valueImports = (specifier: string) =>
  [...contactSource.matchAll(new RegExp(`import \\{([^}]*)\\} from "${specifier}"`, "g"))]
    .flatMap((m) => (m[1] as string).split(","))
    .map((n) => n.trim())
    .filter((n) => n && !n.startsWith("type "));
const runtimeNames = valueImports("mizan/runtime");
// Whatever else the client takes from mizan/react (the hook, a catalog loader) counts too.
const reactNames = [...new Set(["MizanProvider", formHook, ...valueImports("mizan/react")])];
const shareEntry = `export { ${reactNames.join(", ")} } from "mizan/react";\nexport { ${runtimeNames.join(", ")} } from "mizan/runtime";`;
if (/from "mizan\/(?!react"|runtime")/.test(contactSource)) {
  throw new Error("download: the generated client imports a mizan entry the share leaves out");
}
const share = {
  asShipped: await bundle(
    { contents: shareEntry },
    { external: THIRD_PARTY, sideEffectsFree: SHIPPED_SIDE_EFFECT_FREE },
  ),
  undeclared: await bundle({ contents: shareEntry }, { external: THIRD_PARTY }),
  generated: await bundle(
    { contents: `export * from "${CLIENT_SPECIFIER}";` },
    { external: [...THIRD_PARTY, "mizan/react", "mizan/runtime", "mizan/client"] },
  ),
};

// Where the share's bytes go: its parts bundled alone, each adding one to the last (gzip does
// not split by origin, so each part is what it adds to the parts before it).
const shipped = { external: THIRD_PARTY, sideEffectsFree: SHIPPED_SIDE_EFFECT_FREE };
const shareParts: Array<[string, Bundle]> = [
  [
    `the ${runtimeNames.length} mizan/runtime functions the form uses (its rules and \`field()\`)`,
    await bundle(
      { contents: `export { ${runtimeNames.join(", ")} } from "mizan/runtime";` },
      shipped,
    ),
  ],
  [
    "+ `MizanProvider` (with its protocol client: the POST, CSRF, errors, context envelopes)",
    await bundle(
      {
        contents: `export { MizanProvider } from "mizan/react";\nexport { ${runtimeNames.join(", ")} } from "mizan/runtime";`,
      },
      shipped,
    ),
  ],
  [`+ \`${formHook}\` (the whole share)`, share.asShipped],
];

const groups = new Set<string>();
for (const b of Object.values(pages)) for (const g of origins(b.metafile).keys()) groups.add(g);
const ORDER = [
  "mizan",
  "generated client",
  "page",
  "zod",
  "react-hook-form",
  "@hookform/resolvers",
];
const groupList = [...groups].sort(
  (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
);
const rows: string[][] = [
  [
    "page",
    "min + gzip",
    "× raw RHF + Zod",
    "minified",
    "classic zod inside",
    ...groupList.map((g) => `${g} (min)`),
  ],
];
const NAMES = {
  mizan: "mizan: generated `useContactForm()` (package as shipped)",
  mizanUndeclared: 'mizan, were package.json not to declare `"sideEffects"`',
  rhf: "raw react-hook-form + Zod (anchor)",
  rhfMini: "raw react-hook-form + `zodResolver` + `zod/mini`",
  conform: "@conform-to/react + @conform-to/zod",
  conformMini: "@conform-to/react + @conform-to/zod/v4 + `zod/mini` (schema)",
};
for (const [key, b] of Object.entries(pages) as Array<[keyof typeof pages, Bundle]>) {
  const o = origins(b.metafile);
  rows.push([
    NAMES[key],
    formatBytes(b.gzip),
    (b.gzip / pages.rhf.gzip).toFixed(2),
    formatBytes(b.bytes),
    hasClassicZod(b.metafile) ? "yes" : "no",
    ...groupList.map((g) => (o.get(g) ? formatBytes(o.get(g) as number) : "–")),
  ]);
}

const shareMet = share.asShipped.gzip <= 5 * 1024;
const PAGE_TARGET = 30 * 1024;
const pageMet = pages.mizan.gzip <= PAGE_TARGET;
const lightest = PEERS.reduce((a, b) => (pages[b].gzip < pages[a].gzip ? b : a));
const lighterMet = PEERS.every((peer) => pages.mizan.gzip < pages[peer].gzip);
const markdown = [
  `esbuild ${versions(["esbuild"]).split(" ")[1]}, \`--bundle --minify --format=esm --target=es2022\`, NODE_ENV=production, react/react-dom external, gzip -9. Sizes are deterministic: one build each. The page is the same hand-laid contact form (name, email, topic, message, submit, server errors) in each; the mizan one uses the demo's \`ContactForm\` through \`mizan generate\` and \`<MizanProvider baseUrl csrf>\`. Versions: ${versions(["zod", "react-hook-form", "@hookform/resolvers", "@conform-to/react", "@conform-to/zod"])}.`,
  "",
  table(rows, `lrrrl${"r".repeat(groupList.length)}`),
  "",
  table(
    [
      ["mizan's own share", "min + gzip", "minified"],
      [
        `mizan/react (${reactNames.map((n) => `\`${n}\``).join(", ")}) + mizan/client + the ${runtimeNames.length} mizan/runtime functions the form uses, as shipped`,
        formatBytes(share.asShipped.gzip),
        formatBytes(share.asShipped.bytes),
      ],
      [
        'the same, were package.json not to declare `"sideEffects"`',
        formatBytes(share.undeclared.gzip),
        formatBytes(share.undeclared.bytes),
      ],
      [
        "the generated client (schema, metadata, hook)",
        formatBytes(share.generated.gzip),
        formatBytes(share.generated.bytes),
      ],
    ],
    "lrr",
  ),
  "",
  table(
    [
      ["the share, part by part", "min + gzip", "added (gzip)", "minified"],
      ...shareParts.map(([label, b], i) => [
        label,
        formatBytes(b.gzip),
        formatBytes(b.gzip - (i === 0 ? 0 : (shareParts[i - 1] as [string, Bundle])[1].gzip)),
        formatBytes(b.bytes),
      ]),
    ],
    "lrrr",
  ),
  "",
  `- Targets for the whole mizan page: ≤ ${formatBytes(PAGE_TARGET)} (it is ${formatBytes(pages.mizan.gzip)}: ${pageMet ? "met" : "missed"}), and lighter than every peer page, the \`zod/mini\` ones included (the lightest peer is ${NAMES[lightest]}, ${formatBytes(pages[lightest].gzip)}: ${lighterMet ? "met" : "missed"}).`,
  "- The mizan page uses the client `mizan generate` writes by default (`zod/mini`); `mizan generate --zod classic` writes one on classic `zod`, which costs what the classic peers carry.",
  '- Conform with `zod/mini`: `parseWithZod` from `@conform-to/zod/v4` takes the mini schema and reports its messages (checked by hand in node: the same errors and coerced values as the classic schema), but `@conform-to/zod/v4` itself imports `lazy`, `optional`, `pipe` and `transform` from classic `zod/v4` for its form-data coercion, so that page still carries classic Zod (the "classic zod inside" column).',
  "- The per-origin columns are minified bytes before gzip (esbuild's metafile); gzip does not split by origin.",
].join("\n");

const verdict = `mizan's own share is ${formatBytes(share.asShipped.gzip)} gzipped (target ≤ 5 KB: ${shareMet ? "met" : "missed"}); the whole page is ${formatBytes(pages.mizan.gzip)} (target ≤ ${formatBytes(PAGE_TARGET)}: ${pageMet ? "met" : "missed"}), ${(pages.mizan.gzip / pages.rhf.gzip).toFixed(2)}× the raw react-hook-form + Zod page (${formatBytes(pages.rhf.gzip)}) and ${(pages.mizan.gzip / pages[lightest].gzip).toFixed(2)}× the lightest peer page (${NAMES[lightest]}, ${formatBytes(pages[lightest].gzip)}): lighter than every peer ${lighterMet ? "met" : "missed"}.`;

if (process.env.BENCH_DOWNLOAD_FILES) {
  for (const [name, b] of Object.entries({ ...pages, ...share })) {
    const inputs = Object.values(b.metafile.outputs).flatMap((o) => Object.entries(o.inputs));
    const own = inputs.filter(([path]) => !path.includes("node_modules"));
    own.sort((x, y) => y[1].bytesInOutput - x[1].bytesInOutput);
    console.log(`\n${name}:`);
    for (const [path, { bytesInOutput }] of own.slice(0, 40))
      console.log(`  ${bytesInOutput}\t${path}`);
  }
}

reporter.finish(markdown, verdict, [
  row("Download: mizan's own share (gzip)", "≤ 5 KB", formatBytes(share.asShipped.gzip), shareMet),
  row(
    "Download: whole mizan contact page (gzip)",
    `≤ ${formatBytes(PAGE_TARGET)}`,
    `${formatBytes(pages.mizan.gzip)} (${(pages.mizan.gzip / pages.rhf.gzip).toFixed(2)}× raw RHF + Zod)`,
    pageMet,
  ),
  row(
    "Download: whole mizan page vs every peer page (classic and zod/mini)",
    "lighter than every peer page",
    `${formatBytes(pages.mizan.gzip)} vs lightest peer ${formatBytes(pages[lightest].gzip)} (${NAMES[lightest]})`,
    lighterMet,
  ),
]);
void dirname;
