import type { AnyChannel } from "../../core/channel.js";
import type { App, User } from "../../core/context.js";
import type { OnError } from "../../core/dispatch.js";
import type { Registry } from "../../core/registry.js";
import type { Hub } from "./hub.js";
import type { ChannelLayer } from "./layer.js";

/** The socket as the engine sees it: any WebSocket library fits behind these three. */
export interface Peer {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued for sending and not yet written to the network. */
  bufferedAmount(): number;
}

/** Who is on the other end, resolved once when the socket opened. */
export interface ConnectionInit {
  /**
   * The upgrade request (URL and headers), seen by hooks as `ctx.request`; or a function that
   * builds it, called the first time a hook (or `onError`) needs it, so that an idle socket
   * does not hold a `Request` for its whole life.
   */
  request: Request | (() => Request);
  /** `getUser(request)` at upgrade time; `null` when anonymous. */
  user: User | null;
}

export interface EngineOptions {
  /** Inbound frames per socket: a token bucket (default 20 per second, bursts of 40). */
  rate?: { messagesPerSecond: number; burst: number };
  /**
   * Close with 4008 a socket whose unsent bytes stay over `maxBufferedBytes` for `graceMs`, or
   * at once when they pass four times `maxBufferedBytes`.
   */
  slowConsumer?: { maxBufferedBytes: number; graceMs: number };
  /** Live subscriptions per socket (default 100). */
  maxSubscriptions?: number;
  /** `ctx.app` in the hooks. */
  app?: App;
  /** Told about errors thrown by hooks and events that fail their schema (default `console.error`). */
  onError?: OnError;
}

/** One socket's protocol state. */
export interface ChannelConnection {
  /** Handle one inbound text frame. Never throws; never rejects. */
  receive(text: string): void;
  /** The socket went away: drop its subscriptions. */
  close(): void;
  /** Check the slow-consumer rule now (adapters call this on a timer). */
  check(): void;
}

/** What the engine needs from its `Channels`. */
export interface EngineDeps {
  registry: Registry;
  layer: ChannelLayer;
  hub: Hub;
}

export const DEFAULT_RATE = { messagesPerSecond: 20, burst: 40 };
export const DEFAULT_SLOW_CONSUMER = { maxBufferedBytes: 1024 * 1024, graceMs: 10_000 };

/** WebSocket close codes of the protocol (docs/protocol.md#channels). */
export const CLOSE = {
  goingAway: 1001,
  unauthenticated: 4401,
  badOrigin: 4403,
  slowConsumer: 4008,
} as const;

export const defaultOnError: OnError = (error, { fn }) => {
  console.error(`[mizan] channel error${fn ? ` in "${fn}"` : ""}:`, error);
};

/** The event as the wire's `data` text: parsed by the channel's schema; null if it fails. */
export function encodeEvent(channel: AnyChannel, event: unknown): string | Error {
  try {
    const parsed = channel.event.safeParse(event);
    if (!parsed.success) return parsed.error;
    const text = JSON.stringify(parsed.data);
    return text === undefined ? new TypeError("The event is not JSON.") : text;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
