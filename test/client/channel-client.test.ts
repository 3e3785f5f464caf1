import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  type ChannelClientOptions,
  type ChannelStatus,
  compareCursors,
  createChannelClient,
  isMizanChannelError,
  MizanChannelError,
} from "../../src/client/index.js";
import { FakeEvents, FakeSocket, ManualTimers } from "./channel-fakes.js";

let timers: ManualTimers;
let win: FakeEvents;
let doc: FakeEvents;

beforeEach(() => {
  FakeSocket.reset();
  timers = new ManualTimers();
  win = new FakeEvents();
  doc = new FakeEvents();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function client(extra: ChannelClientOptions = {}) {
  return createChannelClient({
    url: "ws://test/api/mizan/ws/",
    WebSocket: FakeSocket,
    timers,
    random: () => 0.5,
    pingMs: 0,
    window: win,
    document: doc,
    ...extra,
  });
}

/** Subscribe with recording handlers. */
function watch(c: ReturnType<typeof client>, name: string, params = {}, since?: string) {
  const events: Array<[unknown, string]> = [];
  const statuses: ChannelStatus[] = [];
  const gaps: number[] = [];
  const sub = c.subscribe(name, params, {
    onEvent: (event, cursor) => events.push([event, cursor]),
    onStatus: (status) => statuses.push(status),
    onGap: () => gaps.push(1),
    since,
  });
  return { sub, events, statuses, gaps };
}

/** A promise's outcome, read without awaiting forever. */
async function outcome(promise: Promise<unknown>) {
  return Promise.race([
    promise.then(
      () => ({ resolved: true }) as const,
      (error: unknown) => ({ rejected: error }) as const,
    ),
    new Promise((resolve) => setTimeout(() => resolve("pending"), 0)),
  ]);
}

describe("the socket", () => {
  test("opens on the first subscription and carries every subscription", () => {
    const c = client();
    expect(FakeSocket.instances).toHaveLength(0);
    watch(c, "chat", { room: "a" });
    watch(c, "chat", { room: "b" });
    expect(FakeSocket.instances).toHaveLength(1);
    const socket = FakeSocket.last;
    expect(socket.url).toBe("ws://test/api/mizan/ws/");
    socket.accept();
    const subs = socket.sentOf("sub");
    expect(subs.map((f) => f.params)).toEqual([{ room: "a" }, { room: "b" }]);
    expect(new Set(subs.map((f) => f.id)).size).toBe(2);
    expect(subs.every((f) => f.ch === "chat" && !("since" in f))).toBe(true);
  });

  test("its URL comes from the base path and the page: ws: on http, wss: on https", () => {
    vi.stubGlobal("location", { href: "https://shop.example/orders/7" });
    const secure = createChannelClient({
      WebSocket: FakeSocket,
      timers,
      window: win,
      document: doc,
    });
    secure.subscribe("chat", {});
    expect(FakeSocket.last.url).toBe("wss://shop.example/api/mizan/ws/");
    vi.stubGlobal("location", { href: "http://localhost:5173/chat" });
    const plain = createChannelClient({
      basePath: "/mounted/mizan/",
      WebSocket: FakeSocket,
      timers,
      window: win,
      document: doc,
    });
    plain.subscribe("chat", {});
    expect(FakeSocket.last.url).toBe("ws://localhost:5173/mounted/mizan/ws/");
  });

  test("without a page or a url it says what to pass", () => {
    const c = createChannelClient({ WebSocket: FakeSocket, timers, window: win, document: doc });
    expect(() => c.subscribe("chat", {})).toThrow(/give `url`/);
  });

  test("closes once no subscription is left, after the linger; an immediate resubscribe keeps it", () => {
    const c = client({ lingerMs: 1000 });
    const first = watch(c, "chat", { room: "a" });
    const socket = FakeSocket.last;
    socket.accept();
    first.sub.close();
    expect(socket.sentOf("unsub")).toEqual([{ t: "unsub", id: socket.subId() }]);
    watch(c, "chat", { room: "a" });
    timers.advance(5000);
    expect(socket.closedWith).toBeUndefined();
    expect(FakeSocket.instances).toHaveLength(1);
    c.close();
    expect(socket.closedWith?.code).toBe(1000);
  });

  test("the last subscription closing closes the socket after the linger", () => {
    const c = client({ lingerMs: 1000 });
    const { sub } = watch(c, "chat");
    FakeSocket.last.accept();
    sub.close();
    timers.advance(999);
    expect(FakeSocket.last.closedWith).toBeUndefined();
    timers.advance(1);
    expect(FakeSocket.last.closedWith?.code).toBe(1000);
    expect(win.count("online")).toBe(0);
  });
});

describe("events", () => {
  test("ok opens the subscription; events arrive with their cursors; gap is told", () => {
    const c = client();
    const w = watch(c, "chat", { room: "a" });
    const socket = FakeSocket.last;
    expect(w.sub.status).toBe("connecting");
    socket.accept();
    const id = socket.subId();
    socket.frame({ t: "ok", id, cursor: "4" });
    expect(w.sub.status).toBe("open");
    expect(w.sub.cursor).toBe("4");
    socket.frame({ t: "ev", id, cursor: "5", data: { text: "hi" } });
    socket.frame({ t: "gap", id });
    expect(w.events).toEqual([[{ text: "hi" }, "5"]]);
    expect(w.gaps).toHaveLength(1);
    expect(w.statuses).toEqual(["open"]);
  });

  test("frames for an id the client replaced, or malformed ones, are ignored", () => {
    const c = client();
    const old = watch(c, "chat", { room: "a" });
    const socket = FakeSocket.last;
    socket.accept();
    const oldId = socket.subId();
    socket.frame({ t: "ok", id: oldId, cursor: "1" });
    old.sub.close();
    const fresh = watch(c, "chat", { room: "b" });
    const newId = socket.subId();
    expect(newId).not.toBe(oldId);
    socket.frame({ t: "ok", id: newId, cursor: "7" });
    socket.frame({ t: "ev", id: oldId, cursor: "2", data: "late" });
    socket.frame("not json");
    socket.frame({ t: "ev", id: newId, data: "no cursor" });
    socket.frame({ t: "mystery", id: newId });
    socket.frame({ t: "ev", id: newId, cursor: "8", data: "new" });
    expect(old.events).toEqual([]);
    expect(fresh.events).toEqual([["new", "8"]]);
  });

  test("a throwing onEvent does not stop the next event", async () => {
    const thrown: unknown[] = [];
    const c = client();
    const seen: unknown[] = [];
    c.subscribe(
      "chat",
      {},
      {
        onEvent: (event) => {
          seen.push(event);
          if (event === 1) throw new Error("app bug");
        },
      },
    );
    const socket = FakeSocket.last;
    socket.accept();
    const id = socket.subId();
    socket.frame({ t: "ok", id, cursor: "" });
    const original = globalThis.queueMicrotask;
    vi.stubGlobal("queueMicrotask", (run: () => void) => {
      try {
        run();
      } catch (error) {
        thrown.push(error);
      }
    });
    socket.frame({ t: "ev", id, cursor: "1", data: 1 });
    socket.frame({ t: "ev", id, cursor: "2", data: 2 });
    vi.stubGlobal("queueMicrotask", original);
    expect(seen).toEqual([1, 2]);
    expect(thrown).toEqual([new Error("app bug")]);
  });
});

describe("reconnecting", () => {
  test("resubscribes from the last cursor and drops replayed duplicates", () => {
    const c = client();
    const w = watch(c, "chat", { room: "a" });
    const first = FakeSocket.last;
    first.accept();
    const id = first.subId();
    first.frame({ t: "ok", id, cursor: "10" });
    first.frame({ t: "ev", id, cursor: "11", data: "a" });
    first.drop(1006);
    expect(w.sub.status).toBe("reconnecting");
    // Full jitter: random() 0.5 of the first ceiling, 250 ms.
    expect(timers.delays.at(-1)).toBe(125);
    timers.advance(124);
    expect(FakeSocket.instances).toHaveLength(1);
    timers.advance(1);
    const second = FakeSocket.last;
    expect(second).not.toBe(first);
    second.accept();
    const again = second.sentOf("sub").at(-1);
    expect(again).toMatchObject({ ch: "chat", params: { room: "a" }, since: "11" });
    const newId = String(again?.id);
    second.frame({ t: "ok", id: newId, cursor: "13" });
    second.frame({ t: "ev", id: newId, cursor: "11", data: "a" });
    second.frame({ t: "ev", id: newId, cursor: "12", data: "b" });
    second.frame({ t: "ev", id: newId, cursor: "13", data: "c" });
    second.frame({ t: "ev", id: newId, cursor: "12", data: "b" });
    expect(w.events.map(([event]) => event)).toEqual(["a", "b", "c"]);
    expect(w.statuses).toEqual(["open", "reconnecting", "open"]);
  });

  test("after a gap (a restarted server, a new epoch) it counts from the server's latest", () => {
    const c = client();
    const w = watch(c, "chat");
    const first = FakeSocket.last;
    first.accept();
    first.frame({ t: "ok", id: first.subId(), cursor: "ffff-40" });
    first.frame({ t: "ev", id: first.subId(), cursor: "ffff-41", data: "before" });
    first.drop(1012);
    timers.advance(125);
    const second = FakeSocket.last;
    second.accept();
    expect(second.sentOf("sub")[0]).toMatchObject({ since: "ffff-41" });
    const id = second.subId();
    second.frame({ t: "ok", id, cursor: "0a0a-2" });
    second.frame({ t: "gap", id });
    second.frame({ t: "ev", id, cursor: "0a0a-3", data: "after" });
    expect(w.events.map(([event]) => event)).toEqual(["before", "after"]);
    expect(w.gaps).toHaveLength(1);
    expect(w.sub.cursor).toBe("0a0a-3");
  });

  test("a subscription made with since starts there", () => {
    const c = client();
    watch(c, "chat", {}, "41");
    FakeSocket.last.accept();
    expect(FakeSocket.last.sentOf("sub")[0]).toMatchObject({ since: "41" });
  });

  test("delays grow with full jitter up to the cap, and reset once a subscription opens", () => {
    const c = client({ random: () => 0.999, backoff: { initialMs: 250, maxMs: 10_000 } });
    watch(c, "chat");
    for (let i = 0; i < 8; i++) {
      FakeSocket.last.drop(1006);
      timers.advance(timers.delays.at(-1) ?? 0);
    }
    expect(timers.delays).toEqual([249, 499, 999, 1998, 3996, 7992, 9990, 9990]);
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "ok", id: socket.subId(), cursor: "" });
    socket.drop(1001);
    expect(timers.delays.at(-1)).toBe(249);
  });

  test("coming back online or visible reconnects at once", () => {
    const c = client({ random: () => 1, backoff: { initialMs: 8000 } });
    watch(c, "chat");
    FakeSocket.last.drop(1006);
    expect(FakeSocket.instances).toHaveLength(1);
    win.fire("online");
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last.drop(1006);
    doc.visibilityState = "hidden";
    doc.fire("visibilitychange");
    expect(FakeSocket.instances).toHaveLength(2);
    doc.visibilityState = "visible";
    doc.fire("visibilitychange");
    expect(FakeSocket.instances).toHaveLength(3);
    // Online while connected changes nothing.
    win.fire("online");
    expect(FakeSocket.instances).toHaveLength(3);
  });

  test("a silent connection is dropped by the heartbeat and replaced", () => {
    const c = client({ pingMs: 1000 });
    watch(c, "chat");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "ok", id: socket.subId(), cursor: "" });
    timers.advance(1000);
    expect(socket.sentOf("ping")).toHaveLength(1);
    socket.frame({ t: "pong" });
    timers.advance(1000);
    expect(socket.sentOf("ping")).toHaveLength(2);
    timers.advance(1000);
    expect(socket.closedWith?.code).toBe(4000);
    timers.advance(250);
    expect(FakeSocket.instances).toHaveLength(2);
  });
});

describe("send", () => {
  test("resolves on ack; waits for the subscription to open first", async () => {
    const c = client();
    const { sub } = watch(c, "chat", { room: "a" });
    const sending = sub.send({ text: "early" });
    const socket = FakeSocket.last;
    socket.accept();
    expect(socket.sentOf("msg")).toEqual([]);
    const id = socket.subId();
    socket.frame({ t: "ok", id, cursor: "" });
    const [msg] = socket.sentOf("msg");
    expect(msg).toMatchObject({ id, data: { text: "early" } });
    expect(await outcome(sending)).toBe("pending");
    socket.frame({ t: "ack", id, ref: msg?.ref });
    expect(await outcome(sending)).toEqual({ resolved: true });
  });

  test("rejects with the server's code, message and details", async () => {
    const c = client();
    const { sub } = watch(c, "chat");
    const socket = FakeSocket.last;
    socket.accept();
    const id = socket.subId();
    socket.frame({ t: "ok", id, cursor: "" });
    const sending = sub.send({ text: "" });
    const ref = socket.sentOf("msg")[0]?.ref;
    const details = {
      fields: { text: [{ code: "required", message: "This field is required." }] },
      non_field: [],
    };
    socket.frame({ t: "err", id, ref, code: "VALIDATION_FAILED", message: "Invalid.", details });
    const result = await outcome(sending);
    const error = (result as { rejected: unknown }).rejected;
    expect(isMizanChannelError(error)).toBe(true);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: "Invalid.", details });
    // The subscription is unharmed.
    expect(sub.status).toBe("open");
  });

  test("a close before the ack rejects with NETWORK_ERROR; a closed subscription with CLOSED", async () => {
    const c = client();
    const { sub } = watch(c, "chat");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "ok", id: socket.subId(), cursor: "" });
    const sending = sub.send({ text: "hi" });
    socket.drop(1006);
    expect(await outcome(sending)).toEqual({
      rejected: expect.objectContaining({ code: "NETWORK_ERROR", closeCode: 1006 }),
    });
    const queued = sub.send({ text: "later" });
    sub.close();
    expect(await outcome(queued)).toEqual({
      rejected: expect.objectContaining({ code: "CLOSED" }),
    });
    expect(await outcome(sub.send({}))).toEqual({
      rejected: expect.objectContaining({ code: "CLOSED" }),
    });
  });
});

describe("refusals", () => {
  test("a FORBIDDEN subscription parks without retrying; reconnect() tries it again", async () => {
    const c = client();
    const w = watch(c, "staff");
    const socket = FakeSocket.last;
    socket.accept();
    const queued = w.sub.send({ text: "x" });
    socket.frame({ t: "err", id: socket.subId(), code: "FORBIDDEN", message: "Staff only." });
    expect(w.sub.status).toBe("forbidden");
    expect(w.sub.error).toMatchObject({ code: "FORBIDDEN", message: "Staff only." });
    expect(await outcome(queued)).toEqual({
      rejected: expect.objectContaining({ code: "FORBIDDEN" }),
    });
    timers.advance(60_000);
    expect(socket.sentOf("sub")).toHaveLength(1);
    expect(FakeSocket.instances).toHaveLength(1);
    c.reconnect();
    expect(w.sub.status).toBe("connecting");
    // A new socket: the server reads the user (a new cookie) when one opens.
    expect(socket.closedWith?.code).toBe(1000);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last.accept();
    expect(FakeSocket.last.sentOf("sub")).toMatchObject([{ ch: "staff" }]);
  });

  test("reconnect() after a refusal keeps the other subscriptions, resuming from their cursors", () => {
    const c = client();
    const chat = watch(c, "chat");
    const staff = watch(c, "staff");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "ok", id: socket.subId("chat"), cursor: "7" });
    socket.frame({
      t: "err",
      id: socket.subId("staff"),
      code: "FORBIDDEN",
      message: "Staff only.",
    });
    c.reconnect();
    expect(chat.sub.status).toBe("reconnecting");
    FakeSocket.last.accept();
    expect(FakeSocket.last.sentOf("sub")).toMatchObject([
      { ch: "chat", since: "7" },
      { ch: "staff" },
    ]);
    FakeSocket.last.frame({ t: "ok", id: FakeSocket.last.subId("staff"), cursor: "" });
    expect(staff.sub.status).toBe("open");
  });

  test("close 4401 marks unconfirmed subscriptions forbidden and does not reconnect for them", () => {
    const c = client();
    const w = watch(c, "chat");
    FakeSocket.last.accept();
    FakeSocket.last.drop(4401, "unauthenticated");
    expect(w.sub.status).toBe("forbidden");
    expect(w.sub.error).toMatchObject({ code: "UNAUTHENTICATED", closeCode: 4401 });
    timers.advance(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    win.fire("online");
    expect(FakeSocket.instances).toHaveLength(1);
    c.reconnect();
    expect(FakeSocket.instances).toHaveLength(2);
  });

  test("close 4401 after one subscription's refusal reconnects for the others only", () => {
    const c = client();
    const open = watch(c, "chat");
    const refused = watch(c, "staff");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "ok", id: socket.subId("chat"), cursor: "3" });
    socket.frame({ t: "err", id: socket.subId("staff"), code: "UNAUTHENTICATED", message: "No." });
    socket.drop(4401);
    expect(open.sub.status).toBe("reconnecting");
    expect(refused.sub.status).toBe("forbidden");
    timers.advance(125);
    FakeSocket.last.accept();
    expect(FakeSocket.last.sentOf("sub").map((f) => f.ch)).toEqual(["chat"]);
  });

  test("close 4403 (a refused origin) stops for good", async () => {
    const c = client();
    const w = watch(c, "chat");
    FakeSocket.last.drop(4403);
    expect(w.sub.status).toBe("closed");
    expect(w.sub.error).toMatchObject({ code: "FORBIDDEN", closeCode: 4403 });
    timers.advance(60_000);
    win.fire("online");
    expect(FakeSocket.instances).toHaveLength(1);
    expect(await outcome(w.sub.send({}))).toEqual({
      rejected: expect.objectContaining({ code: "FORBIDDEN" }),
    });
    const later = watch(c, "chat");
    expect(later.sub.status).toBe("closed");
    expect(FakeSocket.instances).toHaveLength(1);
  });

  test("RATE_LIMITED or UNAVAILABLE on subscribe retries that subscription after a delay", () => {
    const c = client();
    const w = watch(c, "chat");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "err", id: socket.subId(), code: "UNAVAILABLE", message: "Layer down." });
    expect(w.sub.status).toBe("reconnecting");
    expect(w.sub.error?.code).toBe("UNAVAILABLE");
    timers.advance(125);
    expect(socket.sentOf("sub")).toHaveLength(2);
    socket.frame({ t: "ok", id: socket.subId(), cursor: "" });
    expect(w.sub.status).toBe("open");
    expect(w.sub.error).toBeUndefined();
  });

  test("NOT_FOUND or VALIDATION_FAILED on subscribe closes it with the error", () => {
    const c = client();
    const w = watch(c, "nope");
    const socket = FakeSocket.last;
    socket.accept();
    socket.frame({ t: "err", id: socket.subId(), code: "NOT_FOUND", message: "No channel." });
    expect(w.sub.status).toBe("closed");
    expect(w.sub.error).toBeInstanceOf(MizanChannelError);
    expect(w.sub.error?.code).toBe("NOT_FOUND");
  });

  test("an error about no subscription goes to onError", () => {
    const errors: MizanChannelError[] = [];
    const c = client({ onError: (error) => errors.push(error) });
    watch(c, "chat");
    FakeSocket.last.accept();
    FakeSocket.last.frame({ t: "err", code: "BAD_REQUEST", message: "Malformed frame." });
    expect(errors.map((e) => e.code)).toEqual(["BAD_REQUEST"]);
  });
});

describe("compareCursors", () => {
  test("orders numbers and Redis stream ids numerically, empty first", () => {
    expect(compareCursors("9", "10")).toBeLessThan(0);
    expect(compareCursors("10", "9")).toBeGreaterThan(0);
    expect(compareCursors("1700000000000-3", "1700000000000-12")).toBeLessThan(0);
    expect(compareCursors("1700000000001-0", "1700000000000-99")).toBeGreaterThan(0);
    expect(compareCursors("", "0")).toBeLessThan(0);
    expect(compareCursors("5", "5")).toBe(0);
    expect(compareCursors("b", "a")).toBeGreaterThan(0);
    // The memory layer's <epoch>-<n>: the count compared as a number within one epoch.
    expect(compareCursors("9f3a01-9", "9f3a01-10")).toBeLessThan(0);
    expect(compareCursors("9f3a01-100", "9f3a01-99")).toBeGreaterThan(0);
  });
});
