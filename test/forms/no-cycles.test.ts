import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot, specifiers } from "../helpers/imports.js";

// Structure checks over the sources themselves: the forms layer has no import cycles (type-only
// imports count: a cycle through `import type` still ties the modules together for anyone
// reading or moving them, and is one edit away from a runtime cycle), and no source file grows
// past 400 lines.

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The file a relative `./x.js` specifier names (`.js` written, `.ts`/`.tsx` on disk). */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.js$/, "");
  const candidates = [`${stem}.ts`, `${stem}.tsx`, join(base, "index.ts"), base];
  return candidates.find((file) => existsSync(file) && file.endsWith(".ts"));
}

/** Relative imports and re-exports (`import type` included) between files of `dir`. */
function importGraph(dir: string): Map<string, string[]> {
  const root = join(repoRoot, dir);
  const files = sourcesUnder(dir);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiers(readFileSync(file, "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => resolveRelative(file, spec))
      .filter((target): target is string => target?.startsWith(`${root}/`) === true);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle a depth-first search meets, each as `a.ts → b.ts → a.ts` (paths from repo root). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "active");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === "active") {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        cycles.push(loop.map((file) => relative(repoRoot, file)).join(" → "));
      } else if (seen === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("source structure", () => {
  test("the cycle finder reports a cycle, with its path", () => {
    const graph = new Map([
      ["/r/a.ts", ["/r/b.ts"]],
      ["/r/b.ts", ["/r/c.ts"]],
      ["/r/c.ts", ["/r/a.ts"]],
      ["/r/d.ts", ["/r/a.ts"]],
    ]);
    expect(findCycles(graph)).toHaveLength(1);
    expect(findCycles(graph)[0]).toMatch(/a\.ts → .*b\.ts → .*c\.ts → .*a\.ts$/);
    expect(findCycles(new Map([["/r/a.ts", ["/r/b.ts"]]]))).toEqual([]);
  });

  test("the forms layer's import graph is read (type-only imports included)", () => {
    const graph = importGraph("src/forms");
    const edges = (file: string) =>
      graph.get(join(repoRoot, file))?.map((target) => relative(repoRoot, target));
    expect(graph.size).toBeGreaterThan(50);
    // a value import, a type-only import and a re-export
    expect(edges("src/forms/form.ts")).toContain("src/forms/form-registration.ts");
    expect(edges("src/forms/locales/en.ts")).toContain("src/forms/message-types.ts");
    expect(edges("src/forms/messages.ts")).toContain("src/forms/message-types.ts");
  });

  test("src/forms has no import cycles", () => {
    expect(findCycles(importGraph("src/forms"))).toEqual([]);
  });

  test("no file in src/ or react/ is over 400 lines", () => {
    const long = [...sourcesUnder("src"), ...sourcesUnder("react")]
      .map((file) => ({
        file: relative(repoRoot, file),
        lines: readFileSync(file, "utf8").split("\n").length,
      }))
      .filter(({ lines }) => lines > 400)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
