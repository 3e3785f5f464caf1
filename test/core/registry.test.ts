import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  client,
  createContext,
  defaultRegistry,
  MizanError,
  type Registrable,
  Registry,
  register,
} from "../../src/core/index.js";

/** The MizanError a call rejects with. */
async function thrown(promise: Promise<unknown>): Promise<MizanError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MizanError);
  return error as MizanError;
}

const echo = () =>
  client(
    { input: z.object({ text: z.string().min(1) }), description: "Echo the text back." },
    (_ctx, { text }) => ({ message: text }),
  );

describe("Registry.register", () => {
  test("a duplicate name fails at registration, not at call time", () => {
    const registry = new Registry();
    registry.register(echo(), "echo");
    expect(() => registry.register(echo(), "echo")).toThrow('A function named "echo" is already');
  });

  test.each([
    ["echo", true],
    ["contact.submit", true],
    ["contact.schema_v2", true],
    ["a1.B2.c_3", true],
    ["Echo", false],
    ["1echo", false],
    ["echo.", false],
    [".echo", false],
    ["contact..submit", false],
    ["echo-it", false],
    ["ech o", false],
    ["", false],
    ["__proto__", false],
  ])("name %j valid: %s", (name, valid) => {
    const registry = new Registry();
    const attempt = () => registry.register(echo(), name);
    if (valid) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(TypeError);
  });

  test("a function without a name is refused", () => {
    expect(() => new Registry().register(echo())).toThrow("needs a name");
  });

  test("a Registrable registers itself under its own names", () => {
    const registry = new Registry();
    const form: Registrable = {
      registerInto(target, name = "contact") {
        target.register(echo(), `${name}.submit`);
        target.registerForm(name, () => ({ title: "Contact" }));
      },
    };
    registry.register(form);
    expect(registry.names()).toEqual(["contact.submit"]);
    expect(registry.manifest().forms).toEqual({ contact: { title: "Contact" } });
  });

  test("register() fills the default registry", () => {
    register(echo(), "registryTest.echo");
    expect(defaultRegistry.has("registryTest.echo")).toBe(true);
  });
});

describe("Registry.call", () => {
  test("validates args with the input schema and runs the handler", async () => {
    const registry = new Registry();
    registry.register(echo(), "echo");
    await expect(registry.call("echo", createContext(), { text: "hi" })).resolves.toEqual({
      message: "hi",
    });
  });

  test("invalid args are a 422 with dotted field paths", async () => {
    const registry = new Registry();
    registry.register(echo(), "echo");
    const error = await thrown(registry.call("echo", createContext(), { text: "" }));
    expect(error).toBeInstanceOf(MizanError);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(422);
    expect(error.details).toEqual({
      fields: { text: [{ code: "too_small", message: expect.any(String) }] },
      non_field: [],
    });
  });

  test("an unknown function is a 404", async () => {
    const error = await thrown(new Registry().call("nope", createContext(), {}));
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  test("middleware runs in order around the handler", async () => {
    const order: string[] = [];
    const fn = client(() => {
      order.push("handler");
      return "done";
    }).use(
      async (_ctx, _args, next) => {
        order.push("outer before");
        const result = await next();
        order.push("outer after");
        return result;
      },
      async (_ctx, _args, next) => {
        order.push("inner");
        return next();
      },
    );
    const registry = new Registry();
    registry.register(fn, "mw");
    await expect(registry.call("mw", createContext(), {})).resolves.toBe("done");
    expect(order).toEqual(["outer before", "inner", "handler", "outer after"]);
  });

  test("an output that breaks its schema is an INTERNAL error, not a leak", async () => {
    const registry = new Registry();
    registry.register(
      client({ output: z.object({ id: z.number() }) }, () => ({ id: "x" }) as never),
      "bad",
    );
    const error = await thrown(registry.call("bad", createContext(), {}));
    expect(error).toMatchObject({ code: "INTERNAL", message: "Internal server error." });
  });

  test("a returned Response skips the output check", async () => {
    const registry = new Registry();
    const response = new Response("raw");
    registry.register(
      client({ output: z.object({ id: z.number() }) }, () => response as never),
      "raw",
    );
    await expect(registry.call("raw", createContext(), {})).resolves.toBe(response);
  });
});

describe("Registry.manifest", () => {
  test("lists every function with its JSON Schemas, auth and description", () => {
    const registry = new Registry();
    registry.register(echo(), "echo");
    registry.register(
      client({ auth: "staff" }, () => null),
      "admin.purge",
    );
    const manifest = registry.manifest();
    expect(Object.keys(manifest.functions)).toEqual(["admin.purge", "echo"]);
    expect(manifest.functions.echo).toEqual({
      name: "echo",
      description: "Echo the text back.",
      input: expect.objectContaining({
        type: "object",
        properties: { text: { type: "string", minLength: 1 } },
        required: ["text"],
      }),
      output: null,
      auth: "none",
      context: null,
      meta: {},
    });
    expect(manifest.functions["admin.purge"]?.auth).toBe("staff");
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  });

  test("the version hash is stable across registration order and changes with content", () => {
    const a = new Registry();
    a.register(echo(), "echo");
    a.register(
      client(() => null),
      "ping",
    );
    const b = new Registry();
    b.register(
      client(() => null),
      "ping",
    );
    b.register(echo(), "echo");
    expect(a.manifest().version).toBe(b.manifest().version);

    const c = new Registry();
    c.register(echo(), "echo");
    expect(c.manifest().version).not.toBe(a.manifest().version);
  });

  test("registering after a manifest was built refreshes it", () => {
    const registry = new Registry();
    registry.register(echo(), "echo");
    const first = registry.manifest();
    registry.register(
      client(() => null),
      "ping",
    );
    const second = registry.manifest();
    expect(Object.keys(second.functions)).toEqual(["echo", "ping"]);
    expect(second.version).not.toBe(first.version);
  });
});
