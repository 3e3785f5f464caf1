import { MizanError } from "../../core/errors.js";
import type { ChannelLayer } from "./layer.js";

export interface MemoryLayerOptions {
  /** Events kept per group for resuming subscribers (default 1000); older ones are trimmed. */
  historySize?: number;
}

type Listener = (cursor: string, event: unknown) => void;

interface Group {
  /** Sequence number of the newest event (0: none yet). */
  last: number;
  /** Ring buffer of the newest events; slot `seq % size` holds event `seq`. */
  readonly ring: Array<{ cursor: string; event: unknown } | undefined>;
  readonly listeners: Set<Listener>;
}

function randomEpoch(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A channel layer inside this process: each group keeps its newest `historySize` events in a
 * ring buffer. Cursors are `<epoch>-<n>`: `n` counts the group's events and the epoch is
 * random per layer, so a cursor from before a restart gets a `gap`, never wrong events. Events
 * travel as JSON (as they would between processes). For
 * one server process; use `redisLayer` (`mizan/redis`) across processes.
 *
 * @example
 * const channels = createChannels({ layer: memoryLayer({ historySize: 200 }) });
 */
export function memoryLayer(options: MemoryLayerOptions = {}): ChannelLayer {
  const size = options.historySize ?? 1000;
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError("memoryLayer: historySize must be a positive integer.");
  }
  const epoch = randomEpoch();
  const groups = new Map<string, Group>();
  let closed = false;

  const cursorOf = (seq: number): string => `${epoch}-${seq}`;
  /** The sequence number of one of our cursors; null for anything else. */
  const seqOf = (cursor: string): number | null => {
    const dash = cursor.lastIndexOf("-");
    if (dash < 0 || cursor.slice(0, dash) !== epoch) return null;
    const digits = cursor.slice(dash + 1);
    if (!/^\d{1,15}$/.test(digits)) return null;
    return Number(digits);
  };
  const groupOf = (name: string): Group => {
    let group = groups.get(name);
    if (!group) {
      group = { last: 0, ring: new Array(size), listeners: new Set() };
      groups.set(name, group);
    }
    return group;
  };
  const ensureOpen = (): void => {
    if (closed) throw new MizanError("UNAVAILABLE", "The channel layer is closed.");
  };

  return {
    async publish(name, given) {
      ensureOpen();
      // Stored and delivered as JSON, as a layer across processes must: a Date arrives as its
      // string, a later change to the publisher's object changes nothing, and a value that is
      // not JSON (a BigInt, a cycle) is refused here rather than on some other server.
      const text = JSON.stringify(given ?? null);
      const event: unknown = JSON.parse(text);
      const group = groupOf(name);
      group.last += 1;
      const cursor = cursorOf(group.last);
      group.ring[group.last % size] = { cursor, event };
      for (const listener of [...group.listeners]) {
        try {
          listener(cursor, event);
        } catch {
          // One failing listener must not keep the event from the others.
        }
      }
      return cursor;
    },

    subscribe(name, listener) {
      if (closed) return () => {};
      const group = groupOf(name);
      // A fresh function per call: subscribing the same listener twice gives two deliveries.
      const own: Listener = (cursor, event) => listener(cursor, event);
      group.listeners.add(own);
      return () => {
        group.listeners.delete(own);
        if (group.listeners.size === 0 && group.last === 0) groups.delete(name);
      };
    },

    async history(name, since) {
      ensureOpen();
      const group = groups.get(name);
      const last = group?.last ?? 0;
      // "" (and "0", as stream-based layers spell it) is before the group's first event.
      const from = since === "" || since === "0" ? 0 : seqOf(since);
      if (from === null || from > last) return { gap: true };
      const oldest = Math.max(1, last - size + 1);
      if (from < oldest - 1) return { gap: true };
      const events: Array<{ cursor: string; event: unknown }> = [];
      for (let seq = from + 1; seq <= last; seq++) {
        const item = group?.ring[seq % size];
        if (item) events.push(item);
      }
      return { events };
    },

    async latest(name) {
      ensureOpen();
      const last = groups.get(name)?.last ?? 0;
      return last === 0 ? "" : cursorOf(last);
    },

    async close() {
      closed = true;
      groups.clear();
    },
  };
}
