/**
 * `mizan/redis`: a channel layer for several server processes sharing one Redis.
 *
 * History lives in one Redis stream per group (`XADD … MAXLEN ~ historySize`; a cursor is the
 * entry's stream id). Live fan-out goes through Redis pub/sub on a second, subscriber-only
 * connection: one Lua script appends the event to the stream and publishes `<id> <json>` in
 * the same atomic step, so every process sees the events of a group in stream order.
 * ioredis is an optional peer dependency: only this entry point imports it.
 */
import { createHash } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { MizanError } from "../core/errors.js";

import type { ChannelLayer } from "../server/channels/layer.js";

export interface RedisLayerOptions {
  /** A Redis URL (`redis://host:6379/0`); default `redis://127.0.0.1:6379`. Ignored with `client`. */
  url?: string | undefined;
  /**
   * Your own ioredis client for commands (it stays yours: `close()` leaves it open). The layer
   * subscribes on `client.duplicate()`, which it closes.
   */
  client?: Redis;
  /** Events kept per group for resuming (Redis trims approximately: it may keep a few more). */
  historySize?: number;
  /** Prefix of the stream keys and pub/sub channels: `<keyPrefix><group>`. */
  keyPrefix?: string;
  /** How long `publish` waits for the very first connection before answering UNAVAILABLE. */
  connectTimeoutMs?: number;
  /** A command that gets no reply in this time rejects with UNAVAILABLE. */
  commandTimeoutMs?: number;
  /** Connection errors (refused, reset…); the layer reconnects by itself. Default: ignored. */
  onError?: (error: Error) => void;
}

/** The script: XADD with approximate trimming, then PUBLISH "<id> <json>"; returns the id. */
const APPEND = `local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('PUBLISH', KEYS[1], id .. ' ' .. ARGV[2])
return id`;
const APPEND_SHA = createHash("sha1").update(APPEND).digest("hex");
/** A stream id as XADD makes them: `<ms>-<seq>`. */
const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

type Listener = (cursor: string, event: unknown) => void;

interface Group {
  readonly listeners: Set<Listener>;
  /** Redis confirmed the SUBSCRIBE on the current connection. */
  live: boolean;
  /** Reads waiting for `live`. */
  readonly waiters: Array<() => void>;
}

function unavailable(cause?: unknown): MizanError {
  return new MizanError("UNAVAILABLE", "The channel layer cannot reach Redis.", undefined, cause);
}

/** Rejects with UNAVAILABLE when `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable(new Error(`No reply in ${ms} ms.`))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `XINFO STREAM`'s flat reply as a map. */
function infoFields(reply: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!Array.isArray(reply)) return fields;
  for (let i = 0; i + 1 < reply.length; i += 2) fields.set(String(reply[i]), reply[i + 1]);
  return fields;
}

/** Orders two stream ids numerically (`ms`, then `seq`). */
function compareStreamIds(a: string, b: string): number {
  const [am = "0", as = "0"] = a.split("-");
  const [bm = "0", bs = "0"] = b.split("-");
  const ms = BigInt(am) - BigInt(bm);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(as) - BigInt(bs);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

/**
 * A `ChannelLayer` on Redis (ioredis): events published on any process reach the subscribers
 * of every process, and a client that reconnects with its cursor gets what it missed from
 * the group's stream (or `gap` when it was trimmed). While Redis is unreachable `publish`
 * rejects with `MizanError("UNAVAILABLE")` at once; when Redis is back, the layer reports a
 * gap for every group that has subscribers here (pub/sub does not replay what it dropped).
 *
 * @example
 * import { attachChannels } from "mizan/node";
 * import { createChannels } from "mizan/server";
 * import { redisLayer } from "mizan/redis";
 *
 * const channels = createChannels({ layer: redisLayer({ url: process.env.REDIS_URL }) });
 * attachChannels(server, { channels });
 */
export function redisLayer(options: RedisLayerOptions = {}): ChannelLayer {
  const historySize = options.historySize ?? 1000;
  if (!Number.isInteger(historySize) || historySize < 1) {
    throw new TypeError(`redisLayer: historySize must be a positive integer, got ${historySize}.`);
  }
  const prefix = options.keyPrefix ?? "mizan:ch:";
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 2_000;
  const onError = options.onError ?? (() => {});
  // No offline queue: a command issued while Redis is down fails now instead of waiting for a
  // reconnect that may never come; no resend of unanswered commands after a reconnect either.
  const own = {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: false,
    maxRetriesPerRequest: 0,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
  } satisfies RedisOptions;
  const ownsClient = !options.client;
  const client = options.client ?? new Redis(options.url ?? "redis://127.0.0.1:6379", own);
  const subscriber = options.client ? options.client.duplicate(own) : client.duplicate();
  client.on("error", onError);
  subscriber.on("error", onError);

  /** Groups with listeners in this process; `live` once Redis confirmed the SUBSCRIBE. */
  const groups = new Map<string, Group>();
  const gapListeners = new Set<(group: string) => void>();
  let closed = false;
  let subscriberWasReady = false;
  let subscriberLost = false;

  const ready = (redis: Redis): Promise<void> => {
    if (redis.status === "ready") return Promise.resolve();
    if (closed || redis.status === "end" || redis.status === "close") {
      return Promise.reject(unavailable());
    }
    // Still connecting (for the first time, or again): wait a short while, not forever.
    const reconnecting = redis.status === "reconnecting";
    const wait = new Promise<void>((resolve) => redis.once("ready", () => resolve()));
    return within(wait, reconnecting ? Math.min(250, connectTimeoutMs) : connectTimeoutMs);
  };

  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    if (closed) throw unavailable(new Error("The layer is closed."));
    await ready(client);
    try {
      return await within(command(), commandTimeoutMs);
    } catch (error) {
      if (error instanceof MizanError) throw error;
      if (error instanceof Error && /^(ERR|WRONGTYPE|NOSCRIPT)/.test(error.message)) throw error;
      throw unavailable(error);
    }
  };

  const markLive = (records: readonly Group[]): void => {
    for (const group of records) {
      if (group.live) continue;
      group.live = true;
      for (const wake of group.waiters.splice(0)) wake();
    }
  };

  const subscribeChannel = (name: string, group: Group): void => {
    subscriber.subscribe(prefix + name).then(
      () => {
        if (groups.get(name) === group) markLive([group]);
      },
      () => {
        // Down: the ready handler subscribes every group again once it is back.
      },
    );
  };

  subscriber.on("message", (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    const group = channel.slice(prefix.length);
    const set = groups.get(group)?.listeners;
    if (!set?.size) return;
    const space = message.indexOf(" ");
    if (space < 0) return;
    let event: unknown;
    try {
      event = JSON.parse(message.slice(space + 1));
    } catch {
      return;
    }
    const cursor = message.slice(0, space);
    for (const listener of [...set]) {
      try {
        listener(cursor, event);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });
  subscriber.on("close", () => {
    if (subscriberWasReady) subscriberLost = true;
    for (const group of groups.values()) group.live = false;
  });
  subscriber.on("ready", () => {
    const lost = subscriberLost;
    subscriberWasReady = true;
    subscriberLost = false;
    const names = [...groups.keys()];
    const records = [...groups.values()];
    if (!names.length) return;
    subscriber.subscribe(...names.map((name) => prefix + name)).then(
      () => {
        markLive(records.filter((group, i) => groups.get(names[i] as string) === group));
        if (!lost || closed) return;
        // Whatever was published while this connection was away never reached it.
        for (const name of names) {
          if (!groups.get(name)?.listeners.size) continue;
          for (const listener of [...gapListeners]) {
            try {
              listener(name);
            } catch (error) {
              onError(error instanceof Error ? error : new Error(String(error)));
            }
          }
        }
      },
      () => {
        // Lost again before the reply: the next ready tries again.
      },
    );
  });

  /**
   * Waits (briefly) until Redis confirmed this group's SUBSCRIBE: a read of the group after
   * `subscribe()` then cannot miss an event published in between.
   */
  const settled = async (name: string): Promise<void> => {
    const group = groups.get(name);
    if (!group || group.live || closed) return;
    // Lost after having been up: the read fails fast on its own; no point waiting here.
    if (subscriberWasReady && subscriber.status !== "ready") return;
    const live = new Promise<void>((resolve) => group.waiters.push(resolve));
    await within(live, commandTimeoutMs).catch(() => {});
  };

  const append = (key: string, json: string): Promise<unknown> =>
    client
      .evalsha(APPEND_SHA, 1, key, historySize, json)
      .catch((error: unknown) =>
        error instanceof Error && error.message.startsWith("NOSCRIPT")
          ? client.eval(APPEND, 1, key, historySize, json)
          : Promise.reject(error),
      );

  return {
    async publish(group, event) {
      const json = JSON.stringify(event ?? null);
      const id = await run(() => append(prefix + group, json));
      return String(id);
    },

    subscribe(name, listener) {
      if (closed) return () => {};
      let group = groups.get(name);
      if (!group) {
        group = { listeners: new Set(), live: false, waiters: [] };
        groups.set(name, group);
      }
      const first = group.listeners.size === 0;
      // A fresh function per call: the same listener subscribed twice is delivered to twice.
      const own: Listener = (cursor, event) => listener(cursor, event);
      group.listeners.add(own);
      if (first && !closed && subscriber.status === "ready") subscribeChannel(name, group);
      return () => {
        const current = groups.get(name);
        if (!current?.listeners.delete(own) || current.listeners.size) return;
        groups.delete(name);
        for (const wake of current.waiters.splice(0)) wake();
        if (!closed && subscriber.status === "ready") {
          subscriber.unsubscribe(prefix + name).catch(() => {});
        }
      };
    },

    async history(group, since) {
      const key = prefix + group;
      if (since !== "" && since !== "0" && !STREAM_ID.test(since)) return { gap: true };
      await settled(group);
      const [info, range] = await run(async () => {
        const replies = await client
          .multi()
          .xinfo("STREAM", key)
          .xrange(key, since === "" || since === "0" ? "-" : `(${since}`, "+")
          .exec();
        return [replies?.[0], replies?.[1]] as const;
      });
      if (info?.[0]) {
        // No stream: nothing was ever published, or Redis lost it (restarted without saving).
        return since === "" || since === "0" ? { events: [] } : { gap: true };
      }
      if (range?.[0]) throw range[0];
      const fields = infoFields(info?.[1]);
      const length = Number(fields.get("length") ?? 0);
      const added = Number(fields.get("entries-added") ?? Number.NaN);
      // Trimmed at some point: entries-added (Redis ≥ 7) counts every XADD; on older servers
      // approximate trimming never leaves fewer than historySize entries behind.
      const trimmed = Number.isNaN(added) ? length >= historySize : added > length;
      const first = Array.isArray(fields.get("first-entry"))
        ? String((fields.get("first-entry") as unknown[])[0])
        : "";
      if (trimmed && first && (since === "" || compareStreamIds(since, first) < 0)) {
        return { gap: true };
      }
      // A cursor this stream never handed out (another Redis, or one that lost its data).
      const lastId = String(fields.get("last-generated-id") ?? "");
      if (since !== "" && since !== "0" && lastId && compareStreamIds(since, lastId) > 0) {
        return { gap: true };
      }
      const entries = (range?.[1] ?? []) as Array<[string, string[]]>;
      const events: Array<{ cursor: string; event: unknown }> = [];
      for (const [id, pairs] of entries) {
        const at = pairs.indexOf("e");
        if (at < 0 || at + 1 >= pairs.length) continue;
        try {
          events.push({ cursor: id, event: JSON.parse(pairs[at + 1] as string) });
        } catch {
          // Not written by this layer: skipped.
        }
      }
      return { events };
    },

    async latest(group) {
      await settled(group);
      const last = await run(() => client.xrevrange(prefix + group, "+", "-", "COUNT", 1));
      return last[0]?.[0] ?? "";
    },

    onGap(listener) {
      gapListeners.add(listener);
      return () => {
        gapListeners.delete(listener);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const group of groups.values()) for (const wake of group.waiters.splice(0)) wake();
      groups.clear();
      gapListeners.clear();
      const quit = async (redis: Redis) => {
        try {
          if (redis.status === "ready") await within(redis.quit(), commandTimeoutMs);
        } catch {}
        redis.disconnect();
      };
      await Promise.all([quit(subscriber), ownsClient ? quit(client) : Promise.resolve()]);
    },
  };
}
