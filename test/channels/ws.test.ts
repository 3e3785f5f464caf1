import { once } from "node:events";
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import { Channel, Registry, type RequestContext } from "../../src/index.js";
import { attachChannels } from "../../src/node/index.js";
import { createChannels, memoryLayer } from "../../src/server/index.js";
import { channelRegistry, headerUser } from "./fixtures.js";
import { roundTrip, startServer, TestClient } from "./helpers.js";

type Started = Awaited<ReturnType<typeof startServer>>;

describe("channels over a real WebSocket", () => {
  let app: Started;
  const errors: unknown[] = [];
  const clients: TestClient[] = [];
  const client = (headers: Record<string, string> = {}) => {
    const c = new TestClient(app.wsUrl, { headers });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    app = await startServer({
      registry: channelRegistry(),
      getUser: headerUser,
      onError: (error) => errors.push(error),
    });
  });
  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await app.close();
  });

  test("subscribe, send with an ack, and every subscriber of the group gets the event", async () => {
    const ada = client({ "x-user": "ada" });
    const bob = client();
    const other = client();
    expect(await ada.sub("s1", "room", { room: "lobby" })).toMatchObject({ t: "ok", id: "s1" });
    expect(await bob.sub("b", "room", { room: "lobby" })).toMatchObject({ t: "ok", id: "b" });
    expect(await other.sub("o", "room", { room: "kitchen" })).toMatchObject({ t: "ok" });
    ada.send({ t: "msg", id: "s1", ref: "m1", data: { text: "hello" } });
    expect(await ada.next({ t: "ack" })).toEqual({ t: "ack", id: "s1", ref: "m1" });
    const seen = await bob.next({ t: "ev" });
    expect(seen).toMatchObject({ t: "ev", id: "b", data: { from: "ada", text: "hello" } });
    expect(typeof seen.cursor).toBe("string");
    expect((await ada.next({ t: "ev" })).data).toEqual({ from: "ada", text: "hello" });
    await roundTrip(other);
    expect(other.events("o")).toEqual([]);
    // A receive that returns nothing is acknowledged and broadcasts nothing.
    ada.send({ t: "msg", id: "s1", ref: "m2", data: { text: "quiet" } });
    expect(await ada.next({ t: "ack", ref: "m2" })).toBeTruthy();
    await roundTrip(bob);
    expect(bob.events("b")).toHaveLength(1);
  });

  test("ping answers pong; unsub stops the events", async () => {
    const a = client();
    const b = client();
    await a.sub("x", "room", { room: "unsub" });
    await b.sub("y", "room", { room: "unsub" });
    a.send({ t: "unsub", id: "x" });
    await roundTrip(a);
    b.send({ t: "msg", id: "y", ref: "1", data: { text: "after" } });
    await b.next({ t: "ack" });
    await b.next({ t: "ev" });
    await roundTrip(a);
    expect(a.events("x")).toEqual([]);
  });

  test("authorize false is FORBIDDEN for that subscription only; the others keep going", async () => {
    const c = client();
    await c.sub("ok", "room", { room: "open" });
    expect(await c.sub("no", "room", { room: "secret" })).toEqual({
      t: "err",
      id: "no",
      code: "FORBIDDEN",
      message: "You do not have permission to perform this action.",
    });
    c.send({ t: "msg", id: "ok", ref: "r", data: { text: "still here" } });
    expect(await c.next({ t: "ev", id: "ok" })).toMatchObject({ data: { text: "still here" } });
    // The refused id is free again, and messages on it are refused.
    c.send({ t: "msg", id: "no", ref: "r2", data: { text: "x" } });
    expect(await c.next({ t: "err", ref: "r2" })).toMatchObject({ code: "NOT_FOUND", id: "no" });
  });

  test("a channel that needs a user, on an anonymous socket: err UNAUTHENTICATED, then close 4401", async () => {
    const c = client();
    await c.sub("pub", "feed");
    expect(await c.sub("in", "inbox")).toMatchObject({
      t: "err",
      id: "in",
      code: "UNAUTHENTICATED",
    });
    expect(await c.closed).toEqual({ code: 4401, reason: "Authentication required." });
    const signedIn = client({ "x-user": "ada" });
    expect(await signedIn.sub("in", "inbox")).toMatchObject({ t: "ok" });
  });

  test("invalid params or message: VALIDATION_FAILED with HTTP's details, nothing broadcast", async () => {
    const c = client();
    const watcher = client();
    expect(await c.sub("bad", "room", { room: "" })).toEqual({
      t: "err",
      id: "bad",
      code: "VALIDATION_FAILED",
      message: "Validation failed.",
      details: {
        fields: {
          room: [
            { message: "Too small: expected string to have >=1 characters", code: "too_small" },
          ],
        },
        non_field: [],
      },
    });
    await c.sub("s", "room", { room: "valid" });
    await watcher.sub("w", "room", { room: "valid" });
    c.send({ t: "msg", id: "s", ref: "m", data: { text: "" } });
    const err = await c.next({ t: "err" });
    expect(err).toMatchObject({ id: "s", ref: "m", code: "VALIDATION_FAILED" });
    expect(Object.keys((err.details as { fields: object }).fields)).toEqual(["text"]);
    c.send({ t: "msg", id: "s", ref: "m2", data: "not an object" });
    expect(await c.next({ t: "err", ref: "m2" })).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: {}, non_field: [{ code: "invalid_type" }] },
    });
    await roundTrip(watcher);
    expect(watcher.events("w")).toEqual([]);
  });

  test("malformed frames are BAD_REQUEST and the socket stays open", async () => {
    const c = client();
    c.send("{not json");
    expect(await c.next({ t: "err" })).toMatchObject({ code: "BAD_REQUEST" });
    c.send([1, 2]);
    expect(await c.next({ t: "err" })).toMatchObject({ code: "BAD_REQUEST" });
    c.send({ t: "sub", id: "p", ch: "room", params: [] });
    expect(await c.next({ t: "err" })).toMatchObject({ code: "BAD_REQUEST", id: "p" });
    c.send({ t: "dance", id: "d" });
    expect(await c.next({ t: "err" })).toMatchObject({ code: "BAD_REQUEST", id: "d" });
    expect(await c.sub("fine", "feed")).toMatchObject({ t: "ok" });
  });

  test("unknown channel is NOT_FOUND; a duplicate live subscription id is CONFLICT", async () => {
    const c = client();
    expect(await c.sub("a", "nope")).toMatchObject({ t: "err", code: "NOT_FOUND", id: "a" });
    await c.sub("dup", "feed");
    expect(await c.sub("dup", "room", { room: "x" })).toMatchObject({
      t: "err",
      id: "dup",
      code: "CONFLICT",
    });
    c.send({ t: "unsub", id: "dup" });
    expect(await c.sub("dup", "room", { room: "x" })).toMatchObject({ t: "ok" });
  });

  test("a channel that takes no messages refuses one", async () => {
    const c = client();
    await c.sub("f", "feed");
    c.send({ t: "msg", id: "f", ref: "1", data: {} });
    expect(await c.next({ t: "err" })).toMatchObject({ code: "BAD_REQUEST", id: "f", ref: "1" });
  });

  test("a throw in receive is INTERNAL without its text; onError hears the original", async () => {
    const c = client();
    await c.sub("b", "broken");
    c.send({ t: "msg", id: "b", ref: "1", data: { text: "throw" } });
    const err = await c.next({ t: "err" });
    expect(err).toEqual({
      t: "err",
      id: "b",
      ref: "1",
      code: "INTERNAL",
      message: "Internal server error.",
    });
    expect(JSON.stringify(c.frames)).not.toContain("hunter2");
    expect(errors.some((e) => e instanceof Error && e.message.includes("hunter2"))).toBe(true);
  });

  test("an event that fails the event schema is not sent and is reported", async () => {
    const c = client();
    const before = errors.length;
    await c.sub("b", "broken");
    c.send({ t: "msg", id: "b", ref: "2", data: { text: "not a number" } });
    expect(await c.next({ t: "err", ref: "2" })).toMatchObject({ code: "INTERNAL" });
    expect(errors.length).toBe(before + 1);
    await app.attached.channels.publish("broken", { n: "wrong" });
    await app.attached.channels.publish("broken", { n: 7 });
    expect(await c.next({ t: "ev" })).toMatchObject({ data: { n: 7 } });
    expect(c.events("b")).toEqual([{ n: 7 }]);
    expect(errors.length).toBe(before + 2);
  });

  test("a bad Origin is closed with 4403; the page's own origin and no Origin are let in", async () => {
    const evil = client({ origin: "https://evil.example" });
    expect(await evil.closed).toEqual({ code: 4403, reason: "Origin not allowed." });
    const own = client({ origin: app.origin });
    expect(await own.sub("f", "feed")).toMatchObject({ t: "ok" });
    const noOrigin = client();
    expect(await noOrigin.sub("f", "feed")).toMatchObject({ t: "ok" });
  });

  test("other upgrade paths are refused when no other listener wants them", async () => {
    const stray = new TestClient(`ws://127.0.0.1:${app.port}/elsewhere`);
    await expect(stray.opened).rejects.toThrow(/404/);
  });
});

describe("limits", () => {
  test("a frame over maxPayload closes the socket with 1009", async () => {
    const app = await startServer({ registry: channelRegistry(), maxPayload: 1024 });
    try {
      const c = new TestClient(app.wsUrl);
      await c.sub("f", "feed");
      c.send({ t: "msg", id: "f", ref: "big", data: { text: "x".repeat(2000) } });
      expect((await c.closed).code).toBe(1009);
    } finally {
      await app.close();
    }
  });

  test("a flood gets RATE_LIMITED and the socket stays usable", async () => {
    const app = await startServer({
      registry: channelRegistry(),
      // A bucket of 5 that refills once in 1,000 s: the test sees no refill however slow it runs.
      rate: { messagesPerSecond: 0.001, burst: 5 },
    });
    try {
      const c = new TestClient(app.wsUrl);
      await c.opened;
      for (let i = 0; i < 20; i++) c.send({ t: "ping" });
      const limited = await c.next({ t: "err" });
      expect(limited).toMatchObject({ code: "RATE_LIMITED" });
      const pongs = () => c.frames.filter((f) => f.t === "pong").length;
      await c.next((f) => f.t === "err" && c.frames.filter((g) => g.t === "err").length === 15);
      expect(pongs()).toBe(5);
      expect(c.ws.readyState).toBe(c.ws.OPEN);
    } finally {
      await app.close();
    }
  });

  test("trimmed history: resubscribing from an old cursor gets a gap, then live events", async () => {
    const channels = createChannels({
      registry: channelRegistry(),
      layer: memoryLayer({ historySize: 2 }),
    });
    const app = await startServer({ channels });
    try {
      const c = new TestClient(app.wsUrl);
      const ok = await c.sub("f", "feed");
      for (let n = 1; n <= 5; n++) await channels.publish("feed", { n });
      await c.next((f) => f.t === "ev" && (f.data as { n: number }).n === 5);
      c.send({ t: "unsub", id: "f" });
      expect(await c.sub("again", "feed", {}, ok.cursor as string)).toMatchObject({ t: "ok" });
      expect(await c.next({ id: "again" })).toEqual({ t: "gap", id: "again" });
      await channels.publish("feed", { n: 6 });
      expect(await c.next({ t: "ev", id: "again" })).toMatchObject({ data: { n: 6 } });
    } finally {
      await app.close();
      await channels.close();
    }
  });
});

describe("the upgrade", () => {
  test("getUser throwing closes the socket with 1011 and goes to onError", async () => {
    const errors: unknown[] = [];
    const app = await startServer({
      registry: channelRegistry(),
      getUser: () => {
        throw new Error("session store down");
      },
      onError: (error) => errors.push(error),
    });
    try {
      const c = new TestClient(app.wsUrl);
      expect(await c.closed).toEqual({ code: 1011, reason: "Internal server error." });
      expect(String(errors[0])).toContain("session store down");
    } finally {
      await app.close();
    }
  });

  test("a binary frame closes with 1003; the default maxPayload is 64 KiB", async () => {
    const app = await startServer({ registry: channelRegistry() });
    try {
      const binary = new TestClient(app.wsUrl);
      await binary.opened;
      binary.ws.send(Buffer.from('{"t":"ping"}'), { binary: true });
      expect(await binary.closed).toEqual({ code: 1003, reason: "Text frames only." });
      const fits = new TestClient(app.wsUrl);
      await fits.sub("r", "room", { room: "x" });
      // Just under 64 KiB: refused by the message schema, not by the socket.
      const text = "x".repeat(64 * 1024 - 64);
      fits.send({ t: "msg", id: "r", ref: "1", data: { text } });
      expect(await fits.next({ t: "err" })).toMatchObject({ code: "VALIDATION_FAILED" });
      fits.send({ t: "msg", id: "r", ref: "2", data: { text: `${text}${"y".repeat(128)}` } });
      expect((await fits.closed).code).toBe(1009);
    } finally {
      await app.close();
    }
  });

  test("trusted origins are let in; upgrades to other paths reach their own listener", async () => {
    const app = await startServer({
      registry: channelRegistry(),
      trustedOrigins: ["https://app.example.com"],
    });
    const other = new WebSocketServer({ noServer: true });
    app.server.on("upgrade", (req, socket, head) => {
      if (req.url === "/other") other.handleUpgrade(req, socket, head, (ws) => ws.send("mine"));
    });
    try {
      const trusted = new TestClient(app.wsUrl, { headers: { origin: "https://app.example.com" } });
      expect(await trusted.sub("f", "feed")).toMatchObject({ t: "ok" });
      const elsewhere = new WebSocket(`ws://127.0.0.1:${app.port}/other`);
      const [data] = (await once(elsewhere, "message")) as [Buffer];
      expect(String(data)).toBe("mine");
      elsewhere.terminate();
      trusted.ws.terminate();
    } finally {
      for (const ws of other.clients) ws.terminate();
      other.close();
      await app.close();
    }
  });
});

test("attachChannels refuses settings that make a limit meaningless", () => {
  const server = createServer();
  for (const options of [
    { maxPayload: 0 },
    { heartbeatMs: -1 },
    { rate: { messagesPerSecond: 10, burst: 0 } },
    { rate: { messagesPerSecond: Number.NaN, burst: 5 } },
    { slowConsumer: { maxBufferedBytes: 1024, graceMs: -5 } },
    { maxSubscriptions: 0 },
  ]) {
    expect(() => attachChannels(server, options)).toThrow(TypeError);
  }
  expect(server.listenerCount("upgrade")).toBe(0);
});

describe("ctx.request on a socket", () => {
  const empty = z.object({});
  const seen = z.object({ path: z.string(), note: z.string().nullable(), same: z.boolean() });
  class WhoChannel extends Channel<typeof empty, typeof empty, typeof seen> {
    params = empty;
    override message = empty;
    event = seen;
    group() {
      return "who";
    }
    override receive(ctx: RequestContext) {
      const first = ctx.request; // built on this first read, then kept for the socket
      return {
        path: new URL(first.url).pathname,
        note: ctx.request.headers.get("x-note"),
        same: first === ctx.request,
      };
    }
  }

  test("a hook reads the upgrade's URL and headers, one Request per socket", async () => {
    const registry = new Registry();
    registry.register(WhoChannel, "who");
    const users: Array<string | null> = [];
    const app = await startServer({
      registry,
      getUser: (request) => {
        users.push(request.headers.get("x-note"));
        return null;
      },
    });
    const c = new TestClient(app.wsUrl, { headers: { "x-note": "from the upgrade" } });
    try {
      await c.sub("w", "who", {});
      c.send({ t: "msg", id: "w", ref: "m", data: {} });
      expect((await c.next({ t: "ev" })).data).toEqual({
        path: "/api/mizan/ws/",
        note: "from the upgrade",
        same: true,
      });
      expect(users).toEqual(["from the upgrade"]);
    } finally {
      c.ws.terminate();
      await app.close();
    }
  });
});
