import { describe, expect, test } from "vitest";
import {
  CharField,
  createContext,
  Form,
  formMeta,
  Registry,
  type RequestContext,
} from "../../src/index.js";

type Initial = Record<string, unknown> | ((ctx: RequestContext) => unknown);

/** A registry with one form whose disabled `owner` field takes its value from `initial`. */
function registryWith(initial: Initial): Registry {
  class Owned extends Form<Owned> {
    static override meta = formMeta({
      name: "owned",
      initial: initial as never,
    });
    owner = new CharField({ disabled: true, maxLength: 3 });
    onSubmitSuccess(_ctx: RequestContext, data: { owner: string }) {
      return { owner: data.owner };
    }
  }
  const registry = new Registry();
  registry.register(Owned);
  return registry;
}

describe("a form call's initial values (meta.initial)", () => {
  const kinds: Array<[string, Initial]> = [
    ["an object", { owner: "ada" }],
    ["a function", () => ({ owner: "ada" })],
    ["an async function", async () => ({ owner: "ada" })],
  ];
  for (const [kind, initial] of kinds) {
    test(`${kind} feeds disabled fields in validate and submit`, async () => {
      const registry = registryWith(initial);
      const data = { data: { owner: "intruder" } };
      expect(await registry.call("owned.validate", createContext(), data)).toEqual({
        valid: true,
        errors: { fields: {}, non_field: [] },
        stale: false,
      });
      expect(await registry.call("owned.submit", createContext(), data)).toEqual({
        owner: "ada",
      });
    });
  }

  test("a function that throws or rejects makes the call reject, never throw", async () => {
    for (const initial of [
      () => {
        throw new Error("no initial");
      },
      async () => {
        throw new Error("no initial");
      },
    ]) {
      const registry = registryWith(initial);
      for (const fn of ["owned.validate", "owned.submit"]) {
        const call = registry.call(fn, createContext(), { data: {} });
        expect(call).toBeInstanceOf(Promise);
        await expect(call).rejects.toThrow("no initial");
      }
    }
  });

  test("the function is given the call's context", async () => {
    const seen: unknown[] = [];
    const registry = registryWith((ctx) => {
      seen.push(ctx.user);
      return { owner: "bob" };
    });
    const ctx = createContext({ user: { id: 3 } });
    expect(await registry.call("owned.submit", ctx, { data: {} })).toEqual({ owner: "bob" });
    expect(seen).toEqual([{ id: 3 }]);
  });
});
