import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type GenerateImports, generate } from "../../src/codegen/index.js";
import type { Registry } from "../../src/core/registry.js";
import { ROOT, SCRATCH } from "./report.js";

/** Imports that resolve to the sources from any folder (no bundler aliases needed). */
export const SOURCE_IMPORTS: GenerateImports = {
  react: join(ROOT, "react", "index.ts"),
  runtime: join(ROOT, "src", "codegen", "runtime", "index.ts"),
  client: join(ROOT, "src", "client", "index.ts"),
};

/** Run the real generator on a registry into `bench/.generated/<folder>`; returns the folder. */
export function writeGenerated(
  registry: Registry,
  folder: string,
  options: { imports?: GenerateImports; hooks?: boolean } = {},
): string {
  const dir = join(SCRATCH, folder);
  rmSync(dir, { recursive: true, force: true });
  const files = generate(registry.manifest(), {
    imports: options.imports ?? SOURCE_IMPORTS,
    hooks: options.hooks ?? true,
  });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return dir;
}
