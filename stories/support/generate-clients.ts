/**
 * Writes the generated clients the stories import: `mizan generate`'s own `generate(manifest)`
 * over the demo registry (→ stories/generated/demo) and the widget-gallery registry
 * (→ stories/generated/widgets). The files are committed; test/stories/generated-fresh.test.ts
 * fails when a form changed and they were not regenerated.
 *
 *   npx tsx stories/support/generate-clients.ts           # write
 *   npx tsx stories/support/generate-clients.ts --check   # exit 1 when out of date
 */
import { fileURLToPath } from "node:url";
import type { Registry } from "mizan";
import { type GeneratedFile, generate } from "mizan/codegen";

export interface StoryClient {
  /** Output directory, relative to the repository root. */
  out: string;
  files: GeneratedFile[];
}

const SOURCES: Array<{ out: string; load: () => Promise<Registry> }> = [
  {
    out: "stories/generated/demo",
    load: async () => (await import("../../examples/demo/server/registry.js")).registry,
  },
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
    clients.push({ out: source.out, files: generate(registry.manifest()) });
  }
  return clients;
}

async function main(check: boolean): Promise<number> {
  const { syncFiles } = await import("../../src/codegen/write-files.js");
  const root = fileURLToPath(new URL("../../", import.meta.url));
  let stale = 0;
  for (const { out, files } of await storyClients()) {
    const result = syncFiles(`${root}${out}`, files, check);
    const changed = [...result.written, ...result.removed];
    stale += changed.length;
    const verb = check ? "out of date" : "written";
    console.log(
      `${out}: ${files.length} files, ${changed.length} ${verb}${changed.length ? `: ${changed.join(", ")}` : ""}`,
    );
  }
  if (check && stale) {
    console.error("Regenerate with `npx tsx stories/support/generate-clients.ts`.");
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes("--check"));
}
