import { type ChannelErrorCode, MizanChannelError } from "./channel-wire.js";

/**
 * Where one subscription stands: `connecting` until the server first confirms it, `open`,
 * `reconnecting` after the socket dropped (it resubscribes from its last cursor), `forbidden`
 * when the server refused it for want of a user or a permission (it waits for
 * `client.reconnect()`, e.g. after signing in), `closed` for good (closed by the app, or
 * refused for another reason: see its `error`).
 */
export type ChannelStatus = "connecting" | "open" | "reconnecting" | "forbidden" | "closed";

/** The part of the WebSocket API the client uses: the browser's, or `ws`'s in Node. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Timers the client schedules with (reconnects, heartbeats): injectable for tests. */
export interface ChannelTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Something that fires `online` (a window) or `visibilitychange` (a document). */
export interface EventSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  visibilityState?: string;
}

export interface ChannelClientOptions {
  /** The socket URL; default `{basePath}/ws/` on the page's host (`ws:`/`wss:`). */
  url?: string;
  /** Where the mizan handler is mounted; default `/api/mizan`. */
  basePath?: string;
  /** Default: the global `WebSocket`; in Node, `ws`'s `WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /** Default: the global `setTimeout`/`clearTimeout`. */
  timers?: ChannelTimers;
  /** Default `Math.random` (the reconnect jitter). */
  random?: () => number;
  /** Reconnect delays: full jitter up to `initialMs * 2^attempt`, capped at `maxMs`. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** A `ping` this often; no answer by the next one drops the socket. Default 25 s; 0 = off. */
  pingMs?: number;
  /** How long the socket stays open after its last subscription closes. Default 1 s. */
  lingerMs?: number;
  /** Fires `online` (default: `window`); reconnects at once. */
  window?: EventSource | undefined;
  /** Fires `visibilitychange` (default: `document`); reconnects at once when visible. */
  document?: EventSource | undefined;
  /** Errors the server sends about no subscription (a malformed frame). */
  onError?: (error: MizanChannelError) => void;
}

/** What a subscriber hears; every callback is optional. */
export interface ChannelHandlers<E = unknown> {
  /** One event, once: replays after a reconnect skip the cursors already seen. */
  onEvent?(event: E, cursor: string): void;
  /** The server no longer has the events since the last cursor: refetch what they were about. */
  onGap?(): void;
  onStatus?(status: ChannelStatus, error: MizanChannelError | undefined): void;
  /** Start after this cursor (events after it are replayed), instead of from now. */
  since?: string | undefined;
}

/** One live subscription of a channel instance. */
export interface ChannelSubscription<M = unknown> {
  readonly status: ChannelStatus;
  readonly error: MizanChannelError | undefined;
  /** The last cursor seen (the subscribe point, then each event's). */
  readonly cursor: string | undefined;
  /**
   * Send a message to the channel's `receive`; resolves on the server's `ack`, rejects with a
   * MizanChannelError (the server's code, e.g. `VALIDATION_FAILED` with its details, or
   * `NETWORK_ERROR` when the socket closed first). Waits while (re)connecting.
   */
  send(message: M): Promise<void>;
  /** Unsubscribe; pending sends reject with `CLOSED`. */
  close(): void;
}

/** One WebSocket per page, carrying every subscription. */
export interface ChannelClient {
  subscribe<E = unknown, M = unknown>(
    name: string,
    params?: Record<string, unknown>,
    handlers?: ChannelHandlers<E>,
  ): ChannelSubscription<M>;
  /**
   * Try again now, e.g. after signing in: a wait for the next attempt ends, and when some
   * subscription is `forbidden` the socket is replaced (the server reads the user when a socket
   * opens), every subscription resuming from its cursor.
   */
  reconnect(): void;
  /** Close every subscription and the socket, for good. */
  close(): void;
}

export interface Waiter {
  resolve(): void;
  reject(error: MizanChannelError): void;
}

export interface Sub {
  name: string;
  params: Record<string, unknown>;
  handlers: ChannelHandlers<unknown>;
  status: ChannelStatus;
  error: MizanChannelError | undefined;
  cursor: string | undefined;
  /** The cursor of the last `ok`: where the server stood when it confirmed. */
  okCursor: string | undefined;
  /** The wire id on the current socket, once a `sub` frame went out. */
  id: string | undefined;
  /** The server confirmed `id` on the current socket. */
  confirmed: boolean;
  queue: Array<{ message: unknown } & Waiter>;
  retryAttempt: number;
  retryTimer: unknown;
}

export const RETRY_CODES = new Set<ChannelErrorCode>(["RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]);
export const AUTH_CODES = new Set<ChannelErrorCode>(["UNAUTHENTICATED", "FORBIDDEN"]);

export const isActive = (sub: Sub) => sub.status !== "forbidden" && sub.status !== "closed";

/** Run an app callback; its throw surfaces as an uncaught error without breaking the client. */
export function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** The error of a send on a closed subscription, or a subscribe on a closed client. */
export function closedError(what: "subscription" | "client"): MizanChannelError {
  return new MizanChannelError(
    "CLOSED",
    what === "client" ? "The channel client is closed." : "The subscription was closed.",
  );
}

/** A subscription's state before its first frame (closed at once when the client is). */
export function newSub(
  name: string,
  params: Record<string, unknown>,
  handlers: ChannelHandlers<unknown>,
  clientClosed: boolean,
): Sub {
  return {
    name,
    params,
    handlers,
    status: clientClosed ? "closed" : "connecting",
    error: clientClosed ? closedError("client") : undefined,
    cursor: handlers.since,
    okCursor: undefined,
    id: undefined,
    confirmed: false,
    queue: [],
    retryAttempt: 0,
    retryTimer: undefined,
  };
}

/** The app's handle on `sub`: live getters over its state, and its send/close. */
export function handleOf<M>(
  sub: Sub,
  send: (message: M) => Promise<void>,
  close: () => void,
): ChannelSubscription<M> {
  return {
    get status() {
      return sub.status;
    },
    get error() {
      return sub.error;
    },
    get cursor() {
      return sub.cursor;
    },
    send,
    close,
  };
}

export const globalTimers: ChannelTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

/** Move `sub` to `status` and tell its `onStatus` (unless nothing changed). */
export function setStatus(sub: Sub, status: ChannelStatus, error?: MizanChannelError): void {
  if (sub.status === status && sub.error === error) return;
  sub.status = status;
  sub.error = error;
  safely(() => sub.handlers.onStatus?.(status, error));
}

/** Reject every message still waiting to be sent on `sub`. */
export function failQueue(sub: Sub, error: MizanChannelError): void {
  for (const item of sub.queue.splice(0)) item.reject(error);
}
