// Where `new Function` is refused (a strict CSP, an edge runtime), a plan's cleaner is a plain
// loop with the same outcomes (cases in plan-clean-cases.ts). The refusal is seen on first use,
// so this file refuses it before its first form is cleaned (cases in plan-clean-cases.ts, which
// hold the assertions).
import { beforeAll, describe, expect, test } from "vitest";
import { cases, PlainForm, sameAsNew } from "./plan-clean-cases.js";

describe("a plan's cleaner where code generation is refused", () => {
  let refused = 0;
  beforeAll(async () => {
    const original = globalThis.Function;
    // What an edge runtime's `Function` does with source text; its other uses still work.
    function refusing() {
      refused++;
      throw new EvalError("Code generation from strings disallowed for this context");
    }
    refusing.prototype = original.prototype;
    globalThis.Function = refusing as unknown as FunctionConstructor;
    try {
      await sameAsNew(PlainForm, { name: "ada" }, { valid: true });
    } finally {
      globalThis.Function = original;
    }
  });
  test("the refusal was met, so the cases below run the loop", () => {
    expect(refused).toBeGreaterThan(0);
  });
  for (const [name, run] of cases) test(name, run);
});
