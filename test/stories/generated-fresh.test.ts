import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { syncFiles } from "../../src/codegen/write-files.js";
import { storyClients } from "../../stories/support/generate-clients.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("stories/generated", () => {
  test("matches what `mizan generate` makes of the demo and widget registries", async () => {
    const clients = await storyClients();
    expect(clients.map((c) => c.out)).toEqual([
      "stories/generated/demo",
      "stories/generated/widgets",
    ]);
    for (const { out, files } of clients) {
      const { written, removed } = syncFiles(`${root}${out}`, files, true);
      expect(
        { out, stale: [...written, ...removed] },
        "out of date: run `npm run generate:stories`",
      ).toEqual({ out, stale: [] });
    }
  });
});
