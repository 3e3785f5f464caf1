import { expect, test } from "vitest";
import { exceedsDepth } from "../../src/server/json-depth.js";

test.each([
  ["{}", 1, false],
  ["{}", 0, true],
  ['{"a":[1,{"b":2}]}', 3, false],
  ['{"a":[1,{"b":2}]}', 2, true],
  ['{"a":"[[[[[[[[[[["}', 1, false],
  ['{"a":"\\"[[[["}', 1, false],
  ['{"a":"\\\\"}', 1, false],
  ["[[],[],[]]", 2, false],
  ["[[[]]]", 2, true],
])("exceedsDepth(%j, %i) → %s", (text, max, expected) => {
  expect(exceedsDepth(text, max)).toBe(expected);
});

test("a 10,000-deep array is refused without recursion", () => {
  expect(exceedsDepth("[".repeat(10_000) + "]".repeat(10_000), 64)).toBe(true);
  expect(exceedsDepth("[".repeat(1_000_000), 64)).toBe(true);
});
