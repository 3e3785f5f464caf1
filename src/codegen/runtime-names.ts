import { COERCERS, RULES } from "../forms/rules/index.js";
import { compareNames, formatStatement } from "./printer.js";
import * as runtime from "./runtime/index.js";

/** Thrown for a manifest the generator cannot turn into code; the message says what to fix. */
export class GenerateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GenerateError";
  }
}

const exportName = new Map<unknown, string>();
for (const [name, value] of Object.entries(runtime).sort(([a], [b]) =>
  a < b ? -1 : a > b ? 1 : 0,
)) {
  if (typeof value === "function" && !exportName.has(value)) exportName.set(value, name);
}

/**
 * Collects what one generated file imports from `mizan/runtime`. A shared coercer or rule is
 * imported by its own name (so bundlers drop the others); one the runtime does not re-export by
 * name falls back to its entry in `COERCERS` / `RULES`.
 */
export class RuntimeImports {
  readonly values = new Set<string>();
  readonly types = new Set<string>();

  take(name: string): string {
    this.values.add(name);
    return name;
  }

  takeType(name: string): string {
    this.types.add(name);
    return name;
  }

  coercer(kind: string, where: string): string {
    const fn = Object.hasOwn(COERCERS, kind) ? COERCERS[kind] : undefined;
    if (!fn)
      throw new GenerateError(
        `${where}: unknown x-mizan-coerce kind "${kind}" (this mizan knows ${Object.keys(COERCERS).sort().join(", ")}). Is the generator older than the server?`,
      );
    const name = exportName.get(fn);
    if (name) return this.take(name);
    this.takeType("CoerceFn");
    return `(${this.take("COERCERS")}[${JSON.stringify(kind)}] as CoerceFn)`;
  }

  rule(rule: string, where: string): string {
    const fn = Object.hasOwn(RULES, rule) ? RULES[rule] : undefined;
    if (!fn)
      throw new GenerateError(
        `${where}: unknown rule "${rule}" (this mizan knows ${Object.keys(RULES).sort().join(", ")}). Is the generator older than the server?`,
      );
    const name = exportName.get(fn);
    if (name) return this.take(name);
    this.takeType("RuleFn");
    return `(${this.take("RULES")}[${JSON.stringify(rule)}] as RuleFn)`;
  }

  /** `import { a, type B } from "<specifier>";` with names sorted, or "" when nothing is used. */
  statement(specifier: string): string {
    const names = [
      ...[...this.values].map((n) => [n, n] as const),
      ...[...this.types].filter((n) => !this.values.has(n)).map((n) => [n, `type ${n}`] as const),
    ].sort(([a], [b]) => compareNames(a, b));
    if (!names.length) return "";
    const onlyTypes = this.values.size === 0;
    const list = names.map(([n, text]) => (onlyTypes ? n : text)).join(", ");
    return formatStatement(
      `import ${onlyTypes ? "type " : ""}{ ${list} } from ${JSON.stringify(specifier)};`,
    );
  }
}

/** Coercers and rules that generated code reaches only through the maps (should be none). */
export function unnamedRuntimeFunctions(): string[] {
  const missing: string[] = [];
  for (const [kind, fn] of Object.entries(COERCERS))
    if (!exportName.has(fn)) missing.push(`coerce:${kind}`);
  for (const [rule, fn] of Object.entries(RULES))
    if (!exportName.has(fn)) missing.push(`rule:${rule}`);
  return missing.sort();
}
