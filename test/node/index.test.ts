import { expect, expectTypeOf, test } from "vitest";
import type * as node from "../../src/node/index.js";

test("mizan/node's runtime exports are pinned", async () => {
  const exports = await import("../../src/node/index.js");
  expect(Object.keys(exports).sort()).toEqual([
    "NodeResponse",
    "attachChannels",
    "nodeResponse",
    "toNodeHandler",
  ]);
});

test("mizan/node's type exports exist", () => {
  expectTypeOf<node.NodeHandler>().toBeFunction();
  expectTypeOf<node.NodeHandlerOptions>().toHaveProperty("basePath");
  expectTypeOf<node.WebHandler>().toBeFunction();
  expectTypeOf<node.NodeRequest>().toHaveProperty("originalUrl");
  expectTypeOf<node.NodeResponseWriter>().toBeFunction();
  expectTypeOf<node.AttachChannelsOptions>().toHaveProperty("trustedOrigins");
  expectTypeOf<node.AttachedChannels>().toHaveProperty("close");
});
