import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MizanError } from "../../src/index.js";
import {
  type ChannelLayer,
  createChannels,
  memoryLayer,
  type Peer,
} from "../../src/server/index.js";
import { channelRegistry } from "./fixtures.js";

/** A Peer that records what the engine sends and whether it closed. */
class FakePeer implements Peer {
  readonly sent: Array<Record<string, unknown>> = [];
  closed: { code: number; reason: string } | null = null;
  buffered = 0;
  send(text: string): void {
    if (this.closed) throw new Error("send after close");
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  bufferedAmount(): number {
    return this.buffered;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const request = new Request("http://localhost/api/mizan/ws/");

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** A layer whose every call fails, as a Redis that is down would. */
function downLayer(): ChannelLayer {
  const down = () => Promise.reject(new MizanError("UNAVAILABLE"));
  return {
    publish: down,
    history: down,
    latest: down,
    subscribe: () => () => {},
    close: async () => {},
  };
}

describe("the engine with a fake peer", () => {
  test("a layer that cannot publish: the sender gets UNAVAILABLE, no ack", async () => {
    const base = memoryLayer();
    const layer: ChannelLayer = {
      ...base,
      publish: () => Promise.reject(new Error("connection refused")),
    };
    const errors: unknown[] = [];
    const channels = createChannels({ registry: channelRegistry(), layer });
    const peer = new FakePeer();
    const connection = channels.connect(
      peer,
      { request, user: null },
      { onError: (e) => errors.push(e) },
    );
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "room", params: { room: "a" } }));
    await settle();
    connection.receive(JSON.stringify({ t: "msg", id: "s", ref: "1", data: { text: "hi" } }));
    await settle();
    expect(peer.sent.at(-1)).toEqual({
      t: "err",
      id: "s",
      ref: "1",
      code: "UNAVAILABLE",
      message: "Service unavailable.",
    });
    expect(peer.sent.some((f) => f.t === "ack")).toBe(false);
    expect(errors).toEqual([]);
    await channels.close();
  });

  test("a layer that is down: subscribing answers UNAVAILABLE and holds nothing", async () => {
    const channels = createChannels({ registry: channelRegistry(), layer: downLayer() });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null });
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "feed" }));
    await settle();
    expect(peer.sent).toEqual([
      { t: "err", id: "s", code: "UNAVAILABLE", message: "Service unavailable." },
    ]);
    // The id is free again.
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "feed" }));
    await settle();
    expect(peer.sent.at(-1)).toMatchObject({ code: "UNAVAILABLE" });
    await channels.close();
  });

  test("a message sent right after sub waits for the subscription, then is handled", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null });
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "room", params: { room: "a" } }));
    connection.receive(JSON.stringify({ t: "msg", id: "s", ref: "1", data: { text: "early" } }));
    await settle();
    await settle();
    expect(peer.sent.map((f) => f.t)).toEqual(["ok", "ev", "ack"]);
    await channels.close();
  });

  test("a subscriber over the buffer threshold for the grace period is closed with 4008", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    const connection = channels.connect(
      peer,
      { request, user: null },
      { slowConsumer: { maxBufferedBytes: 100, graceMs: 0 } },
    );
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "feed" }));
    await settle();
    peer.buffered = 101;
    await channels.publish("feed", { n: 1 });
    expect(peer.closed).toEqual({ code: 4008, reason: "Too slow a consumer." });
    const count = peer.sent.length;
    await channels.publish("feed", { n: 2 });
    expect(peer.sent).toHaveLength(count);
    await channels.close();
  });

  test("within the grace period a slow subscriber is kept, unless it is four times over", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    const connection = channels.connect(
      peer,
      { request, user: null },
      { slowConsumer: { maxBufferedBytes: 100, graceMs: 60_000 } },
    );
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "feed" }));
    await settle();
    peer.buffered = 400;
    await channels.publish("feed", { n: 1 });
    connection.check();
    expect(peer.closed).toBeNull();
    peer.buffered = 401;
    await channels.publish("feed", { n: 2 });
    expect(peer.closed).toEqual({ code: 4008, reason: "Too slow a consumer." });
    await channels.close();
  });

  test("a layer's onGap sends gap to the live subscriptions of that group only", async () => {
    const gapListeners = new Set<(group: string) => void>();
    const layer: ChannelLayer = {
      ...memoryLayer(),
      onGap(listener) {
        gapListeners.add(listener);
        return () => gapListeners.delete(listener);
      },
    };
    const channels = createChannels({ registry: channelRegistry(), layer });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null });
    connection.receive(JSON.stringify({ t: "sub", id: "f", ch: "feed" }));
    connection.receive(JSON.stringify({ t: "sub", id: "r", ch: "room", params: { room: "a" } }));
    await settle();
    for (const listener of gapListeners) listener("feed");
    expect(peer.sent.filter((f) => f.t === "gap")).toEqual([{ t: "gap", id: "f" }]);
    await channels.close();
    expect(gapListeners.size).toBe(0);
  });

  test("more subscriptions than maxSubscriptions are refused; unsub makes room", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null }, { maxSubscriptions: 2 });
    for (const id of ["a", "b", "c"]) {
      connection.receive(JSON.stringify({ t: "sub", id, ch: "room", params: { room: id } }));
    }
    await settle();
    expect(peer.sent.filter((f) => f.t === "ok").map((f) => f.id)).toEqual(["a", "b"]);
    expect(peer.sent.find((f) => f.t === "err")).toMatchObject({ id: "c", code: "RATE_LIMITED" });
    connection.receive(JSON.stringify({ t: "unsub", id: "a" }));
    connection.receive(JSON.stringify({ t: "sub", id: "c", ch: "room", params: { room: "c" } }));
    await settle();
    expect(peer.sent.at(-1)).toMatchObject({ t: "ok", id: "c" });
    await channels.close();
  });

  test("a hook's MizanError goes out with its code, message and details", async () => {
    const registry = channelRegistry();
    const room = registry.channel("room");
    if (!room) throw new Error("no room channel");
    room.authorize = () => {
      throw new MizanError("FORBIDDEN", "Members only.", { room: "vip" });
    };
    const channels = createChannels({ registry });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null });
    connection.receive(JSON.stringify({ t: "sub", id: "v", ch: "room", params: { room: "vip" } }));
    await settle();
    expect(peer.sent).toEqual([
      { t: "err", id: "v", code: "FORBIDDEN", message: "Members only.", details: { room: "vip" } },
    ]);
    await channels.close();
  });

  test("a frame nested as deep as 64 KiB allows is answered, not a crash", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    const connection = channels.connect(peer, { request, user: null });
    connection.receive(JSON.stringify({ t: "sub", id: "s", ch: "room", params: { room: "a" } }));
    await settle();
    const deep = `${"[".repeat(32_000)}${"]".repeat(32_000)}`;
    connection.receive(`{"t":"msg","id":"s","ref":"d","data":${deep}}`);
    connection.receive(`{"t":"sub","id":"p","ch":"room","params":{"room":${deep}}}`);
    await settle();
    await settle();
    expect(peer.sent.filter((f) => f.t === "err").map((f) => [f.id, f.code])).toEqual([
      ["s", "VALIDATION_FAILED"],
      ["p", "VALIDATION_FAILED"],
    ]);
    await channels.close();
  });

  test("channels.close() closes every connection with 1001", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    const peer = new FakePeer();
    channels.connect(peer, { request, user: null });
    await channels.close();
    expect(peer.closed).toEqual({ code: 1001, reason: "Server shutting down." });
  });
});

/** Values shaped like frames, with wrong types and odd keys mixed in. */
const frameLike = fc.record(
  {
    t: fc.constantFrom("sub", "unsub", "msg", "ping", "pong", "ev", "", "SUB"),
    id: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.constant(null),
      fc.string({ minLength: 120, maxLength: 140 }),
    ),
    ch: fc.oneof(
      fc.constantFrom("room", "feed", "inbox", "broken", "nope", "__proto__"),
      fc.anything(),
    ),
    params: fc.oneof(
      fc.record({ room: fc.oneof(fc.string({ maxLength: 50 }), fc.anything()) }),
      fc.anything(),
    ),
    ref: fc.oneof(fc.string({ maxLength: 4 }), fc.anything()),
    data: fc.oneof(
      fc.record({ text: fc.oneof(fc.string({ maxLength: 210 }), fc.anything()) }),
      fc.anything(),
    ),
    since: fc.oneof(fc.string({ maxLength: 20 }), fc.anything()),
  },
  { requiredKeys: ["t"] },
);

const frameText = fc.oneof(
  fc.json(),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  frameLike.map((frame) => JSON.stringify(frame) ?? "null"),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

describe("fuzz: any frame into the engine", () => {
  test("never a throw, never an unhandled rejection, every answer a known frame", async () => {
    const known = new Set(["ok", "ev", "ack", "err", "gap", "pong"]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(frameText, { maxLength: 25 }),
        fc.boolean(),
        async (texts, signedIn) => {
          const errors: unknown[] = [];
          const channels = createChannels({ registry: channelRegistry() });
          const peer = new FakePeer();
          const connection = channels.connect(
            peer,
            { request, user: signedIn ? { id: "u" } : null },
            { rate: { messagesPerSecond: 1000, burst: 1000 }, onError: (e) => errors.push(e) },
          );
          for (const text of texts) expect(() => connection.receive(text)).not.toThrow();
          await settle();
          await settle();
          for (const frame of peer.sent) {
            expect(known.has(frame.t as string)).toBe(true);
            if (frame.t === "err") {
              expect(typeof frame.code).toBe("string");
              expect(JSON.stringify(frame)).not.toMatch(/hunter2|at .*\.ts/);
            }
          }
          // Only the deliberately broken channel reaches onError.
          for (const error of errors) expect(String(error)).toMatch(/broken|hunter2/);
          connection.close();
          await channels.close();
        },
      ),
      { numRuns: 200 },
    );
    await settle();
    expect(unhandled).toEqual([]);
  }, 60_000);
});
