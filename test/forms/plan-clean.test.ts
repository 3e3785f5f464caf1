// A form bound to its class's fields cleans them with the plan's generated cleaner: the same
// outcome as an ordinary instance (cases in plan-clean-cases.ts).
import { describe, test } from "vitest";
import { cases } from "./plan-clean-cases.js";

describe("a plan's cleaner (generated code)", () => {
  for (const [name, run] of cases) test(name, run);
});
