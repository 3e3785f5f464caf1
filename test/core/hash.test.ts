import { describe, expect, test } from "vitest";
import { contentHash, stableStringify } from "../../src/core/index.js";

describe("stableStringify / contentHash", () => {
  test("key order does not matter, at any depth", () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } };
    const b = { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(stableStringify(a)).toBe(stableStringify(b));
    expect(stableStringify(a)).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(contentHash(a)).toBe(contentHash(b));
  });

  test("different content, different hash", () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash("abc")).toMatch(/^[0-9a-f]{16}$/);
  });

  test("a __proto__ key is kept as data", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    expect(stableStringify(value)).toBe('{"__proto__":{"x":1},"a":1}');
    expect(contentHash(value)).not.toBe(contentHash({ a: 1 }));
  });
});
