import { expect, test } from "vitest";
import { isPlainObject, isRecord, isSubformData } from "../../src/core/is-plain-object.js";

class Point {
  x = 1;
}

const cases: Array<[string, unknown, boolean, boolean, boolean]> = [
  // name, value, isRecord, isPlainObject, isSubformData
  ["object literal", { a: 1 }, true, true, true],
  ["JSON object", JSON.parse('{"__proto__": 1}'), true, true, true],
  ["null prototype", Object.create(null), true, true, true],
  ["class instance", new Point(), true, false, true],
  ["Date", new Date(0), true, false, true],
  ["Map", new Map(), true, false, true],
  ["Blob", new Blob(["x"]), true, false, false],
  ["File", new File(["x"], "x.txt"), true, false, false],
  ["array", [1], false, false, false],
  ["null", null, false, false, false],
  ["undefined", undefined, false, false, false],
  ["string", "{}", false, false, false],
  ["number", 1, false, false, false],
];

test.each(cases)("%s", (_name, value, record, plain, subform) => {
  expect(isRecord(value)).toBe(record);
  expect(isPlainObject(value)).toBe(plain);
  expect(isSubformData(value)).toBe(subform);
});
