import {
  AUTH_CODES,
  type ChannelClient,
  type ChannelClientOptions,
  type ChannelHandlers,
  type ChannelTimers,
  closedError,
  type EventSource,
  failQueue,
  globalTimers,
  handleOf,
  isActive,
  newSub,
  RETRY_CODES,
  type Sub,
  safely,
  setStatus,
  type Waiter,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./channel-types.js";
import {
  backoffDelay,
  channelSocketUrl,
  closeError,
  compareCursors,
  MizanChannelError,
  parseFrame,
  type ServerFrame,
} from "./channel-wire.js";

export type {
  ChannelClient,
  ChannelClientOptions,
  ChannelHandlers,
  ChannelStatus,
  ChannelSubscription,
  ChannelTimers,
  WebSocketConstructor,
  WebSocketLike,
} from "./channel-types.js";
export {
  type ChannelErrorCode,
  compareCursors,
  isMizanChannelError,
  MizanChannelError,
} from "./channel-wire.js";

/**
 * A framework-free client for mizan channels: one WebSocket per page, opened on the first
 * subscription, multiplexing every subscription by id. It reconnects with full-jitter
 * exponential backoff (at once when the page comes back online or visible), resubscribes from
 * each subscription's last cursor and drops replayed duplicates; a refused origin (close 4403)
 * stops it, a missing user (4401, `UNAUTHENTICATED`/`FORBIDDEN`) parks the subscription as
 * `forbidden` until `reconnect()`.
 *
 * @example
 * const channels = createChannelClient({ basePath: "/api/mizan" });
 * const chat = channels.subscribe("chat", { room: "lobby" }, {
 *   onEvent: (event) => console.log(event),
 *   onGap: () => refetchHistory(),
 * });
 * await chat.send({ text: "hello" });
 * chat.close();
 */
export function createChannelClient(options: ChannelClientOptions = {}): ChannelClient {
  const timers: ChannelTimers = options.timers ?? globalTimers;
  const random = options.random ?? Math.random;
  const backoff = { initialMs: 250, maxMs: 10_000, ...options.backoff };
  const pingMs = options.pingMs ?? 25_000;
  const lingerMs = options.lingerMs ?? 1000;
  const global = globalThis as { window?: EventSource; document?: EventSource };
  const win = "window" in options ? options.window : global.window;
  const doc = "document" in options ? options.document : global.document;

  const subs = new Set<Sub>();
  const byId = new Map<string, Sub>();
  const pending = new Map<string, { sub: Sub } & Waiter>();
  let socket: WebSocketLike | undefined;
  let open = false;
  let stopped = false;
  let attempt = 0;
  let seq = 0;
  let reconnectTimer: unknown;
  let lingerTimer: unknown;
  let pingTimer: unknown;
  let awaitingPong = false;
  let listening = false;

  const failPending = (error: MizanChannelError, only?: Sub) => {
    for (const [ref, item] of pending) {
      if (only && item.sub !== only) continue;
      pending.delete(ref);
      item.reject(error);
    }
  };
  const write = (frame: unknown) => {
    const target = socket;
    if (target && open) safely(() => target.send(JSON.stringify(frame)));
  };
  const transmit = (sub: Sub, message: unknown, waiter: Waiter) => {
    const ref = `m${++seq}`;
    let text: string;
    try {
      text = JSON.stringify({ t: "msg", id: sub.id, ref, data: message });
    } catch {
      waiter.reject(new MizanChannelError("BAD_REQUEST", "The message is not JSON."));
      return;
    }
    pending.set(ref, { sub, ...waiter });
    // A socket closing under us loses the frame: its close rejects the waiter.
    try {
      socket?.send(text);
    } catch {}
  };

  const sendSub = (sub: Sub) => {
    if (sub.id) byId.delete(sub.id);
    sub.id = `s${++seq}`;
    sub.confirmed = false;
    byId.set(sub.id, sub);
    const frame: Record<string, unknown> = {
      t: "sub",
      id: sub.id,
      ch: sub.name,
      params: sub.params,
    };
    if (sub.cursor !== undefined) frame.since = sub.cursor;
    write(frame);
  };
  const dropId = (sub: Sub) => {
    if (sub.id) byId.delete(sub.id);
    sub.id = undefined;
    sub.confirmed = false;
  };
  const stopPing = () => {
    if (pingTimer !== undefined) timers.clearTimeout(pingTimer);
    pingTimer = undefined;
    awaitingPong = false;
  };
  const schedulePing = () => {
    if (!pingMs) return;
    pingTimer = timers.setTimeout(() => {
      pingTimer = undefined;
      if (!socket || !open) return;
      if (awaitingPong) {
        // Nothing came back for a whole interval: the connection is dead even if not closed.
        const dead = socket;
        detach();
        safely(() => dead.close(4000, "heartbeat timeout"));
        closed(1006);
        return;
      }
      awaitingPong = true;
      write({ t: "ping" });
      schedulePing();
    }, pingMs);
  };

  const detach = () => {
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    }
    socket = undefined;
    open = false;
    stopPing();
  };

  const wake = () => {
    if (reconnectTimer === undefined) return;
    timers.clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    connect();
  };
  const onVisible = () => {
    if (doc?.visibilityState === undefined || doc.visibilityState === "visible") wake();
  };

  const listen = (on: boolean) => {
    if (listening === on) return;
    listening = on;
    const method = on ? "addEventListener" : "removeEventListener";
    win?.[method]("online", wake);
    doc?.[method]("visibilitychange", onVisible);
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer !== undefined || ![...subs].some(isActive)) return;
    const delay = backoffDelay(attempt++, backoff, random);
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, delay);
  };

  /** The socket is gone (closed by the server, the network, or the heartbeat). */
  function closed(code: number) {
    byId.clear();
    failPending(closeError(code));
    if (code === 4403) {
      stopped = true;
      for (const sub of subs) if (isActive(sub)) closeSub(sub, closeError(code));
      listen(false);
      return;
    }
    for (const sub of subs) {
      if (sub.retryTimer !== undefined) timers.clearTimeout(sub.retryTimer);
      sub.retryTimer = undefined;
      const wasConfirmed = sub.confirmed;
      sub.id = undefined;
      sub.confirmed = false;
      if (!isActive(sub)) continue;
      if (code === 4401 && !wasConfirmed) {
        const error = closeError(code);
        failQueue(sub, error);
        setStatus(sub, "forbidden", error);
      } else if (sub.status !== "connecting") setStatus(sub, "reconnecting");
    }
    scheduleReconnect();
  }

  function connect() {
    if (stopped || socket || ![...subs].some(isActive)) return;
    listen(true);
    const Ctor =
      options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ctor)
      throw new TypeError(
        "createChannelClient: no WebSocket here; pass `WebSocket` (e.g. from `ws`).",
      );
    let ws: WebSocketLike;
    try {
      ws = new Ctor(channelSocketUrl(options));
    } catch (error) {
      if (error instanceof TypeError && /no page location/.test(error.message)) throw error;
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      open = true;
      schedulePing();
      for (const sub of subs) if (isActive(sub) && sub.retryTimer === undefined) sendSub(sub);
    };
    ws.onmessage = (event) => {
      awaitingPong = false;
      const frame = parseFrame(event.data);
      if (frame) receive(frame);
    };
    ws.onclose = (event) => {
      detach();
      closed(event.code);
    };
  }

  function receive(frame: ServerFrame) {
    if (frame.t === "pong") return;
    if (frame.t === "err" && frame.ref !== undefined) {
      const waiter = pending.get(frame.ref);
      pending.delete(frame.ref);
      waiter?.reject(new MizanChannelError(frame.code, frame.message, frame.details));
      return;
    }
    if (frame.t === "ack") {
      const waiter = pending.get(frame.ref);
      pending.delete(frame.ref);
      waiter?.resolve();
      return;
    }
    const sub = frame.id === undefined ? undefined : byId.get(frame.id);
    if (frame.t === "err") {
      const error = new MizanChannelError(frame.code, frame.message, frame.details);
      if (!sub) {
        if (frame.id === undefined) safely(() => options.onError?.(error));
        return;
      }
      dropId(sub);
      failPending(new MizanChannelError(frame.code, frame.message, frame.details), sub);
      if (RETRY_CODES.has(frame.code)) {
        setStatus(sub, "reconnecting", error);
        sub.retryTimer = timers.setTimeout(
          () => {
            sub.retryTimer = undefined;
            if (open && isActive(sub)) sendSub(sub);
          },
          backoffDelay(sub.retryAttempt++, backoff, random),
        );
      } else {
        failQueue(sub, error);
        if (AUTH_CODES.has(frame.code)) setStatus(sub, "forbidden", error);
        else closeSub(sub, error);
      }
      return;
    }
    // A frame for an id since replaced or closed: ignored.
    if (!sub) return;
    if (frame.t === "ok") {
      sub.confirmed = true;
      sub.okCursor = frame.cursor;
      if (sub.cursor === undefined) sub.cursor = frame.cursor;
      attempt = 0;
      sub.retryAttempt = 0;
      setStatus(sub, "open");
      for (const item of sub.queue.splice(0)) transmit(sub, item.message, item);
    } else if (frame.t === "ev") {
      if (sub.cursor !== undefined && compareCursors(frame.cursor, sub.cursor) <= 0) return;
      sub.cursor = frame.cursor;
      safely(() => sub.handlers.onEvent?.(frame.data, frame.cursor));
    } else if (frame.t === "gap") {
      // The old cursor may be from another epoch (a restarted server): count from the
      // server's latest, which its `ok` carried.
      sub.cursor = sub.okCursor;
      safely(() => sub.handlers.onGap?.());
    }
  }

  const lingerCheck = () => {
    if (lingerTimer !== undefined) timers.clearTimeout(lingerTimer);
    lingerTimer = timers.setTimeout(() => {
      lingerTimer = undefined;
      if ([...subs].some(isActive)) return;
      if (reconnectTimer !== undefined) timers.clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      const last = socket;
      detach();
      byId.clear();
      if (last) safely(() => last.close(1000, "no subscriptions"));
      listen(false);
    }, lingerMs);
  };

  function closeSub(sub: Sub, error?: MizanChannelError) {
    if (sub.retryTimer !== undefined) timers.clearTimeout(sub.retryTimer);
    sub.retryTimer = undefined;
    if (sub.id && open) write({ t: "unsub", id: sub.id });
    dropId(sub);
    const gone = error ?? closedError("subscription");
    failQueue(sub, gone);
    failPending(gone, sub);
    setStatus(sub, "closed", error);
    lingerCheck();
  }

  return {
    subscribe<E, M>(
      name: string,
      params: Record<string, unknown> = {},
      handlers: ChannelHandlers<E> = {},
    ) {
      const sub = newSub(name, params, handlers as ChannelHandlers<unknown>, stopped);
      if (!stopped) {
        subs.add(sub);
        // While a reconnect waits out its delay, the new subscription waits with it.
        if (open) sendSub(sub);
        else if (reconnectTimer === undefined) connect();
      }
      const send = (message: M) =>
        new Promise<void>((resolve, reject) => {
          if (!isActive(sub)) reject(sub.error ?? closedError("subscription"));
          else if (sub.confirmed && open) transmit(sub, message, { resolve, reject });
          else sub.queue.push({ message, resolve, reject });
        });
      return handleOf(sub, send, () => {
        if (subs.delete(sub) && sub.status !== "closed") closeSub(sub);
      });
    },
    reconnect() {
      stopped = false;
      const refused = [...subs].filter((sub) => sub.status === "forbidden");
      for (const sub of refused) setStatus(sub, "connecting");
      // The server resolved the user when this socket opened: only a new one asks again.
      const old = socket;
      if (refused.length && old) {
        detach();
        safely(() => old.close(1000, "reconnecting"));
        closed(1000);
      }
      if (reconnectTimer !== undefined) wake();
      else connect();
    },
    close() {
      stopped = true;
      if (reconnectTimer !== undefined) timers.clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      for (const sub of [...subs]) {
        subs.delete(sub);
        closeSub(sub);
      }
      if (lingerTimer !== undefined) timers.clearTimeout(lingerTimer);
      lingerTimer = undefined;
      const last = socket;
      detach();
      if (last) safely(() => last.close(1000, "client closed"));
      listen(false);
    },
  };
}
