import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

interface LoadedEntry {
  manifest: Manifest;
  /** Local files the entry imported (what `--watch` watches); only the entry unless `fresh`. */
  files: string[];
}

/** The part of `tsx/esm/api` used here (tsx is an optional peer: only .ts entries need it). */
interface TsxApi {
  register(): unknown;
  tsImport(
    specifier: string,
    options: { parentURL: string; onImport?: (url: string) => void },
  ): Promise<unknown>;
}

interface LoadOptions {
  /** The export holding the Registry (default `registry`, then the default export). */
  exportName?: string;
  /**
   * Load the entry and its local modules afresh (for `--watch`), in their own module graph,
   * through tsx. Otherwise the entry is imported once into this process.
   */
  fresh?: boolean;
  /** How TypeScript gets loaded; tests take tsx away. */
  tsx?: TsxLoading;
}

export interface TsxLoading {
  /**
   * This process imports `.ts` by itself (it runs under tsx or Vitest), so a one-off load
   * needs no tsx. Default: whether mizan's own modules are `.ts` here.
   */
  native?: boolean;
  /** Default `import("tsx/esm/api")`; tests pass one that fails the way a missing package does. */
  importApi?: () => Promise<unknown>;
}

const TS_EXTENSION = /\.[cm]?tsx?$/;
/** True when this module itself runs as TypeScript (`tsx src/codegen/cli.ts`, Vitest). */
const RUNNING_TS = import.meta.url.endsWith(".ts");

let tsxRegistered = false;

async function tsxApi(
  entry: string,
  why: string,
  importTsx: () => Promise<unknown>,
): Promise<TsxApi> {
  try {
    const api = (await importTsx()) as Partial<TsxApi>;
    if (typeof api.register === "function" && typeof api.tsImport === "function") {
      return api as TsxApi;
    }
    throw new Error("it does not export register and tsImport");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new GenerateError(
      `--entry ${entry}: ${why} needs tsx, which could not be loaded (${reason}). Install it (npm install --save-dev tsx) or point --entry at the server's built JavaScript (e.g. --entry dist/server.js).`,
    );
  }
}

type Loaded = { entry: Record<string, unknown>; defaultRegistry: unknown };

/**
 * Import a server module and read its registry's manifest: the export named `exportName`
 * (default `registry`), else a default export that is a registry, else the default registry
 * the entry's `register()` calls filled. A `.ts` entry is loaded through tsx (an optional
 * peer); built JavaScript needs nothing more than Node.
 */
export async function loadEntryManifest(
  entry: string,
  options: LoadOptions = {},
): Promise<LoadedEntry> {
  const { exportName, fresh = false } = options;
  const importTsx = options.tsx?.importApi ?? (() => import("tsx/esm/api"));
  const native = options.tsx?.native ?? RUNNING_TS;
  const path = resolve(entry);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new GenerateError(`--entry ${entry}: no such file (${path}).`);
  }
  const files = new Set<string>();
  const entryUrl = pathToFileURL(path).href;
  let loaded: Loaded;
  if (fresh) {
    // Its own tsx namespace per run: the entry's modules are read again, and the bridge
    // imports the default registry from the same graph as the entry.
    const tsx = await tsxApi(entry, "--watch (reloading the entry on every change)", importTsx);
    const bridgeUrl = new URL(`./entry-bridge${RUNNING_TS ? ".ts" : ".js"}`, import.meta.url);
    try {
      const bridge = (await tsx.tsImport(bridgeUrl.href, {
        parentURL: import.meta.url,
        onImport: (url: string) => {
          if (url.startsWith("file:") && !url.includes("/node_modules/")) {
            files.add(fileURLToPath(url.replace(/\?.*$/, "")));
          }
        },
      })) as { loadEntry(url: string): Promise<Loaded> };
      loaded = await bridge.loadEntry(entryUrl);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GenerateError(`--entry ${entry}: loading it failed: ${reason}`);
    }
  } else {
    if (TS_EXTENSION.test(path) && !native && !tsxRegistered) {
      (await tsxApi(entry, "a TypeScript entry", importTsx)).register();
      tsxRegistered = true;
    }
    try {
      const { loadEntry } = await import("./entry-bridge.js");
      loaded = await loadEntry(entryUrl);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GenerateError(`--entry ${entry}: loading it failed: ${reason}`);
    }
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
