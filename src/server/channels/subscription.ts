import type { AnyChannel } from "../../core/channel.js";
import { MizanError } from "../../core/errors.js";
import type { EncodedEvent, EventMemo, Sink } from "./hub.js";
import type { ChannelLayer } from "./layer.js";
import { encodeEvent } from "./protocol.js";

/** One subscription of a socket, from its `sub` frame until it is dropped. */
export interface Subscription {
  readonly id: string;
  readonly idJson: string;
  readonly name: string;
  readonly channel: AnyChannel;
  params: unknown;
  group: string;
  /** Resolves true when live, false when the subscribe failed or was cancelled. */
  ready: Promise<boolean>;
  live: boolean;
  cancelled: boolean;
  off: () => void;
  /** Messages are handled one after another, in arrival order. */
  queue: Promise<void>;
  pending: number;
}

/** An `ev` frame's text; `data` is already JSON. */
export function evFrame(idJson: string, cursor: string, data: string): string {
  return `{"t":"ev","id":${idJson},"cursor":${JSON.stringify(cursor)},"data":${data}}`;
}

/**
 * Where a new subscription starts: without `since`, at the group's latest cursor; with it,
 * after `since` with the events to replay, or at the latest cursor after a gap. A layer that
 * fails is `UNAVAILABLE`.
 */
export async function startPosition(
  layer: ChannelLayer,
  group: string,
  since: string | undefined,
): Promise<{ cursor: string; replay: Array<{ cursor: string; event: unknown }>; gap: boolean }> {
  try {
    if (since === undefined) return { cursor: await layer.latest(group), replay: [], gap: false };
    const history = await layer.history(group, since);
    if ("gap" in history) return { cursor: await layer.latest(group), replay: [], gap: true };
    return { cursor: since, replay: history.events, gap: false };
  } catch (error) {
    throw error instanceof MizanError && error.code === "UNAVAILABLE"
      ? error
      : new MizanError("UNAVAILABLE", undefined, undefined, error);
  }
}

/** The event checked and serialised for one channel; null (reported) when it fails the schema. */
function encodeFor(
  sub: Subscription,
  cursor: string,
  event: unknown,
  io: { report(error: unknown, fn: string | null): void },
): EncodedEvent | null {
  const data = encodeEvent(sub.channel, event);
  if (typeof data !== "string") {
    const message = `An event published to "${sub.group}" does not match the "${sub.name}" event schema.`;
    io.report(new TypeError(message, { cause: data }), sub.name);
    return null;
  }
  return { data, tail: `,"cursor":${JSON.stringify(cursor)},"data":${data}}`, frames: new Map() };
}

/**
 * The hub sink of a subscription: each event checked against the channel's schema (once per
 * channel and event, through the memo), held in `buffer` until the subscription is live.
 */
export function createSink(
  sub: Subscription,
  buffer: Array<[string, string]>,
  io: {
    isClosed(): boolean;
    send(text: string): void;
    report(error: unknown, fn: string | null): void;
  },
): Sink {
  return {
    event(cursor: string, event: unknown, memo: EventMemo) {
      if (sub.cancelled || io.isClosed()) return;
      let encoded = memo.get(sub.channel);
      if (encoded === undefined) {
        encoded = encodeFor(sub, cursor, event, io);
        memo.set(sub.channel, encoded);
      }
      if (encoded === null) return;
      if (!sub.live) {
        buffer.push([cursor, encoded.data]);
        return;
      }
      // Subscribers of one channel that picked the same id get the very same frame text.
      let frame = encoded.frames.get(sub.idJson);
      if (frame === undefined) {
        frame = `{"t":"ev","id":${sub.idJson}${encoded.tail}`;
        encoded.frames.set(sub.idJson, frame);
      }
      io.send(frame);
    },
    gap() {
      if (sub.live && !sub.cancelled) io.send(`{"t":"gap","id":${sub.idJson}}`);
    },
  };
}
