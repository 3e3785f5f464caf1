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
