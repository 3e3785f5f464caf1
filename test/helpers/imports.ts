import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const builtins = new Set(builtinModules);

/** Module specifiers a source imports or re-exports, static or dynamic. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^"';]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(match[1] as string);
  }
  return found;
}

/** `file: specifier` for every Node built-in imported under a source directory. */
export function nodeImportsUnder(dir: string): { files: number; offending: string[] } {
  const files = readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const offending = files.flatMap((file) =>
    specifiers(readFileSync(file, "utf8"))
      .filter((spec) => spec.startsWith("node:") || builtins.has(spec))
      .map((spec) => `${file.slice(repoRoot.length + 1)}: ${spec}`),
  );
  return { files: files.length, offending };
}
