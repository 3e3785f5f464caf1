import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { contentHash } from "../core/hash.js";
import { type FormattedStatements, seedFormatted, usedFormatted } from "./printer.js";

/**
 * Between runs, `mizan generate` keeps the statements Biome laid out for one output folder in
 * the project's node_modules/.cache/mizan (the folder Babel, ESLint and Prettier caches use),
 * so a run on an unchanged registry formats nothing. Without a node_modules folder in the
 * working directory there is no cache; a missing or unreadable one means formatting afresh.
 */
export function formatCachePath(out: string, cwd = process.cwd()): string | undefined {
  const modules = join(cwd, "node_modules");
  if (!existsSync(modules)) return undefined;
  return join(modules, ".cache", "mizan", `formatted-${contentHash(resolve(cwd, out))}.json`);
}

let loaded = 0;

/** Seed the printer with what the cache holds for this formatter (nothing when `path` is unset). */
export function loadFormatCache(path: string | undefined): void {
  let saved: FormattedStatements | undefined;
  if (path) {
    try {
      const value = JSON.parse(readFileSync(path, "utf8")) as Partial<FormattedStatements> | null;
      if (
        typeof value?.formatter === "string" &&
        value.entries &&
        typeof value.entries === "object"
      )
        saved = value as FormattedStatements;
    } catch {
      // No cache yet, or not one we wrote: format afresh.
    }
  }
  seedFormatted(saved);
  loaded = saved ? Object.keys(saved.entries).length : 0;
}

/** Keep what this run used (and only that), unless the cache already holds exactly it. */
export function saveFormatCache(path: string | undefined): void {
  if (!path) return;
  const { statements, added } = usedFormatted();
  if (!added && Object.keys(statements.entries).length === loaded) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(statements));
    renameSync(temporary, path);
  } catch {
    // A read-only node_modules: the next run formats again.
  }
}
