import { describe, expect, test } from "vitest";
import { syncStoryClients } from "../../stories/support/generate-clients.js";

describe("stories/generated", () => {
  test("matches what `mizan generate` makes of the widget registry", async () => {
    const results = await syncStoryClients(true);
    expect(results.map((r) => r.out)).toEqual(["stories/generated/widgets"]);
    for (const { out, written, removed } of results) {
      expect(
        { out, stale: [...written, ...removed] },
        "out of date: run `npm run generate:stories`",
      ).toEqual({ out, stale: [] });
    }
  }, 30_000);
});
