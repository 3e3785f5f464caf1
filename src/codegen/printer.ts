/**
 * A small, stable code printer: it re-lays a one-line JS/TS expression (what
 * json-schema-to-zod and our emitters produce) the way Prettier/Biome would for the subset we
 * emit: a bracket group stays on one line when it fits, otherwise each comma-separated item
 * goes on its own line with a trailing comma. Same input, same output; no dependency on a
 * formatter whose version could change the generated files.
 */

const WIDTH = 100;
/** Set while printing a type: `{ a: A; b: B }` members are separated by semicolons. */
let typeLiterals = false;
const INDENT = "  ";
const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface Group {
  open: string;
  close: string;
  items: Node[][];
}
type Node = string | Group;

/** Splits into string literals, brackets, commas and the text between (whitespace collapsed). */
function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let text = "";
  const flush = () => {
    const t = text.replace(/\s+/g, " ");
    if (t.trim()) tokens.push(t);
    else if (t) tokens.push(" ");
    text = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      flush();
      tokens.push(source.slice(i, j + 1));
      i = j;
    } else if (c === "<" && /[\w$]/.test(source[i - 1] ?? "")) {
      // Type arguments (`field<string, number | null>`) are one piece of text: their commas
      // do not separate items.
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === "<") depth++;
        else if (source[j] === ">" && source[j - 1] !== "=" && --depth === 0) break;
      }
      text += source.slice(i, j + 1);
      i = j;
    } else if (c in OPEN || c === ")" || c === "]" || c === "}" || c === ",") {
      flush();
      tokens.push(c);
    } else {
      text += c;
    }
  }
  flush();
  return tokens;
}

function parse(tokens: string[], start: number, close: string | null): [Node[][], number] {
  const items: Node[][] = [[]];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i] as string;
    if (t === close) return [items, i];
    if (t === ",") {
      items.push([]);
      i++;
      continue;
    }
    const current = items[items.length - 1] as Node[];
    const closing = OPEN[t];
    if (closing) {
      const [inner, end] = parse(tokens, i + 1, closing);
      if (inner.length > 1 && (inner[inner.length - 1] as Node[]).every(isBlank)) inner.pop();
      current.push({ open: t, close: closing, items: inner });
      i = end + 1;
      continue;
    }
    current.push(t);
    i++;
  }
  return [items, i];
}

function isBlank(node: Node): boolean {
  return typeof node === "string" && node.trim() === "";
}

/** Trim the item's edges; `"key": v` in an object becomes `key: v` when `key` is an identifier. */
function clean(item: Node[], inObject: boolean): Node[] {
  const out = [...item];
  while (out.length && isBlank(out[0] as Node)) out.shift();
  while (out.length && isBlank(out[out.length - 1] as Node)) out.pop();
  const first = out[0];
  if (typeof first === "string") out[0] = first.trimStart();
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (typeof last === "string") out[lastIndex] = last.trimEnd();
  const key = out[0];
  const next = out[1];
  if (inObject && typeof key === "string" && key.startsWith('"') && typeof next === "string") {
    const name = JSON.parse(key) as string;
    if (IDENTIFIER.test(name) && next.trimStart().startsWith(":")) {
      out[0] = name;
      out[1] = next.trimStart();
    }
  }
  return out.filter((n) => n !== "");
}

function flat(nodes: Node[]): string {
  return nodes.map((n) => (typeof n === "string" ? n : flatGroup(n))).join("");
}

function flatGroup(group: Group): string {
  const inObject = group.open === "{";
  const items = group.items.map((item) => flat(clean(item, inObject))).filter((s) => s !== "");
  if (!items.length) return group.open + group.close;
  const body = items.join(inObject && typeLiterals ? "; " : ", ");
  return inObject ? `{ ${body} }` : `${group.open}${body}${group.close}`;
}

/** `tail`: width of what follows `nodes` on the same line (the `,` after an item). */
function print(nodes: Node[], indent: string, column: number, tail = 0): string {
  let out = "";
  let col = column;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as Node;
    if (typeof node === "string") {
      out += node;
      col += node.length;
      continue;
    }
    const text = flatGroup(node);
    // What must share the line with the group: the text up to the next group (` from "x";`).
    let restWidth = tail;
    for (const next of nodes.slice(k + 1)) {
      if (typeof next !== "string") {
        restWidth -= tail;
        break;
      }
      restWidth += next.length;
    }
    const fits = col + text.length + restWidth <= WIDTH && !isMatrix(node);
    if (fits || node.items.every((i) => i.every(isBlank))) {
      out += text;
      col += text.length;
      continue;
    }
    const inObject = node.open === "{";
    const items = node.items.map((item) => clean(item, inObject)).filter((i) => i.length);
    // A call with one argument that is itself a group, `z.object({...})`, hugs it like Prettier.
    const only = items[0];
    if (
      node.open === "(" &&
      items.length === 1 &&
      only?.length === 1 &&
      typeof only[0] !== "string"
    ) {
      const inner = print(only, indent, col + 1, restWidth + 1);
      out += node.open + inner + node.close;
      col = lastLineLength(out);
      continue;
    }
    const deeper = indent + INDENT;
    const separator = inObject && typeLiterals ? ";" : ",";
    out += node.open;
    for (const item of items)
      out += `\n${deeper}${print(item, deeper, deeper.length, 1)}${separator}`;
    out += `\n${indent}${node.close}`;
    col = indent.length + 1;
  }
  return out;
}

/** Prettier's rule: an array of several arrays/objects, each of several items, is a matrix and breaks. */
function isMatrix(group: Group): boolean {
  if (group.open !== "[" || group.items.length < 2) return false;
  return group.items.every((item) => {
    const nodes = clean(item, false);
    const only = nodes[0];
    return (
      nodes.length === 1 &&
      typeof only !== "string" &&
      only !== undefined &&
      (only.open === "[" || only.open === "{") &&
      only.items.length > 1
    );
  });
}

function lastLineLength(text: string): number {
  const nl = text.lastIndexOf("\n");
  return nl === -1 ? text.length : text.length - nl - 1;
}

/**
 * Lay out one statement (`export const x = <expression>;`) at the given indent. Source with
 * line breaks outside strings (statements, comments) is returned unchanged.
 *
 * @example
 * formatStatement('export const s = z.object({ "a": z.string() });');
 * // 'export const s = z.object({ a: z.string() });'
 */
export function formatStatement(
  source: string,
  indent = "",
  options: { types?: boolean } = {},
): string {
  const withoutStrings = source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  if (withoutStrings.includes("\n") || withoutStrings.includes("//")) return source;
  const [items] = parse(tokenize(source), 0, null);
  const line = clean(items[0] ?? [], false);
  typeLiterals = options.types === true;
  try {
    return indent + print(line, indent, indent.length);
  } finally {
    typeLiterals = false;
  }
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
