import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { client, type DispatchOutcome, dispatch, Registry } from "../../src/core/index.js";

/** Dispatch a function that answers `result` (and may invalidate), and return the outcome. */
async function answer(result: () => unknown, invalidate = false): Promise<DispatchOutcome> {
  const registry = new Registry();
  registry.register(
    client((ctx) => {
      if (invalidate) ctx.invalidate("greet", { name: "Ada" });
      return result();
    }),
    "fn",
  );
  return dispatch("fn", {}, new Request("http://localhost/"), { registry, onError: () => {} });
}

/** The success text must be JSON.stringify of the envelope, byte for byte. */
async function expectEnvelopeText(result: () => unknown, invalidate = false): Promise<void> {
  const outcome = await answer(result, invalidate);
  if (outcome.kind !== "result") throw new Error(`expected a result, got ${outcome.kind}`);
  expect(outcome.json).toBe(JSON.stringify(outcome.body));
}

describe("a result's envelope text", () => {
  test("is JSON.stringify of the envelope for any JSON value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, invalidate) => {
        await expectEnvelopeText(() => value, invalidate);
      }),
      { numRuns: 200 },
    );
  });

  test("is JSON.stringify of the envelope for values JSON changes or leaves out", async () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const cases: Array<() => unknown> = [
      () => undefined,
      () => null,
      () => "é \u2028 \ud800",
      () => -0,
      () => Number.NaN,
      () => new Date(0),
      () => ({ when: new Date(0), nested: { toJSON: (key: string) => `nested:${key}` } }),
      () => ({ toJSON: (key: string) => `top:${key}` }),
      () => () => "a function is left out",
      () => Symbol("left out"),
      () => [undefined, () => 1, Symbol("x")],
      () => ({ a: undefined, b: () => 1 }),
      () => new Point(1, 2),
      () => new Map([["a", 1]]),
      () => Object.assign(Object.create(null), { plain: true }),
    ];
    for (const result of cases) {
      await expectEnvelopeText(result);
      await expectEnvelopeText(result, true);
    }
  });

  test("is JSON.stringify of the envelope for flat objects of any keys and values", async () => {
    const text = fc.string({ unit: "binary" });
    const value = fc.oneof(
      text,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(-0),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(text, value), async (flat) => {
        await expectEnvelopeText(() => flat);
        await expectEnvelopeText(() => Object.assign(Object.create(null), flat));
      }),
      { numRuns: 300 },
    );
    const cases: Array<() => unknown> = [
      () => ({ ok: true, username: "ada_lovelace" }),
      () => ({}),
      () => ({ b: 1, 2: "two", 1: "one", a: null }),
      () => JSON.parse('{"__proto__": 1, "a": "b"}'),
      () => ({ 'quo"te': "back\\slash", ctl: "\u0001\n", lone: "\udc00", pair: "\ud83d\ude00" }),
      () => ({ inf: Number.POSITIVE_INFINITY, nan: Number.NaN, big: 1e21, small: 1e-7 }),
      () => ({
        get computed() {
          return "read once";
        },
        after: 1,
      }),
      () => Object.defineProperty({ shown: 1 }, "hidden", { value: 2, enumerable: false }),
      () => ({ [Symbol("s")]: 1, kept: 2 }),
      () => ({ nested: { a: 1 } }),
      () => ({ list: [1, 2] }),
    ];
    for (const result of cases) await expectEnvelopeText(result);
  });

  test("reads each value of a plain object result once, as JSON.stringify does", async () => {
    let reads = 0;
    const outcome = await answer(() => ({
      before: "x",
      get nested() {
        reads++;
        return { list: [1, { toJSON: (key: string) => `at ${key}` }], gone: undefined };
      },
      fn: () => 1,
      get text() {
        reads++;
        return 'say "hi"';
      },
    }));
    expect(reads).toBe(2);
    if (outcome.kind !== "result") throw new Error(`expected a result, got ${outcome.kind}`);
    expect(outcome.json).toBe(
      '{"result":{"before":"x","nested":{"list":[1,"at 1"]},"text":"say \\"hi\\""},"invalidate":[],"merge":[]}',
    );
  });

  test("a result that is not JSON is the same 500 as before", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const result of [() => 10n, () => cyclic]) {
      const outcome = await answer(result);
      expect(outcome.kind).toBe("error");
      if (outcome.kind === "error") expect(outcome.status).toBe(500);
    }
  });
});
