import { expect, test } from "vitest";
import { extractFiles } from "../../src/client/files.js";

test("finds files at any depth and leaves JSON without them", () => {
  const a = new File(["a"], "a.txt");
  const b = new Blob(["b"]);
  const c = new File(["c"], "c.txt");
  const { data, files } = extractFiles({
    a,
    nested: { list: [1, b, { c }] },
    when: new Date(0),
  });
  expect(data).toEqual({ nested: { list: [1, null, {}] }, when: new Date(0) });
  expect(files).toEqual([
    { path: "a", file: a },
    { path: "nested.list.1", file: b },
    { path: "nested.list.2.c", file: c },
  ]);
});

test("no files: the data is an equal copy", () => {
  const args = { a: [1, { b: "x" }] };
  const { data, files } = extractFiles(args);
  expect(files).toEqual([]);
  expect(data).toEqual(args);
});

test("a key with a dot on the way to a file is refused", () => {
  expect(() => extractFiles({ "a.b": { f: new Blob(["x"]) } })).toThrow(TypeError);
});

test("circular arguments are refused", () => {
  const args: Record<string, unknown> = {};
  args.self = args;
  expect(() => extractFiles(args)).toThrow("circular");
});

test("a __proto__ key stays data", () => {
  const { data } = extractFiles(JSON.parse('{"__proto__": {"x": 1}}'));
  expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  expect(JSON.stringify(data)).toBe('{"__proto__":{"x":1}}');
});
