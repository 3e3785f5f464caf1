import { expect, expectTypeOf, test } from "vitest";
import type * as redis from "../../src/redis/index.js";

test("mizan/redis's runtime exports are pinned", async () => {
  const exports = await import("../../src/redis/index.js");
  expect(Object.keys(exports).sort()).toEqual(["redisLayer"]);
});

test("mizan/redis's type exports exist", () => {
  expectTypeOf<redis.RedisLayerOptions>().toHaveProperty("historySize");
  expectTypeOf<redis.RedisLayerOptions>().toHaveProperty("keyPrefix");
});
