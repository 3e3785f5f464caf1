/**
 * redisLayer against a real redis-server started for this file (Debian's binary on a free
 * loopback port). Two layer instances stand for two processes: each has its own connections.
 */
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { MizanError } from "../../src/core/errors.js";
import { redisLayer } from "../../src/redis/index.js";
import { findRedisServer, type RedisServer, startRedisServer } from "../helpers/redis-server.js";

type Layer = ReturnType<typeof redisLayer>;

let redis: RedisServer;
const open: Layer[] = [];
let groupCount = 0;
/** A group name no other test uses (the server is shared by the file). */
const freshGroup = () => `room-${++groupCount}`;

function layer(options: Parameters<typeof redisLayer>[0] = {}): Layer {
  const made = redisLayer({ url: redis.url, ...options });
  open.push(made);
  return made;
}

/** Resolves with the next `count` deliveries to a new subscription. */
function collect(l: Layer, group: string, count: number) {
  const received: Array<{ cursor: string; event: unknown }> = [];
  let unsubscribe = () => {};
  const done = new Promise<typeof received>((resolve) => {
    unsubscribe = l.subscribe(group, (cursor, event) => {
      received.push({ cursor, event });
      if (received.length === count) resolve(received);
    });
  });
  return { received, done, unsubscribe: () => unsubscribe() };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

afterAll(async () => {
  await redis?.stop();
});

describe("publish, subscribe, latest", () => {
  test("an event published on one layer reaches the subscribers of another, in order, with its cursor", async () => {
    const a = layer();
    const b = layer();
    const group = freshGroup();
    const sink = collect(a, group, 3);
    await a.latest(group); // the subscription is live once a read of the group returns
    const cursors = [
      await b.publish(group, { n: 1 }),
      await b.publish(group, { n: 2, text: "é ✓" }),
      await a.publish(group, { n: 3 }),
    ];
    expect(await sink.done).toEqual([
      { cursor: cursors[0], event: { n: 1 } },
      { cursor: cursors[1], event: { n: 2, text: "é ✓" } },
      { cursor: cursors[2], event: { n: 3 } },
    ]);
    expect(await b.latest(group)).toBe(cursors[2]);
  });

  test("latest is empty for a group nobody published to", async () => {
    expect(await layer().latest(freshGroup())).toBe("");
  });

  test("events stay in their group and under their key prefix", async () => {
    const a = layer();
    const other = layer({ keyPrefix: "other-app:" });
    const group = freshGroup();
    const sameName = collect(other, group, 1);
    const otherGroup = collect(a, freshGroup(), 1);
    const mine = collect(a, group, 1);
    await Promise.all([a.latest(group), other.latest(group)]);
    const cursor = await a.publish(group, "hello");
    expect(await mine.done).toEqual([{ cursor, event: "hello" }]);
    await other.publish(group, "theirs");
    expect(await sameName.done).toEqual([{ cursor: expect.any(String), event: "theirs" }]);
    expect(otherGroup.received).toEqual([]);
    expect(mine.received).toHaveLength(1);
  });

  test("after unsubscribe a listener gets nothing; other listeners of the group still do", async () => {
    const a = layer();
    const group = freshGroup();
    const leaving = collect(a, group, 1);
    const staying = collect(a, group, 2);
    await a.latest(group);
    await a.publish(group, 1);
    await leaving.done;
    leaving.unsubscribe();
    await a.publish(group, 2);
    expect((await staying.done).map((r) => r.event)).toEqual([1, 2]);
    expect(leaving.received.map((r) => r.event)).toEqual([1]);
  });

  test("the same listener subscribed twice is called twice, and each unsubscribe removes one", async () => {
    const a = layer();
    const group = freshGroup();
    const seen: unknown[] = [];
    const listener = (_cursor: string, event: unknown) => seen.push(event);
    const first = a.subscribe(group, listener);
    a.subscribe(group, listener);
    await a.latest(group);
    await a.publish(group, "x");
    await until(() => seen.length === 2, "two deliveries");
    first();
    const witness = collect(a, group, 1);
    await a.publish(group, "y");
    await witness.done;
    expect(seen).toEqual(["x", "x", "y"]);
  });
});

describe("history", () => {
  test("replays what came after a cursor, without it; '' replays everything kept", async () => {
    const a = layer();
    const group = freshGroup();
    const cursors: string[] = [];
    for (let n = 1; n <= 5; n++) cursors.push(await a.publish(group, { n }));
    expect(await a.history(group, cursors[1] as string)).toEqual({
      events: [3, 4, 5].map((n) => ({ cursor: cursors[n - 1], event: { n } })),
    });
    expect(await a.history(group, cursors[4] as string)).toEqual({ events: [] });
    const all = await layer().history(group, "");
    expect("events" in all && all.events.map((e) => e.cursor)).toEqual(cursors);
  });

  test("a cursor older than the oldest kept event is a gap; a recent one still replays", async () => {
    const a = layer({ historySize: 10 });
    const group = freshGroup();
    const cursors: string[] = [];
    // MAXLEN ~ trims whole stream nodes (100 entries by default): publish well past that.
    for (let n = 0; n < 250; n++) cursors.push(await a.publish(group, n));
    expect(await a.history(group, cursors[0] as string)).toEqual({ gap: true });
    expect(await a.history(group, "")).toEqual({ gap: true });
    const recent = await a.history(group, cursors[244] as string);
    expect(recent).toEqual({
      events: [245, 246, 247, 248, 249].map((n) => ({ cursor: cursors[n], event: n })),
    });
  });

  test("a cursor that is not one of the stream's ids is a gap, not an error", async () => {
    const a = layer();
    const group = freshGroup();
    await a.publish(group, 1);
    // The last one is well-formed but newer than anything this stream handed out.
    for (const since of ["garbage", "1-2-3", "(0", "-", "+", "9".repeat(40), "99999999999999-0"]) {
      expect(await a.history(group, since)).toEqual({ gap: true });
    }
  });

  test("an empty group replays nothing", async () => {
    expect(await layer().history(freshGroup(), "")).toEqual({ events: [] });
  });
});

describe("Redis going away and coming back", () => {
  test("publish answers UNAVAILABLE while Redis is down; subscribed groups get a gap when it is back, then live events again", async () => {
    const a = layer();
    const b = layer();
    const watched = freshGroup();
    const unwatched = freshGroup();
    const gaps: string[] = [];
    a.onGap?.((group) => gaps.push(group));
    const before = collect(a, watched, 1);
    await a.latest(watched);
    const cursor = await b.publish(watched, "before");
    await before.done;

    await redis.stop();
    // A new subscriber's first read (what the engine does on `sub`) fails like a publish.
    const lateGroup = freshGroup();
    const late = a.subscribe(lateGroup, () => {});
    const failures = await Promise.allSettled([
      b.publish(watched, "during"),
      a.publish(unwatched, "during"),
      b.latest(watched),
      a.latest(lateGroup),
      a.history(lateGroup, ""),
    ]);
    late();
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      const reason = (failure as PromiseRejectedResult).reason as MizanError;
      expect(reason).toBeInstanceOf(MizanError);
      expect(reason.code).toBe("UNAVAILABLE");
    }

    await redis.start();
    await until(() => gaps.length > 0, "the gap after Redis came back");
    expect(gaps).toEqual([watched]);
    // This Redis saves nothing: the old cursor's history is gone, which is a gap too.
    expect(await b.history(watched, cursor)).toEqual({ gap: true });

    const after = collect(a, watched, 1);
    await until(async () => {
      try {
        await b.publish(watched, "after");
        return true;
      } catch {
        return false;
      }
    }, "publish to work again");
    expect((await after.done).map((r) => r.event)).toEqual(["after"]);
  }, 30_000);
});

describe("close", () => {
  test("quits both of its connections; a client passed in stays open", async () => {
    const admin = new Redis(redis.url);
    try {
      const clients = async () =>
        String(await admin.client("LIST"))
          .trim()
          .split("\n").length;
      // Every other test's layer is closed: only this admin connection is left.
      await until(async () => (await clients()) === 1, "the other tests' connections to close");
      const baseline = 1;
      const own = redisLayer({ url: redis.url });
      const group = freshGroup();
      own.subscribe(group, () => {});
      await own.latest(group);
      expect(await clients()).toBe(baseline + 2);
      await own.close();
      await until(async () => (await clients()) === baseline, "both connections to close");
      await expect(own.publish(group, 1)).rejects.toMatchObject({ code: "UNAVAILABLE" });

      const mine = new Redis(redis.url);
      const shared = redisLayer({ client: mine });
      await shared.publish(group, 1);
      await shared.close();
      expect(await mine.ping()).toBe("PONG");
      await mine.quit();
    } finally {
      await admin.quit();
    }
  });

  test("historySize must be a positive integer", () => {
    expect(() => redisLayer({ url: redis.url, historySize: 0 })).toThrow(/historySize/);
  });
});

describe("the redis-server harness", () => {
  test("without a redis-server it fails with the command that installs one", async () => {
    const env = { ...process.env, REDIS_SERVER_PATH: "/nonexistent/redis-server" };
    expect(findRedisServer(env)).toBe(null);
    await expect(startRedisServer({ env })).rejects.toThrow(
      /no redis-server at \/nonexistent\/redis-server[\s\S]*apt-get install -y redis-server/,
    );
  });
});
