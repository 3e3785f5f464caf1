/** Contexts in the core: options, the manifest, dispatchContext and the context's effects. */
import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  client,
  contextKey,
  createContext,
  dispatch,
  dispatchContext,
  Registry,
  type RequestContext,
  ServerFunction,
} from "../../src/core/index.js";
import { contextRegistry } from "../helpers/contexts.js";

class Theme extends ServerFunction<Record<string, never>, { dark: boolean }> {
  override context = "global" as const;
  override invalidates = ["currentUser"];
  handle() {
    return { dark: true };
  }
}

describe("the manifest", () => {
  test("lists contexts with their kind and schemas; they stay functions too", () => {
    const manifest = contextRegistry().manifest();
    expect(Object.keys(manifest.contexts).sort()).toEqual([
      "broken",
      "currentUser",
      "greet",
      "session",
    ]);
    expect(manifest.contexts.currentUser).toMatchObject({
      name: "currentUser",
      kind: "global",
      input: null,
    });
    expect(manifest.contexts.currentUser?.output).toMatchObject({ anyOf: expect.any(Array) });
    expect(manifest.contexts.greet).toMatchObject({
      name: "greet",
      kind: "local",
      input: { type: "object", properties: { name: { type: "string" } } },
      output: null,
    });
    expect(manifest.functions.greet?.context).toBe("local");
    expect(manifest.functions.plain?.context).toBeNull();
    expect(manifest.contexts.plain).toBeUndefined();
  });

  test("a class-based function declares context and invalidates as fields", async () => {
    const registry = new Registry();
    registry.register(new Theme(), "theme");
    expect(registry.manifest().contexts.theme?.kind).toBe("global");
    const outcome = await dispatchContext("theme", {}, new Request("http://x/"), { registry });
    expect(outcome.kind === "result" && outcome.body).toEqual({
      result: { dark: true },
      invalidate: [{ name: "currentUser" }],
      merge: [],
    });
  });

  test("a wrong context kind or invalidates list is refused at registration", () => {
    const registry = new Registry();
    const odd = client(() => 1);
    (odd as { context: unknown }).context = "page";
    expect(() => registry.register(odd, "odd")).toThrow(/"global" or "local"/);
    const bad = client({ invalidates: ["ok", ""] }, () => 1);
    expect(() => registry.register(bad, "bad")).toThrow(/invalidates/);
    const notArray = client(() => 1);
    (notArray as { invalidates: unknown }).invalidates = "currentUser";
    expect(() => registry.register(notArray, "notArray")).toThrow(/invalidates/);
  });
});

describe("dispatchContext", () => {
  const request = new Request("http://localhost/");

  test("finds contexts only: a plain function and an unknown name are 404", async () => {
    const registry = contextRegistry();
    for (const name of ["plain", "nope", "profile.submit"]) {
      const outcome = await dispatchContext(name, {}, request, { registry });
      expect(outcome.kind === "error" && outcome.body.error).toEqual({
        code: "NOT_FOUND",
        message: `Unknown context "${name}".`,
        details: null,
      });
    }
  });

  test("bad names and args are the call's 400s", async () => {
    const registry = contextRegistry();
    const noName = await dispatchContext("", {}, request, { registry });
    expect(noName.kind === "error" && noName.status).toBe(400);
    const badArgs = await dispatchContext("greet", [1], request, { registry });
    expect(badArgs.kind === "error" && badArgs.status).toBe(400);
  });

  test("a context is also a function for dispatch", async () => {
    const outcome = await dispatch("greet", { name: "Ada" }, request, {
      registry: contextRegistry(),
    });
    expect(outcome.kind === "result" && outcome.body.result).toEqual({ message: "Hello, Ada" });
  });
});

describe("ctx.invalidate and ctx.merge", () => {
  test("each context collects its own; args are kept only when given", async () => {
    const registry = new Registry();
    registry.register(
      client({ input: z.object({ n: z.number() }) }, (ctx: RequestContext, { n }) => {
        ctx.invalidate(`c${n}`);
        ctx.merge("greet", n, { name: String(n) });
        return n;
      }),
      "touch",
    );
    const [one, two] = await Promise.all(
      [1, 2].map((n) => dispatch("touch", { n }, new Request("http://x/"), { registry })),
    );
    expect(one?.kind === "result" && one.body).toEqual({
      result: 1,
      invalidate: [{ name: "c1" }],
      merge: [{ name: "greet", args: { name: "1" }, value: 1 }],
    });
    expect(two?.kind === "result" && two.body.invalidate).toEqual([{ name: "c2" }]);
  });

  test("merge without args and with {} is one instance; the last value wins", async () => {
    const registry = new Registry();
    registry.register(
      client((ctx) => {
        ctx.merge("currentUser", 1);
        ctx.merge("currentUser", 2, {});
        return null;
      }),
      "twice",
    );
    const outcome = await dispatch("twice", {}, new Request("http://x/"), { registry });
    expect(outcome.kind === "result" && outcome.body.merge).toEqual([
      { name: "currentUser", args: {}, value: 2 },
    ]);
  });

  test("createContext gives every context its own methods", () => {
    const ctx = createContext();
    expect(typeof ctx.invalidate).toBe("function");
    expect(typeof ctx.merge).toBe("function");
    expect(contextKey("greet", { name: "Ada" })).toBe('greet {"name":"Ada"}');
  });
});
