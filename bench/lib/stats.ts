/** Median, min and max of a sample (rounds of one comparison). */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Per-round ratios a/b: each round's numbers come from the same moment of the machine. */
export function ratios(a: readonly number[], b: readonly number[]): Spread {
  return spread(a.map((value, i) => value / (b[i] as number)));
}

/** `1.23 (1.10–1.40)`: a ratio's median with its min/max over the rounds. */
export function formatRatio(s: Spread, digits = 2): string {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** A duration in the unit that keeps 3 significant digits readable. */
export function formatNs(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(ns < 10_000_000 ? 2 : 1)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}

export function formatMs(ms: number): string {
  return formatNs(ms * 1_000_000);
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(2)} KB`;
}

/** A markdown table; the first row is the header. */
export function table(rows: ReadonlyArray<ReadonlyArray<string | number>>, align?: string): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const sep = head.map((_, i) => (align?.[i] === "r" ? "---:" : "---"));
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.join(" | ")} |`;
  return [line(head), line(sep), ...body.map(line)].join("\n");
}
