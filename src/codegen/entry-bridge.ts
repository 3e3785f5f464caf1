/**
 * Loaded by the CLI through `tsImport`, so that the entry and the default registry come from
 * one module graph: the registry the entry's `register()` calls filled is the one read here.
 */
export async function loadEntry(entryUrl: string): Promise<{
  entry: Record<string, unknown>;
  defaultRegistry: unknown;
}> {
  const entry = (await import(entryUrl)) as Record<string, unknown>;
  const { defaultRegistry } = await import("../core/registry.js");
  return { entry, defaultRegistry };
}
