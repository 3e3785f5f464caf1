import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { GENERATED_MARK, type GeneratedFile } from "./generate.js";
import { sameCodeIgnoringLayout } from "./printer.js";

export interface SyncResult {
  written: string[];
  unchanged: string[];
  /** Generated files from an earlier run that this run no longer produces. */
  removed: string[];
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Files under `dir` (relative, `/`-separated) that carry the generated header. */
function generatedFilesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && readOrNull(path)?.startsWith(GENERATED_MARK)) {
        out.push(relative(dir, path).split(sep).join("/"));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Make `dir` hold exactly `files` (of the generated ones): write what differs, leave equal
 * files untouched (their mtime too), remove generated files no longer produced. With
 * `check`, write nothing and report what would change.
 */
export function syncFiles(dir: string, files: GeneratedFile[], check = false): SyncResult {
  const result: SyncResult = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const path = join(dir, file.path);
    if (readOrNull(path) === file.contents) {
      result.unchanged.push(file.path);
      continue;
    }
    result.written.push(file.path);
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
  }
  for (const path of generatedFilesIn(dir)) {
    if (wanted.has(path)) continue;
    result.removed.push(path);
    if (!check) rmSync(join(dir, path));
  }
  return result;
}

/**
 * Whether `dir` holds exactly `files` (of the generated ones) up to layout: each file's code
 * equals what is on disk but for whitespace, trailing commas and needless key quotes, and no
 * other generated file is there. `files` may come from `withoutLayout(() => generate(…))`.
 */
export function upToDateIgnoringLayout(dir: string, files: GeneratedFile[]): boolean {
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const disk = readOrNull(join(dir, file.path));
    if (disk === null || !sameCodeIgnoringLayout(disk, file.contents)) return false;
  }
  return generatedFilesIn(dir).every((path) => wanted.has(path));
}
