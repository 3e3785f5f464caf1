/**
 * How generated code is laid out: the emitters write each statement on one line and Biome's
 * formatter breaks it the way the repository's own code is formatted (2 spaces, 100 columns,
 * double quotes, trailing commas). It is Biome's WebAssembly build, whose API is synchronous,
 * pinned in package.json: 2.5.14, the newest published (the repository lints with the native
 * 2.6.8; test/codegen/generate.test.ts checks the output is clean under it). Same input and
 * Biome version, same output.
 *
 * Biome is loaded on the first statement it must lay out, through `process.getBuiltinModule`,
 * so importing `mizan/codegen` in a browser (for `formNames`, say) stays free of Node modules.
 * Each statement is laid out once per process (a memo), and `mizan generate` keeps the ones a
 * run used in node_modules/.cache/mizan, so an unchanged registry does not load Biome at all.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The formatter settings of the repository's biome.json that matter for generated code. */
const BIOME_CONFIGURATION = {
  formatter: { indentStyle: "space", indentWidth: 2, lineWidth: 100 },
  javascript: { formatter: { quoteStyle: "double" } },
} as const;

/** The two calls of `@biomejs/js-api` used here (its types name three wasm builds we do not install). */
interface BiomeWorkspace {
  openProject(path?: string): { projectKey: number };
  applyConfiguration(projectKey: number, configuration: typeof BIOME_CONFIGURATION): void;
  formatContent(
    projectKey: number,
    content: string,
    options: { filePath: string },
  ): { content: string; diagnostics: Array<{ severity: string; description?: string }> };
}

type Format = (source: string) => string;

let biome: Format | undefined;

/** Biome's formatter for a TypeScript module, created once per process. */
function biomeFormat(): Format {
  if (biome) return biome;
  const { createRequire } = process.getBuiltinModule("node:module");
  const require = createRequire(import.meta.url);
  const { Biome } = require("@biomejs/js-api/nodejs") as { Biome: new () => BiomeWorkspace };
  const workspace = new Biome();
  const { projectKey } = workspace.openProject("/");
  workspace.applyConfiguration(projectKey, BIOME_CONFIGURATION);
  biome = (source) => {
    const result = workspace.formatContent(projectKey, source, { filePath: "generated.ts" });
    const errors = result.diagnostics.filter(
      (d) => d.severity === "error" || d.severity === "fatal",
    );
    if (errors.length) {
      const reasons = errors.map((d) => d.description ?? "syntax error").join("; ");
      throw new Error(`mizan generated code Biome cannot parse (${reasons}):\n${source}`);
    }
    return result.content;
  };
  return biome;
}

/** Set inside `withoutLayout`: statements come back as written, and Biome is not loaded. */
let unformatted = false;

/**
 * Run `fn` (a `generate()` call) with every statement left as the emitters wrote it. The
 * result differs from the real output only in layout, which `sameCodeIgnoringLayout` sees
 * through: `mizan generate --check` compares that way first, and formats only when it must.
 *
 * @example
 * const draft = withoutLayout(() => generate(manifest));
 */
export function withoutLayout<T>(fn: () => T): T {
  const previous = unformatted;
  unformatted = true;
  try {
    return fn();
  } finally {
    unformatted = previous;
  }
}

/**
 * The code's tokens with layout taken out: whitespace outside string literals, trailing commas,
 * and the quotes of object keys that need none (`{ "a": 1 }` is `{ a: 1 }`), the three things
 * Biome changes in what the emitters write. Two texts with equal tokens differ in layout only.
 */
function withoutLayoutTokens(code: string): string {
  let out = "";
  let lastSignificant = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === "\\" ? 2 : 1;
      const literal = code.slice(i, j + 1);
      let k = j + 1;
      while (k < code.length && /\s/.test(code[k] as string)) k++;
      const inner = literal.slice(1, -1);
      const isKey = (lastSignificant === "{" || lastSignificant === ",") && code[k] === ":";
      out += isKey && IDENTIFIER.test(inner) ? inner : literal;
      lastSignificant = c;
      i = j;
    } else if (/\s/.test(c)) {
    } else if ((c === ")" || c === "]" || c === "}") && out.endsWith(",")) {
      out = out.slice(0, -1) + c;
      lastSignificant = c;
    } else {
      out += c;
      lastSignificant = c;
    }
  }
  return out;
}

/**
 * Whether two pieces of generated code differ at most in layout (see `withoutLayout`).
 *
 * @example
 * sameCodeIgnoringLayout('f({ "a": 1, })', "f({\n  a: 1\n})"); // true
 */
export function sameCodeIgnoringLayout(a: string, b: string): boolean {
  return withoutLayoutTokens(a) === withoutLayoutTokens(b);
}

/** Statements laid out in this process, by indent depth and source: Biome runs once for each. */
const memo = new Map<string, string>();
/** Keys looked up since `seedFormatted()`; `added`: how many of them Biome had to lay out. */
let used = new Set<string>();
let added = 0;

/**
 * Lay out one statement (`export const x = <expression>;`) as it reads at the given indent
 * (whole levels of two spaces: `"  "` is the body of a function). `types` is accepted for
 * older callers; Biome separates type-literal members with semicolons on its own.
 *
 * @example
 * formatStatement('export const s = z.object({ "a": z.string() });');
 * // 'export const s = z.object({ a: z.string() });'
 */
export function formatStatement(
  source: string,
  indent = "",
  _options: { types?: boolean } = {},
): string {
  if (unformatted) return `${indent}${source}`;
  const depth = Math.ceil(indent.length / 2);
  const key = `${depth}:${source}`;
  used.add(key);
  const known = memo.get(key);
  if (known !== undefined) return known;
  // A statement below the top level (`return ...`) is formatted inside as many functions.
  const open = "function f() {\n".repeat(depth);
  const close = "}\n".repeat(depth);
  const lines = biomeFormat()(`${open}${source}\n${close}`).replace(/\n$/, "").split("\n");
  const out = lines.slice(depth, lines.length - depth).join("\n");
  memo.set(key, out);
  added++;
  return out;
}

/** Statements laid out by one formatter, as `mizan generate` keeps them between runs. */
export interface FormattedStatements {
  /** The formatter and its settings; entries from another one are not used. */
  formatter: string;
  entries: Record<string, string>;
}

/** Names Biome's version and the settings, without loading Biome. */
export function formatterId(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  const require = createRequire(import.meta.url);
  const { version } = require("@biomejs/wasm-nodejs/package.json") as { version: string };
  return `@biomejs/wasm-nodejs@${version} ${JSON.stringify(BIOME_CONFIGURATION)}`;
}

/**
 * Start a run: take statements an earlier run laid out with the same formatter (so Biome need
 * not load when nothing changed), and start counting what this run uses.
 */
export function seedFormatted(saved: FormattedStatements | undefined): void {
  if (saved && saved.formatter === formatterId()) {
    for (const [key, value] of Object.entries(saved.entries)) {
      if (typeof value === "string") memo.set(key, value);
    }
  }
  used = new Set();
  added = 0;
}

/** What this run used since `seedFormatted()`, and how many of those Biome laid out anew. */
export function usedFormatted(): { statements: FormattedStatements; added: number } {
  const entries: Record<string, string> = {};
  for (const key of [...used].sort()) {
    const value = memo.get(key);
    if (value !== undefined) entries[key] = value;
  }
  return { statements: { formatter: formatterId(), entries }, added };
}

/**
 * Biome's order for names in an import/export list: letter by letter ignoring case, and
 * where two letters differ only in case, the uppercase one first. `type` is ignored.
 */
export function compareNames(a: string, b: string): number {
  const x = a.replace(/^type /, "");
  const y = b.replace(/^type /, "");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const lp = p.toLowerCase();
    const lq = q.toLowerCase();
    if (lp !== lq) return lp < lq ? -1 : 1;
    return p === p.toUpperCase() ? -1 : 1;
  }
  return x.length - y.length;
}

/** Biome's order for import sources: packages (alphabetically), then relative paths, farthest first. */
export function compareSources(a: string, b: string): number {
  const rank = (s: string) => (s.startsWith(".") ? 1 + 100 - (s.match(/\.\.\//g)?.length ?? 0) : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A JSON-compatible value as a TS literal: identifier keys unquoted, stable key order kept as
 * given (callers sort when order is not meaningful).
 */
export function literal(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (!entries.length) return "{}";
  const body = entries
    .map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`)
    .join(", ");
  return `{ ${body} }`;
}
