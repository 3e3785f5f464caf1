// A form bound to its class's fields cleans them with the plan's generated cleaner: the same
// outcome as an ordinary instance (cases in plan-clean-cases.ts, which hold the assertions).
import { describe, expect, test } from "vitest";
import { cases, PlainForm, sameAsNew } from "./plan-clean-cases.js";

describe("a plan's cleaner (generated code)", () => {
  test("the first clean of a class compiles its cleaner", async () => {
    const original = globalThis.Function;
    const sources: string[] = [];
    function recording(...args: string[]) {
      sources.push(String(args[args.length - 1]));
      return original(...args);
    }
    recording.prototype = original.prototype;
    globalThis.Function = recording as unknown as FunctionConstructor;
    try {
      await sameAsNew(PlainForm, { name: "ada" }, { valid: true });
    } finally {
      globalThis.Function = original;
    }
    expect(sources.some((source) => source.includes("function cleanPlan(run, data)"))).toBe(true);
  });
  for (const [name, run] of cases) test(name, run);
});
