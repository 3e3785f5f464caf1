// Where `new Function` is refused (a strict CSP, an edge runtime), a plan's cleaner is a plain
// loop with the same outcomes (cases in plan-clean-cases.ts). The refusal is seen on first use,
// so this file refuses it before its first form is cleaned.
import { beforeAll, describe, test } from "vitest";
import { cases, PlainForm, sameAsNew } from "./plan-clean-cases.js";

describe("a plan's cleaner where code generation is refused", () => {
  beforeAll(async () => {
    const original = globalThis.Function;
    // What an edge runtime's `Function` does with source text; its other uses still work.
    function refusing() {
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
  for (const [name, run] of cases) test(name, run);
});
