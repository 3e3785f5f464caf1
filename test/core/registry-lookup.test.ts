import { describe, expect, test } from "vitest";
import { client, createContext, MizanError, Registry } from "../../src/core/index.js";

describe("Registry lookups", () => {
  test("calls and gets alternate between names without mixing them up", async () => {
    const registry = new Registry();
    const a = client(() => "a");
    const b = client(() => "b");
    registry.register(a, "a");
    registry.register(b, "b");
    const ctx = createContext();
    const seen: unknown[] = [];
    for (const name of ["a", "a", "b", "a", "b", "b"]) {
      seen.push(await registry.call(name, ctx, {}), registry.get(name) === (name === "a" ? a : b));
    }
    expect(seen).toEqual(["a", true, "a", true, "b", true, "a", true, "b", true, "b", true]);
  });

  test("a name not found, then registered, is found", async () => {
    const registry = new Registry();
    registry.register(
      client(() => 1),
      "one",
    );
    await registry.call("one", createContext(), {});
    expect(registry.get("two")).toBeUndefined();
    await expect(registry.call("two", createContext(), {})).rejects.toBeInstanceOf(MizanError);
    const two = client(() => 2);
    registry.register(two, "two");
    expect(registry.get("two")).toBe(two);
    expect(await registry.call("two", createContext(), {})).toBe(2);
    expect(registry.has("two")).toBe(true);
  });

  test("each registry finds its own functions", async () => {
    const first = new Registry();
    const second = new Registry();
    first.register(
      client(() => "first"),
      "same",
    );
    second.register(
      client(() => "second"),
      "same",
    );
    const ctx = createContext();
    expect([
      await first.call("same", ctx, {}),
      await second.call("same", ctx, {}),
      await first.call("same", ctx, {}),
    ]).toEqual(["first", "second", "first"]);
  });
});
