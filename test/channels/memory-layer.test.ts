import { describe, expect, test } from "vitest";
import { MizanError } from "../../src/index.js";
import { memoryLayer } from "../../src/server/index.js";

describe("memoryLayer", () => {
  test("publish hands the event to the group's subscribers only, with increasing cursors", async () => {
    const layer = memoryLayer();
    const seen: Array<[string, string, unknown]> = [];
    const offA = layer.subscribe("a", (cursor, event) => seen.push(["a", cursor, event]));
    layer.subscribe("b", (cursor, event) => seen.push(["b", cursor, event]));
    const c1 = await layer.publish("a", { n: 1 });
    const c2 = await layer.publish("a", { n: 2 });
    const c3 = await layer.publish("b", { n: 3 });
    expect(seen).toEqual([
      ["a", c1, { n: 1 }],
      ["a", c2, { n: 2 }],
      ["b", c3, { n: 3 }],
    ]);
    expect(new Set([c1, c2]).size).toBe(2);
    offA();
    await layer.publish("a", { n: 4 });
    expect(seen).toHaveLength(3);
  });

  test("latest is empty for a new group, then the newest cursor", async () => {
    const layer = memoryLayer();
    expect(await layer.latest("g")).toBe("");
    await layer.publish("g", 1);
    const c2 = await layer.publish("g", 2);
    expect(await layer.latest("g")).toBe(c2);
    expect(await layer.latest("other")).toBe("");
  });

  test("history after a cursor gives the later events in order; from the latest, none", async () => {
    const layer = memoryLayer();
    const c1 = await layer.publish("g", "one");
    const c2 = await layer.publish("g", "two");
    const c3 = await layer.publish("g", "three");
    expect(await layer.history("g", c1)).toEqual({
      events: [
        { cursor: c2, event: "two" },
        { cursor: c3, event: "three" },
      ],
    });
    expect(await layer.history("g", c3)).toEqual({ events: [] });
    expect(await layer.history("g", "")).toEqual({
      events: [
        { cursor: c1, event: "one" },
        { cursor: c2, event: "two" },
        { cursor: c3, event: "three" },
      ],
    });
    expect(await layer.history("empty", "")).toEqual({ events: [] });
    // "0", as stream-based layers write "before the first event", means the same as "".
    expect(await layer.history("g", "0")).toEqual(await layer.history("g", ""));
  });

  test("a trimmed history is a gap; the retained window still replays", async () => {
    const layer = memoryLayer({ historySize: 3 });
    const cursors: string[] = [];
    for (let i = 1; i <= 5; i++) cursors.push(await layer.publish("g", i));
    // Events 3, 4, 5 are kept: after event 2 is still complete, after event 1 is not.
    expect(await layer.history("g", cursors[1] as string)).toEqual({
      events: [
        { cursor: cursors[2], event: 3 },
        { cursor: cursors[3], event: 4 },
        { cursor: cursors[4], event: 5 },
      ],
    });
    expect(await layer.history("g", cursors[0] as string)).toEqual({ gap: true });
    expect(await layer.history("g", "")).toEqual({ gap: true });
  });

  test("cursors of another layer (a restart), forged or from the future are gaps", async () => {
    const before = memoryLayer();
    const old = await before.publish("g", "x");
    const layer = memoryLayer();
    await layer.publish("g", "y");
    expect(await layer.history("g", old)).toEqual({ gap: true });
    const mine = await layer.latest("g");
    const future = mine.replace(/\d+$/, "99");
    for (const cursor of ["nonsense", "-1", `${mine}x`, future, `${mine}-1`]) {
      expect(await layer.history("g", cursor)).toEqual({ gap: true });
    }
  });

  test("a throwing subscriber does not keep the event from the others", async () => {
    const layer = memoryLayer();
    const seen: unknown[] = [];
    layer.subscribe("g", () => {
      throw new Error("boom");
    });
    layer.subscribe("g", (_c, event) => seen.push(event));
    await layer.publish("g", "ok");
    expect(seen).toEqual(["ok"]);
  });

  test("after close, publish, history and latest reject with UNAVAILABLE", async () => {
    const layer = memoryLayer();
    const seen: unknown[] = [];
    layer.subscribe("g", (_c, event) => seen.push(event));
    await layer.close();
    for (const attempt of [layer.publish("g", 1), layer.history("g", ""), layer.latest("g")]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MizanError);
      expect((error as MizanError).code).toBe("UNAVAILABLE");
    }
    expect(seen).toEqual([]);
  });

  test("events travel as JSON: a copy, dates as strings, non-JSON refused", async () => {
    const layer = memoryLayer();
    const seen: unknown[] = [];
    layer.subscribe("g", (_c, event) => seen.push(event));
    const event = { at: new Date(0), tags: ["a"] };
    const cursor = await layer.publish("g", event);
    event.tags.push("changed later");
    expect(seen).toEqual([{ at: "1970-01-01T00:00:00.000Z", tags: ["a"] }]);
    expect(await layer.history("g", "")).toEqual({
      events: [{ cursor, event: { at: "1970-01-01T00:00:00.000Z", tags: ["a"] } }],
    });
    await expect(layer.publish("g", { n: 1n })).rejects.toThrow(TypeError);
    expect(await layer.latest("g")).toBe(cursor);
  });

  test("historySize must be a positive integer", () => {
    expect(() => memoryLayer({ historySize: 0 })).toThrow(TypeError);
    expect(() => memoryLayer({ historySize: 1.5 })).toThrow(TypeError);
  });
});
