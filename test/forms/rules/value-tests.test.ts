import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isPlainObject, isRecord } from "../../../src/core/is-plain-object.js";
import { pythonFormat } from "../../../src/forms/message-format.js";
import { pyTruthy } from "../../../src/forms/rules/py.js";

// The value tests the browser share carries, held to their definitions: Python's bool() for
// what JSON can carry (written out as the rules first spelled it), and "an object literal".

/** Python's `bool(value)`, spelled case by case. */
function pythonBool(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string" || Array.isArray(value)) return value.length > 0;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.keys(value as object).length > 0;
  }
  return true;
}

class Point {
  x = 1;
}

const corners: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0n,
  1n,
  -1n,
  "",
  " ",
  "0",
  "False",
  [],
  [0],
  [[]],
  {},
  { a: 0 },
  Object.create(null),
  Object.assign(Object.create(null), { a: 1 }),
  new Point(),
  new Date(0),
  new Map(),
  new Set(),
  /x/,
  () => 0,
  Symbol("s"),
  new String(""),
  new Number(0),
  new Boolean(false),
];

describe("pyTruthy", () => {
  test.each(corners.map((value) => [value]))("%o", (value) => {
    expect(pyTruthy(value)).toBe(pythonBool(value));
  });

  test("any value", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true }),
        (value) => {
          expect(pyTruthy(value)).toBe(pythonBool(value));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("isPlainObject", () => {
  const literal = (value: unknown) =>
    typeof value === "object" &&
    value !== null &&
    [Object.prototype, null].includes(Object.getPrototypeOf(value));

  test.each(corners.map((value) => [value]))("%o", (value) => {
    expect(isPlainObject(value)).toBe(literal(value));
  });

  test("answers as isRecord on anything JSON.parse makes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const value = JSON.parse(JSON.stringify(json));
        expect(isPlainObject(value)).toBe(isRecord(value));
      }),
      { numRuns: 2000 },
    );
    const parsed = JSON.parse('{"__proto__":{"a":1},"error":{"code":"X"}}');
    expect(isPlainObject(parsed)).toBe(true);
    // An own "__proto__" key (JSON.parse defines it) holds a plain object too.
    const own = Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value;
    expect(isPlainObject(own)).toBe(true);
    expect(isRecord(own)).toBe(true);
  });
});

describe("pythonFormat", () => {
  /** Python's `%s`/`%d`/`%r` of one param as messages fill them, spelled case by case. */
  function format(value: unknown, conversion: string): string {
    if (conversion === "d" && typeof value === "number") return String(Math.trunc(value));
    if (conversion === "r" && typeof value === "string") return `'${value}'`;
    if (value === null) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (Array.isArray(value)) return `[${value.map((v) => format(v, "r")).join(", ")}]`;
    return String(value);
  }
  const safe = (f: () => string) => {
    try {
      return f();
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };

  test.each(["s", "d", "r"])("%%%s of any value", (conversion) => {
    for (const value of corners) {
      expect(safe(() => pythonFormat(value, conversion))).toBe(
        safe(() => format(value, conversion)),
      );
    }
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true }), (value) => {
        expect(safe(() => pythonFormat(value, conversion))).toBe(
          safe(() => format(value, conversion)),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
