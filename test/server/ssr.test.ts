/** SSR: resolving the page's contexts and rendering them into a safe script tag. */
import { describe, expect, test, vi } from "vitest";
import { createContextStore, readSerializedContexts } from "../../src/client/index.js";
import { contextKey, type RequestContext } from "../../src/core/index.js";
import {
  contextsScript,
  createHandler,
  resolveContexts,
  resolveGlobalContexts,
  serializeContexts,
} from "../../src/server/index.js";
import { contextRegistry, SECRET } from "../helpers/contexts.js";

type TestUser = { id: number; name: string };
const users: Record<string, TestUser> = {
  ada: { id: 1, name: "Ada" },
  bo: { id: 2, name: "Bo" },
};
const page = (who?: string) =>
  new Request("http://test.local/", { headers: who ? { cookie: `user=${who}` } : {} });
const userOf = (request: Request) => users[request.headers.get("cookie")?.slice(5) ?? ""];

describe("resolveGlobalContexts", () => {
  test("every global context, each through dispatch; a failing one is an error entry", async () => {
    const onError = vi.fn();
    const getUser = vi.fn(userOf);
    const state = await resolveGlobalContexts(page("ada"), {
      registry: contextRegistry(),
      getUser,
      onError,
    });
    expect(state).toEqual({
      [contextKey("broken")]: {
        name: "broken",
        args: {},
        error: { code: "INTERNAL", message: "Internal server error." },
      },
      [contextKey("currentUser")]: {
        name: "currentUser",
        args: {},
        result: { id: 1, name: "Ada" },
      },
      [contextKey("session")]: { name: "session", args: {}, result: { id: 1 } },
    });
    expect(JSON.stringify(state)).not.toContain(SECRET);
    // One user per page, however many contexts; the 500 reaches onError.
    expect(getUser).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  test("an anonymous page: auth errors become entries too", async () => {
    const state = await resolveGlobalContexts(page(), {
      registry: contextRegistry(),
      onError: () => {},
    });
    expect(state[contextKey("currentUser")]).toMatchObject({ result: null });
    expect(state[contextKey("session")]).toMatchObject({
      error: { code: "UNAUTHENTICATED" },
    });
  });

  test("takes the very options object given to createHandler", async () => {
    const options = { registry: contextRegistry(), getUser: userOf, onError: () => {} };
    createHandler(options);
    const state = await resolveGlobalContexts(page("bo"), options);
    expect(state[contextKey("currentUser")]?.result).toEqual({ id: 2, name: "Bo" });
  });

  test("two users' requests interleaved never see each other's state", async () => {
    const registry = contextRegistry();
    // getUser resolves late and in the opposite order of the requests.
    const getUser = async (request: Request) => {
      const user = userOf(request);
      await new Promise((resolve) => setTimeout(resolve, user?.id === 1 ? 30 : 5));
      return user;
    };
    const options = { registry, getUser, onError: () => {} };
    const runs = await Promise.all(
      ["ada", "bo", "ada", "bo", "ada", "bo"].map((who) =>
        resolveGlobalContexts(page(who), options),
      ),
    );
    runs.forEach((state, i) => {
      const expected = i % 2 === 0 ? users.ada : users.bo;
      expect(state[contextKey("currentUser")]?.result).toEqual(expected);
      expect(state[contextKey("session")]?.result).toEqual({ id: expected?.id });
    });
  });

  test("ctx.invalidate in a context goes nowhere during SSR; values are the wire's", async () => {
    const { Registry, client } = await import("../../src/core/index.js");
    const registry = new Registry();
    registry.register(
      client({ context: "global" }, (ctx: RequestContext) => {
        ctx.invalidate("other");
        return { at: new Date(0), missing: undefined };
      }),
      "clock",
    );
    const state = await resolveGlobalContexts(page(), { registry });
    expect(state[contextKey("clock")]).toEqual({
      name: "clock",
      args: {},
      result: { at: "1970-01-01T00:00:00.000Z" },
    });
  });
});

describe("resolveContexts", () => {
  test("local contexts by their args, and a plain function is not a context", async () => {
    const state = await resolveContexts(
      page(),
      [
        { name: "greet", args: { name: "Ada" } },
        { name: "greet", args: { name: "" } },
        { name: "plain" },
      ],
      { registry: contextRegistry() },
    );
    expect(state[contextKey("greet", { name: "Ada" })]?.result).toEqual({
      message: "Hello, Ada",
    });
    expect(state[contextKey("greet", { name: "" })]?.error?.code).toBe("VALIDATION_FAILED");
    expect(state[contextKey("plain")]?.error).toEqual({
      code: "NOT_FOUND",
      message: 'Unknown context "plain".',
    });
  });
});

describe("serializeContexts and contextsScript", () => {
  const hostile = "</script><script>alert(1)</script><!-- & \u2028\u2029 >";

  test("no <, >, & or U+2028/2029 in the text; JSON.parse gives the data back", () => {
    const state = {
      [contextKey("currentUser")]: { name: "currentUser", args: {}, result: { name: hostile } },
    };
    const text = serializeContexts(state);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(state);
  });

  test("a user's hostile name cannot end the element; the client reads it back", async () => {
    const registry = contextRegistry();
    const state = await resolveGlobalContexts(page("evil"), {
      registry,
      getUser: () => ({ id: 9, name: hostile }),
      onError: () => {},
    });
    const tag = contextsScript(state);
    expect(tag.startsWith('<script type="application/json" id="mizan-contexts">')).toBe(true);
    expect(tag.endsWith("</script>")).toBe(true);
    // Exactly one closing tag and no comment opener: the data stayed inside.
    expect(tag.match(/<\/script/gi)).toHaveLength(1);
    expect(tag).not.toContain("<!--");
    const inner = tag.slice(tag.indexOf(">") + 1, -"</script>".length);
    const doc = {
      getElementById: (id: string) => (id === "mizan-contexts" ? { textContent: inner } : null),
    } as unknown as Document;
    const store = createContextStore({ fetch: vi.fn(), initial: readSerializedContexts(doc) });
    expect(store.get("currentUser").data).toEqual({ id: 9, name: hostile });
  });

  test("id and nonce are escaped attributes", () => {
    expect(contextsScript({}, { id: 'x"><b', nonce: "abc" })).toBe(
      '<script type="application/json" id="x&#34;&#62;&#60;b" nonce="abc">{}</script>',
    );
  });
});
