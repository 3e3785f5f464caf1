/**
 * The browser side of the channel wire (docs/protocol.md, "Channels"): the frames a server
 * sends, the error a channel operation rejects with, cursor order, the WebSocket URL and the
 * reconnect delay. No DOM or Node import: it runs wherever a WebSocket does.
 */
import { isRecord } from "../core/is-plain-object.js";

/**
 * A code a channel operation fails with: the server's (`FORBIDDEN`, `VALIDATION_FAILED`,
 * `RATE_LIMITED`, ...), or the client's own: `NETWORK_ERROR` (the socket closed before the
 * server answered: a message may or may not have been delivered) and `CLOSED` (the
 * subscription or the client was closed).
 */
export type ChannelErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "VALIDATION_FAILED"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL"
  | "NETWORK_ERROR"
  | "CLOSED";

const KNOWN_CODES = new Set<string>([
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "VALIDATION_FAILED",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
  "NETWORK_ERROR",
  "CLOSED",
]);

/**
 * What a channel's `send()` rejects with, and what a subscription reports as its `error`: the
 * server's `code`, `message` and `details` (a `VALIDATION_FAILED` carries the same details as
 * HTTP's 422), and the WebSocket close code when a close caused it.
 *
 * @example
 * try { await chat.send({ text }); }
 * catch (e) { if (isMizanChannelError(e) && e.code === "VALIDATION_FAILED") show(e.details); }
 */
export class MizanChannelError extends Error {
  readonly code: ChannelErrorCode;
  readonly details: unknown;
  /** The close code of the socket, when its closing caused this error. */
  readonly closeCode: number | undefined;

  constructor(
    code: ChannelErrorCode,
    message: string,
    details: unknown = null,
    closeCode?: number,
  ) {
    super(message);
    this.name = "MizanChannelError";
    this.code = code;
    this.details = details;
    this.closeCode = closeCode;
  }
}

/**
 * Whether `value` is a MizanChannelError.
 *
 * @example
 * chat.send({ text }).catch((e) => isMizanChannelError(e) && console.warn(e.code));
 */
export function isMizanChannelError(value: unknown): value is MizanChannelError {
  return value instanceof MizanChannelError;
}

/** A frame from the server, checked for the fields the client reads. */
export type ServerFrame =
  | { t: "ok"; id: string; cursor: string }
  | { t: "ev"; id: string; cursor: string; data: unknown }
  | { t: "ack"; id: string; ref: string }
  | { t: "gap"; id: string }
  | { t: "pong" }
  | {
      t: "err";
      id: string | undefined;
      ref: string | undefined;
      code: ChannelErrorCode;
      message: string;
      details: unknown;
    };

const str = (value: unknown): value is string => typeof value === "string";

/** The frame in `text`, or undefined when it is not one the client knows (ignored). */
export function parseFrame(text: unknown): ServerFrame | undefined {
  if (!str(text)) return undefined;
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(frame)) return undefined;
  const { t, id } = frame;
  switch (t) {
    case "ok":
      return str(id) ? { t, id, cursor: str(frame.cursor) ? frame.cursor : "" } : undefined;
    case "ev":
      return str(id) && str(frame.cursor)
        ? { t, id, cursor: frame.cursor, data: frame.data }
        : undefined;
    case "ack":
      return str(id) && str(frame.ref) ? { t, id, ref: frame.ref } : undefined;
    case "gap":
      return str(id) ? { t, id } : undefined;
    case "pong":
      return { t };
    case "err": {
      const code = str(frame.code) && KNOWN_CODES.has(frame.code) ? frame.code : "INTERNAL";
      return {
        t,
        id: str(id) ? id : undefined,
        ref: str(frame.ref) ? frame.ref : undefined,
        code: code as ChannelErrorCode,
        message: str(frame.message) ? frame.message : "The server refused.",
        details: frame.details ?? null,
      };
    }
    default:
      return undefined;
  }
}

const DIGITS = /^\d+$/;

/**
 * Orders two cursors of one group: negative when `a` came first. Cursors are opaque to the
 * app; the layers issue `<epoch>-<n>` (memory) or Redis stream ids (`"1700000000000-3"`).
 * They are compared part by part (split at `-`): parts of digits as integers, others as text.
 * `""` (no event yet) comes before every cursor.
 *
 * @example
 * compareCursors("9", "10"); // < 0
 * compareCursors("1700000000000-3", "1700000000000-12"); // < 0
 * compareCursors("a1f0-9", "a1f0-10"); // < 0
 */
export function compareCursors(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  const left = a.split("-");
  const right = b.split("-");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (DIGITS.test(x) && DIGITS.test(y)) return BigInt(x) < BigInt(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The page's channel socket URL: `url` as given, else `{basePath}/ws/` on the page's host
 * (`ws:` on http pages, `wss:` on https). A `basePath` that is a full http(s) URL keeps its
 * host.
 */
export function channelSocketUrl(options: {
  url?: string | undefined;
  basePath?: string | undefined;
}): string {
  if (options.url) return options.url;
  const base = (options.basePath ?? "/api/mizan").replace(/\/+$/, "");
  const location = (globalThis as { location?: { href: string } }).location;
  if (!location && !/^(https?|wss?):/i.test(base)) {
    throw new TypeError(
      "createChannelClient: no page location to derive the socket URL from; give `url` (e.g. ws://host/api/mizan/ws/).",
    );
  }
  const url = new URL(`${base}/ws/`, location?.href);
  if (url.protocol === "http:") url.protocol = "ws:";
  else if (url.protocol === "https:") url.protocol = "wss:";
  return url.href;
}

/** How long to wait before reconnect attempt `attempt` (0-based): full jitter, capped. */
export function backoffDelay(
  attempt: number,
  options: { initialMs: number; maxMs: number },
  random: () => number,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Why the socket's close (with `code`) failed what waited on it. */
export function closeError(code: number): MizanChannelError {
  switch (code) {
    case 4403:
      return new MizanChannelError(
        "FORBIDDEN",
        "The server refused this page's origin.",
        null,
        code,
      );
    case 4401:
      return new MizanChannelError(
        "UNAUTHENTICATED",
        "Sign in to subscribe to this channel.",
        null,
        code,
      );
    case 1009:
      return new MizanChannelError(
        "PAYLOAD_TOO_LARGE",
        "The server closed the connection: a frame was too large.",
        null,
        code,
      );
    default:
      return new MizanChannelError(
        "NETWORK_ERROR",
        "The connection closed before the server answered; a message sent may or may not have been delivered.",
        null,
        code,
      );
  }
}
