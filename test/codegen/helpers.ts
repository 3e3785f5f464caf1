import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { type GeneratedFile, type GenerateOptions, generate } from "../../src/codegen/index.js";
import type { Manifest } from "../../src/core/registry.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Scratch output, one folder per test (`.generated` is ignored by git, Biome and tsc). */
export const TMP = join(ROOT, "test/codegen/.generated");

/** Import specifiers that resolve to this repository's sources from `dir`. */
export function repoImports(dir: string): NonNullable<GenerateOptions["imports"]> {
  const up = relative(dir, ROOT).split("\\").join("/") || ".";
  return {
    runtime: `${up}/src/codegen/runtime/index.js`,
    react: `${up}/react/index.js`,
    client: `${up}/src/client/index.js`,
  };
}

/** Generate into `dir` (emptied first) with imports into this repository; returns the files. */
export function emit(
  manifest: Manifest,
  dir: string,
  options: GenerateOptions = {},
): GeneratedFile[] {
  rmSync(dir, { recursive: true, force: true });
  const files = generate(manifest, {
    ...options,
    imports: { ...repoImports(dir), ...options.imports },
  });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return files;
}

/** The strict flags the issue names, on top of the project's module settings. */
export const STRICT: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  jsx: ts.JsxEmit.ReactJSX,
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

/** Type-check files with the TypeScript API; the diagnostics in `within` as text ("" when clean). */
export function typecheck(files: string[], within: string): string {
  const program = ts.createProgram(files, STRICT);
  // Only what lies in `within`: errors in the repository's own sources are not the generator's.
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName.startsWith(within));
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  });
}
