/**
 * Writes the generated client of the widget-gallery registry (→ stories/generated/widgets) with
 * `mizan generate`'s own `generate(manifest)`. The demo's forms use the demo's own generated
 * client (examples/demo/client/src/mizan). The files are committed;
 * test/stories/generated-fresh.test.ts fails when a form changed and they were not regenerated.
 *
 *   npm run generate:stories             # write
 *   npm run generate:stories -- --check  # exit 1 when out of date
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Registry } from "mizan";
import { type GeneratedFile, generate } from "mizan/codegen";
import { type SyncResult, syncFiles } from "../../src/codegen/write-files.js";

export interface StoryClient {
  /** Output directory, relative to the repository root. */
  out: string;
  files: GeneratedFile[];
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const SOURCES: Array<{ out: string; load: () => Promise<Registry> }> = [
  {
    out: "stories/generated/widgets",
    load: async () => (await import("../widgets/registry.js")).registry,
  },
];

/** What the generated directories must hold, from the registries as they are now. */
export async function storyClients(): Promise<StoryClient[]> {
  const clients: StoryClient[] = [];
  for (const source of SOURCES) {
    const registry = await source.load();
    // Every shipped language, as the toolbar offers: the browser's messages follow <html lang>.
    const languages = ["en", "fr", "de", "es", "ar"];
    clients.push({ out: source.out, files: generate(registry.manifest(), { languages }) });
  }
  return clients;
}

/** Writes (or, with `check`, compares) every story client; what differs per directory. */
export async function syncStoryClients(check: boolean): Promise<Array<SyncResult & StoryClient>> {
  const results: Array<SyncResult & StoryClient> = [];
  for (const client of await storyClients()) {
    results.push({ ...client, ...syncFiles(join(ROOT, client.out), client.files, check) });
  }
  return results;
}

async function main(check: boolean): Promise<number> {
  let stale = 0;
  for (const { out, files, written, removed } of await syncStoryClients(check)) {
    const changed = [...written, ...removed];
    stale += changed.length;
    const verb = check ? "out of date" : "written";
    const list = changed.length ? `: ${changed.join(", ")}` : "";
    console.log(`${out}: ${files.length} files, ${changed.length} ${verb}${list}`);
  }
  if (check && stale) {
    console.error("Regenerate with `npm run generate:stories`.");
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes("--check"));
}
