/**
 * The channel client against the real server: `attachChannels` on a node:http server on a
 * loopback port, with `ws`'s WebSocket standing in for the browser's.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import {
  type ChannelClientOptions,
  type ChannelStatus,
  createChannelClient,
  type WebSocketConstructor,
} from "../../src/client/index.js";
import { channelRegistry, headerUser } from "../channels/fixtures.js";
import { startServer } from "../channels/helpers.js";
import { FakeEvents } from "./channel-fakes.js";

type Started = Awaited<ReturnType<typeof startServer>>;
type Said = { from: string; text: string };

let app: Started;
const clients: Array<{ close(): void }> = [];
/** Every `ws` socket the clients opened, so a test can cut one as a network would. */
const sockets: WebSocket[] = [];

beforeAll(async () => {
  app = await startServer({ registry: channelRegistry(), getUser: headerUser, onError: () => {} });
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of sockets) s.terminate();
  await app.close();
});

/** `ws`'s WebSocket with these upgrade headers (a signed-in user, a page's Origin). */
function socketWith(headers: Record<string, string> = {}): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
      sockets.push(this);
      this.on("error", () => {});
    }
  } as unknown as WebSocketConstructor;
}

function client(headers: Record<string, string> = {}, extra: ChannelClientOptions = {}) {
  const c = createChannelClient({
    url: app.wsUrl,
    WebSocket: socketWith(headers),
    backoff: { initialMs: 20, maxMs: 100 },
    window: new FakeEvents(),
    document: new FakeEvents(),
    ...extra,
  });
  clients.push(c);
  return c;
}

function watch(c: ReturnType<typeof client>, name: string, params: Record<string, unknown>) {
  const events: Said[] = [];
  const statuses: ChannelStatus[] = [];
  const sub = c.subscribe<Said, { text: string }>(name, params, {
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
  });
  return { sub, events, statuses };
}

const opened = (w: { sub: { status: ChannelStatus } }) =>
  expect.poll(() => w.sub.status, { timeout: 5000 }).toBe("open");

describe("the channel client against attachChannels", () => {
  test("two pages in one room: a message sent in one reaches both, acknowledged", async () => {
    const ada = watch(client({ "x-user": "ada" }), "room", { room: "lobby" });
    const bob = watch(client(), "room", { room: "lobby" });
    const elsewhere = watch(client(), "room", { room: "kitchen" });
    await Promise.all([opened(ada), opened(bob), opened(elsewhere)]);
    await ada.sub.send({ text: "hello" });
    await expect.poll(() => bob.events).toEqual([{ from: "ada", text: "hello" }]);
    await expect.poll(() => ada.events).toEqual([{ from: "ada", text: "hello" }]);
    await bob.sub.send({ text: "hi ada" });
    await expect.poll(() => ada.events.at(-1)).toEqual({ from: "anonymous", text: "hi ada" });
    expect(elsewhere.events).toEqual([]);
  });

  test("an invalid message rejects with VALIDATION_FAILED and the field's details", async () => {
    const w = watch(client(), "room", { room: "checks" });
    await opened(w);
    const error = await w.sub.send({ text: "" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "MizanChannelError", code: "VALIDATION_FAILED" });
    expect(
      (error as { details: { fields: Record<string, unknown> } }).details.fields,
    ).toHaveProperty("text");
    expect(w.sub.status).toBe("open");
  });

  test("a refused room is forbidden; an unknown channel is closed with NOT_FOUND", async () => {
    const c = client();
    const secret = watch(c, "room", { room: "secret" });
    const missing = watch(c, "nope", {});
    await expect.poll(() => secret.sub.status).toBe("forbidden");
    expect(secret.sub.error?.code).toBe("FORBIDDEN");
    await expect.poll(() => missing.sub.status).toBe("closed");
    expect(missing.sub.error?.code).toBe("NOT_FOUND");
  });

  test("a channel that needs a user: forbidden once, no reconnect storm; the others carry on", async () => {
    const before = sockets.length;
    const c = client();
    const room = watch(c, "room", { room: "patient" });
    await opened(room);
    const inbox = watch(c, "inbox", {});
    await expect.poll(() => inbox.sub.status).toBe("forbidden");
    expect(inbox.sub.error?.code).toBe("UNAUTHENTICATED");
    // The server closed the socket (4401); the room subscription came back on a new one.
    await expect.poll(() => room.statuses).toEqual(["open", "reconnecting", "open"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sockets.length - before).toBe(2);
    await app.attached.channels.publish("room:patient", { from: "system", text: "still here" });
    await expect.poll(() => room.events).toEqual([{ from: "system", text: "still here" }]);
  });

  test("a cut connection resumes from the last cursor: missed events once, no duplicates", async () => {
    // A long wait before reconnecting, ended by the page coming back online.
    const win = new FakeEvents();
    const c = client({}, { backoff: { initialMs: 60_000 }, random: () => 1, window: win });
    const w = watch(c, "room", { room: "resume" });
    await opened(w);
    const publish = (text: string) =>
      app.attached.channels.publish("room:resume", { from: "system", text });
    await publish("one");
    await expect.poll(() => w.events.length).toBe(1);
    sockets.at(-1)?.terminate();
    await expect.poll(() => w.sub.status).toBe("reconnecting");
    await publish("two");
    await publish("three");
    win.fire("online");
    await opened(w);
    await publish("four");
    await expect.poll(() => w.events.map((e) => e.text)).toEqual(["one", "two", "three", "four"]);
    expect(w.statuses).toEqual(["open", "reconnecting", "open"]);
  });

  test("a page on a foreign origin is refused (4403) and stops", async () => {
    const before = sockets.length;
    const w = watch(client({ origin: "https://evil.example" }), "room", { room: "lobby" });
    await expect.poll(() => w.sub.status).toBe("closed");
    expect(w.sub.error).toMatchObject({ code: "FORBIDDEN", closeCode: 4403 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets.length - before).toBe(1);
  });
});
