import type { ChannelLayer } from "./layer.js";

/**
 * Per-event scratch space shared by every local subscriber of one event, so that subscribers
 * of the same channel validate and serialise it once (keyed by whatever the sink chooses;
 * `null`: the event failed that channel's schema).
 */
export type EventMemo = Map<unknown, EncodedEvent | null>;

/** One event as one channel sends it: the frame's text after the id, and each id's frame. */
export interface EncodedEvent {
  /** The event as the channel's schema parsed it, as JSON text. */
  readonly data: string;
  /** `,"cursor":…,"data":…}`: serialised once per event and channel. */
  readonly tail: string;
  /** Whole `ev` frames by the subscription id's JSON text (pages reuse ids: `s1`, `s2`…). */
  readonly frames: Map<string, string>;
}

/** One local subscriber of a group. */
export interface Sink {
  event(cursor: string, event: unknown, memo: EventMemo): void;
  /** The layer lost events of the group. */
  gap(): void;
}

/**
 * Fans a layer's events out to this process's subscribers: one layer subscription per group,
 * however many sockets follow it, dropped when the last one leaves.
 */
export class Hub {
  readonly #layer: ChannelLayer;
  readonly #groups = new Map<string, { off: () => void; sinks: Set<Sink> }>();
  readonly #offGap: (() => void) | undefined;

  constructor(layer: ChannelLayer) {
    this.#layer = layer;
    this.#offGap = layer.onGap?.((group) => {
      for (const sink of [...(this.#groups.get(group)?.sinks ?? [])]) sink.gap();
    });
  }

  /** Follow a group; returns the function that stops following it. */
  add(group: string, sink: Sink): () => void {
    let entry = this.#groups.get(group);
    if (!entry) {
      const sinks = new Set<Sink>();
      const off = this.#layer.subscribe(group, (cursor, event) => {
        const memo: EventMemo = new Map();
        for (const each of [...sinks]) {
          try {
            each.event(cursor, event, memo);
          } catch {
            // A sink handles its own errors; one failing must not starve the others.
          }
        }
      });
      entry = { off, sinks };
      this.#groups.set(group, entry);
    }
    entry.sinks.add(sink);
    const current = entry;
    return () => {
      if (!current.sinks.delete(sink) || current.sinks.size > 0) return;
      if (this.#groups.get(group) === current) this.#groups.delete(group);
      current.off();
    };
  }

  /** How many groups this process follows (for tests and metrics). */
  get size(): number {
    return this.#groups.size;
  }

  /** Stop following every group. */
  clear(): void {
    for (const entry of this.#groups.values()) entry.off();
    this.#groups.clear();
    this.#offGap?.();
  }
}
