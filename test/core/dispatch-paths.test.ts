import { describe, expect, test, vi } from "vitest";
import {
  client,
  dispatch,
  Registry,
  type RequestContext,
  ServerFunction,
} from "../../src/core/index.js";

const request = () => new Request("http://localhost/api/mizan/call/", { method: "POST" });

/** What a transport sees of an outcome: kind, status, the JSON it sends. */
async function seen(registry: Registry, name: string, args: unknown = {}) {
  const outcome = await dispatch(name, args, request(), { registry, onError: () => {} });
  if (outcome.kind === "result") return { kind: outcome.kind, json: outcome.json };
  if (outcome.kind === "error")
    return { kind: outcome.kind, status: outcome.status, body: outcome.body };
  return { kind: outcome.kind };
}

describe("dispatch answers a function however it returns", () => {
  test("a value, a promise, a thenable, a throw and a rejection", async () => {
    const registry = new Registry();
    registry.register(
      client(() => ({ ok: 1 })),
      "value",
    );
    registry.register(
      client(async () => ({ ok: 2 })),
      "promise",
    );
    registry.register(
      // biome-ignore lint/suspicious/noThenProperty: a thenable result is what is tested
      client(() => ({ then: (resolve: (v: unknown) => void) => resolve({ ok: 3 }) })),
      "thenable",
    );
    registry.register(
      client(() => {
        throw new Error("boom");
      }),
      "throws",
    );
    registry.register(
      client(async () => {
        throw new Error("late boom");
      }),
      "rejects",
    );
    const envelope = (result: unknown) => JSON.stringify({ result, invalidate: [], merge: [] });
    expect(await seen(registry, "value")).toEqual({ kind: "result", json: envelope({ ok: 1 }) });
    expect(await seen(registry, "promise")).toEqual({ kind: "result", json: envelope({ ok: 2 }) });
    expect(await seen(registry, "thenable")).toEqual({ kind: "result", json: envelope({ ok: 3 }) });
    for (const name of ["throws", "rejects"]) {
      const out = await seen(registry, name);
      expect(out).toMatchObject({
        kind: "error",
        status: 500,
        body: { error: { code: "INTERNAL" } },
      });
    }
  });

  test("a function's own invoke and a registry's own call are called", async () => {
    class Own extends ServerFunction<Record<string, unknown>, unknown> {
      handle() {
        return "handled";
      }
      override invoke(ctx: RequestContext, args: unknown): Promise<unknown> {
        return super.invoke(ctx, args).then((r) => `${r} by own invoke`);
      }
    }
    class OwnRegistry extends Registry {
      override call(name: string, ctx: RequestContext, args: unknown): Promise<unknown> {
        return super.call(name, ctx, args).then((r) => `${r}, through own call`);
      }
    }
    const plain = new Registry();
    plain.register(new Own(), "own");
    expect(await seen(plain, "own")).toEqual({
      kind: "result",
      json: JSON.stringify({ result: "handled by own invoke", invalidate: [], merge: [] }),
    });
    const own = new OwnRegistry();
    own.register(new Own(), "own");
    expect(await seen(own, "own")).toMatchObject({
      json: JSON.stringify({
        result: "handled by own invoke, through own call",
        invalidate: [],
        merge: [],
      }),
    });
    const spied = new Registry();
    spied.register(
      client(() => "plain"),
      "plain",
    );
    const spy = vi.spyOn(spied, "call");
    expect(await seen(spied, "plain")).toMatchObject({
      json: JSON.stringify({ result: "plain", invalidate: [], merge: [] }),
    });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test("a registry with its own get is called through its call", async () => {
    // Only `get` knows the alias: dispatch finds the function with it, but the call itself
    // goes through `registry.call` (which does not), as it did before dispatch called found
    // functions directly.
    class AliasRegistry extends Registry {
      override get(name: string) {
        return super.get(name === "alias" ? "real" : name);
      }
    }
    const registry = new AliasRegistry();
    registry.register(
      client(() => "real one"),
      "real",
    );
    expect(await seen(registry, "real")).toMatchObject({
      json: JSON.stringify({ result: "real one", invalidate: [], merge: [] }),
    });
    expect(await seen(registry, "alias")).toMatchObject({ kind: "error", status: 404 });
  });
});
