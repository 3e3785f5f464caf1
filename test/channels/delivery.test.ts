import { afterEach, describe, expect, test } from "vitest";
import { createChannels, memoryLayer } from "../../src/server/index.js";
import { channelRegistry } from "./fixtures.js";
import { type Frame, roundTrip, startServer, TestClient } from "./helpers.js";

type Started = Awaited<ReturnType<typeof startServer>>;
let app: Started | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await app?.close();
  app = undefined;
});

/** Wait until a condition holds (checked every 10 ms). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function client(url: string): TestClient {
  const c = new TestClient(url);
  clients.push(c);
  return c;
}

const numbers = (frames: Frame[], id: string) =>
  frames.filter((f) => f.t === "ev" && f.id === id).map((f) => (f.data as { n: number }).n);

describe("delivery", () => {
  test("resume: a socket dropped mid-stream resubscribes with since and misses nothing, twice nothing", async () => {
    const channels = createChannels({ registry: channelRegistry() });
    app = await startServer({ channels });
    const first = client(app.wsUrl);
    await first.sub("f", "feed");
    let published = 0;
    const publishSome = async (count: number) => {
      for (let i = 0; i < count; i++) await channels.publish("feed", { n: ++published });
    };
    await publishSome(5);
    await first.next((f) => f.t === "ev" && (f.data as { n: number }).n === 5);
    const seen = numbers(first.frames, "f");
    const last = first.frames.filter((f) => f.t === "ev").at(-1)?.cursor as string;
    // The socket drops; events keep coming while it is away.
    first.ws.terminate();
    await first.closed;
    const publishing = publishSome(20);
    const second = client(app.wsUrl);
    const ok = await second.sub("f", "feed", {}, last);
    expect(ok).toEqual({ t: "ok", id: "f", cursor: last });
    await publishing;
    await publishSome(5);
    await second.next((f) => f.t === "ev" && (f.data as { n: number }).n === 30);
    await roundTrip(second);
    const all = [...seen, ...numbers(second.frames, "f")];
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await channels.close();
  });

  test("a slow consumer is closed with 4008 while a fast one keeps receiving", async () => {
    const channels = createChannels({
      registry: channelRegistry(),
      layer: memoryLayer({ historySize: 4 }),
    });
    app = await startServer({
      channels,
      slowConsumer: { maxBufferedBytes: 64 * 1024, graceMs: 0 },
    });
    const fast = client(app.wsUrl);
    const slow = client(app.wsUrl);
    await fast.sub("f", "room", { room: "big" });
    await slow.sub("s", "room", { room: "big" });
    // The slow client stops reading: its socket buffers fill, then the server's.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = { from: "server", text: "x".repeat(180) };
    let sent = 0;
    // Every other event is 512 KiB (the event schema caps nothing on the way out).
    const payload = { from: "server", text: "y".repeat(512 * 1024) };
    while (app.attached.size === 2 && sent < 400) {
      await channels.publish("room:big", sent % 2 ? payload : big);
      sent += 1;
      await fast.next((f) => f.t === "ev" && f.id === "f" && fast.events("f").length === sent);
    }
    expect(app.attached.size).toBe(1);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toEqual({ code: 4008, reason: "Too slow a consumer." });
    // The fast one got every event and is still served; the slow one nothing after its close.
    expect(fast.events("f")).toHaveLength(sent);
    await channels.publish("room:big", big);
    await fast.next((f) => f.t === "ev" && fast.events("f").length === sent + 1);
    expect(slow.events("s").length).toBeLessThanOrEqual(sent);
    await channels.close();
  }, 30_000);

  test("the heartbeat cuts a peer that stops answering pings", async () => {
    app = await startServer({ registry: channelRegistry(), heartbeatMs: 200 });
    const live = client(app.wsUrl);
    const dead = client(app.wsUrl);
    await live.sub("f", "feed");
    await dead.sub("f", "feed");
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await until(() => app?.attached.size === 1);
    (dead.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await dead.closed).code).toBe(1006);
    // A peer that answers pings stays.
    await roundTrip(live);
    expect(live.ws.readyState).toBe(live.ws.OPEN);
  });

  test("close() ends every socket with 1001 and refuses new ones", async () => {
    const started = await startServer({ registry: channelRegistry() });
    const c = client(started.wsUrl);
    await c.sub("f", "feed");
    await started.attached.close();
    expect(await c.closed).toEqual({ code: 1001, reason: "Server shutting down." });
    expect(started.attached.size).toBe(0);
    await started.close();
  });
  // Sockets, servers and timers that keep the process alive (the heartbeat and close timers
  // are unref'd: they never hold a process open, and close() clears them).
  test("close() leaves nothing that keeps the process alive", async () => {
    const handles = () =>
      process
        .getActiveResourcesInfo()
        .filter((kind) => /Timeout|TCP|Pipe/.test(kind))
        .sort();
    const before = handles();
    const started = await startServer({ registry: channelRegistry() });
    const a = new TestClient(started.wsUrl);
    const b = new TestClient(started.wsUrl);
    await a.sub("f", "feed");
    await b.sub("r", "room", { room: "x" });
    // One socket was closed by the engine (4401), the other is open when the server stops.
    b.send({ t: "sub", id: "i", ch: "inbox" });
    await b.closed;
    await started.close();
    await a.closed;
    // Nothing new is left (a handle of an earlier test may have gone meanwhile). libuv
    // releases a closed server's handle a few turns later: wait up to a second for it.
    const extra = () => {
      const left = [...before];
      return handles().filter((kind) => {
        const at = left.indexOf(kind);
        if (at < 0) return true;
        left.splice(at, 1);
        return false;
      });
    };
    for (let i = 0; i < 100 && extra().length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(extra()).toEqual([]);
  });
});
