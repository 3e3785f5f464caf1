import { expect, test } from "vitest";
import { MizanError } from "../../src/core/index.js";
import { setAtPath } from "../../src/server/set-path.js";

test("puts a value at a dotted path, creating objects and arrays", () => {
  const args: Record<string, unknown> = { data: { name: "Ada" }, photos: [null, "keep"] };
  setAtPath(args, "data.avatar", "A");
  setAtPath(args, "photos.0", "P0");
  setAtPath(args, "new.list.1", "L1");
  setAtPath(args, "top", "T");
  expect(args).toEqual({
    data: { name: "Ada", avatar: "A" },
    photos: ["P0", "keep"],
    new: { list: [undefined, "L1"] },
    top: "T",
  });
});

test.each([
  "__proto__.polluted",
  "data.__proto__.polluted",
  "constructor.prototype.polluted",
  "data.constructor",
  "prototype",
  "",
  "a..b",
  "name.inner",
  "photos.x",
  "photos.99999",
])("refuses %j with a 400 and pollutes nothing", (path) => {
  const args: Record<string, unknown> = { name: "Ada", photos: [] };
  const attempt = () => setAtPath(args, path, "bad");
  expect(attempt).toThrow(MizanError);
  try {
    attempt();
  } catch (error) {
    expect((error as MizanError).status).toBe(400);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
});

test("reads existing values through own properties only", () => {
  const args: Record<string, unknown> = {};
  setAtPath(args, "toString.x", "v");
  expect(args).toEqual({ toString: { x: "v" } });
  expect(Object.prototype.toString).toBeTypeOf("function");
});
