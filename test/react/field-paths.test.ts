import { expect, test } from "vitest";
import {
  byFieldOrder,
  errorTarget,
  getPath,
  isSameValue,
  toWireValues,
} from "../../react/field-paths.js";

const values = { name: "a", address: { city: "x" }, items: [{ qty: "1" }] };

test.each([
  ["name", "name"],
  ["address.city", "address.city"],
  ["items.0.qty", "items.0.qty"],
  ["address", "address.root"],
  ["items", "items.root"],
  ["items.0", "items.0.root"],
])("an error at %s goes to %s", (path, target) => {
  expect(errorTarget(values, path)).toBe(target);
});

test("getPath walks objects and arrays", () => {
  expect(getPath(values, "items.0.qty")).toBe("1");
  expect(getPath(values, "items.3.qty")).toBeUndefined();
});

test("isSameValue compares structure, and files by identity", () => {
  const file = new File(["a"], "a.txt");
  expect(isSameValue({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
  expect(isSameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
  expect(isSameValue(file, file)).toBe(true);
  expect(isSameValue(file, new File(["a"], "a.txt"))).toBe(false);
});

test("byFieldOrder sorts error paths by the form's field order", () => {
  expect(
    byFieldOrder(["items.0.qty", "name", "other", "address.city"], ["name", "address", "items"]),
  ).toEqual(["name", "address.city", "items.0.qty", "other"]);
});

test("toWireValues keeps files and plain values", () => {
  const file = new File(["a"], "a.txt");
  expect(toWireValues({ avatar: file, tags: ["a"], n: null })).toEqual({
    avatar: file,
    tags: ["a"],
    n: null,
  });
});
