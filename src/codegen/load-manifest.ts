import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import type { Manifest } from "../core/registry.js";
import { GenerateError } from "./runtime-names.js";

interface HasManifest {
  manifest(): Manifest;
}

function hasManifest(value: unknown): value is HasManifest {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<HasManifest>).manifest === "function"
  );
}

function isEmptyManifest(manifest: Manifest): boolean {
  return !Object.keys(manifest.functions ?? {}).length && !Object.keys(manifest.forms ?? {}).length;
}

export interface LoadedEntry {
  manifest: Manifest;
  /** Local files the entry imported (what `--watch` watches). */
  files: string[];
}

/**
 * Import a server module (`.ts` works as is, through tsx) and read its registry's manifest:
 * the export named `exportName` (default `registry`), else a default export that is a
 * registry, else the default registry the entry's `register()` calls filled.
 */
export async function loadEntryManifest(entry: string, exportName?: string): Promise<LoadedEntry> {
  const path = resolve(entry);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new GenerateError(`--entry ${entry}: no such file (${path}).`);
  }
  const files = new Set<string>();
  const bridgeUrl = new URL(
    `./entry-bridge${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
    import.meta.url,
  );
  let loaded: { entry: Record<string, unknown>; defaultRegistry: unknown };
  try {
    const bridge = (await tsImport(bridgeUrl.href, {
      parentURL: import.meta.url,
      onImport: (url: string) => {
        if (url.startsWith("file:") && !url.includes("/node_modules/")) {
          files.add(fileURLToPath(url.replace(/\?.*$/, "")));
        }
      },
    })) as { loadEntry(url: string): Promise<typeof loaded> };
    loaded = await bridge.loadEntry(pathToFileURL(path).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GenerateError(`--entry ${entry}: loading it failed: ${reason}`);
  }
  files.add(path);
  const { entry: mod, defaultRegistry } = loaded;
  let registry: HasManifest;
  if (exportName !== undefined) {
    const value = mod[exportName];
    if (value === undefined) {
      const names = Object.keys(mod).sort();
      throw new GenerateError(
        `--entry ${entry}: no export named "${exportName}" (it exports ${names.length ? names.join(", ") : "nothing"}).`,
      );
    }
    if (!hasManifest(value))
      throw new GenerateError(`--entry ${entry}: the export "${exportName}" is not a Registry.`);
    registry = value;
  } else if (mod.registry !== undefined) {
    if (!hasManifest(mod.registry))
      throw new GenerateError(`--entry ${entry}: the export "registry" is not a Registry.`);
    registry = mod.registry;
  } else if (hasManifest(mod.default)) {
    registry = mod.default;
  } else if (hasManifest(defaultRegistry) && !isEmptyManifest(defaultRegistry.manifest())) {
    registry = defaultRegistry;
  } else {
    throw new GenerateError(
      `--entry ${entry}: found no forms or functions. Export the registry (\`export const registry = new Registry()\`) or register() on the default registry in that module.`,
    );
  }
  return { manifest: registry.manifest(), files: [...files].sort() };
}

/** `GET {base}/manifest/` from a running server. */
export async function fetchManifest(
  base: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Manifest> {
  let url: string;
  try {
    url = new URL(`${base.replace(/\/+$/, "")}/manifest/`).href;
  } catch {
    throw new GenerateError(
      `--url ${base}: not a URL (expected e.g. http://localhost:3000/api/mizan).`,
    );
  }
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: "application/json" } });
  } catch (error) {
    const cause =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw new GenerateError(
      `--url ${base}: cannot reach ${url} (${cause}). Is the server running?`,
    );
  }
  if (!response.ok) {
    throw new GenerateError(
      `--url ${base}: ${url} answered ${response.status} ${response.statusText}. Is --url the API base path (e.g. /api/mizan)?`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new GenerateError(`--url ${base}: ${url} did not answer JSON.`);
  }
  const manifest = (
    body && typeof body === "object" && "result" in body && !("functions" in body)
      ? (body as { result: unknown }).result
      : body
  ) as Manifest;
  if (!manifest || typeof manifest !== "object" || typeof manifest.functions !== "object") {
    throw new GenerateError(`--url ${base}: ${url} did not answer a mizan manifest.`);
  }
  return manifest;
}
