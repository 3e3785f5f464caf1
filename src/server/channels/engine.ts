import { checkAuth } from "../../core/auth.js";
import { createContext, type RequestContext } from "../../core/context.js";
import { MizanError } from "../../core/errors.js";
import { zodErrorDetails } from "../../core/zod-details.js";
import { type ClientFrame, errFrame, FrameError, parseFrame } from "./frames.js";
import {
  type ChannelConnection,
  CLOSE,
  type ConnectionInit,
  DEFAULT_RATE,
  DEFAULT_SLOW_CONSUMER,
  defaultOnError,
  type EngineDeps,
  type EngineOptions,
  encodeEvent,
  type Peer,
} from "./protocol.js";
import { createSink, evFrame, type Subscription, startPosition } from "./subscription.js";

export {
  type ChannelConnection,
  CLOSE,
  type ConnectionInit,
  DEFAULT_RATE,
  DEFAULT_SLOW_CONSUMER,
  type EngineDeps,
  type EngineOptions,
  type Peer,
} from "./protocol.js";

const MAX_PENDING_MESSAGES = 32;

const rateLimited = () => new MizanError("RATE_LIMITED", "Too many frames: slow down.");

/**
 * Start the protocol on one socket. `Channels.connect` calls this; adapters (mizan/node's
 * `attachChannels`, or one for another socket library) feed it text frames and closes.
 */
export function connectPeer(
  deps: EngineDeps,
  peer: Peer,
  init: ConnectionInit,
  options: EngineOptions = {},
): ChannelConnection {
  const rate = options.rate ?? DEFAULT_RATE;
  const slow = options.slowConsumer ?? DEFAULT_SLOW_CONSUMER;
  const maxSubscriptions = options.maxSubscriptions ?? 100;
  const onError = options.onError ?? defaultOnError;
  const abort = new AbortController();
  const ctx: RequestContext = createContext({
    request: init.request,
    user: init.user,
    signal: abort.signal,
    app: options.app,
  });
  const subs = new Map<string, Subscription>();
  let closed = false;
  let tokens = rate.burst;
  let refilledAt = Date.now();
  let slowSince: number | undefined;

  const report = (error: unknown, fn: string | null): void => {
    try {
      onError(error, { request: init.request, fn });
    } catch {
      // A failing logger must not break the socket.
    }
  };

  const check = (): void => {
    if (closed) return;
    let buffered = 0;
    try {
      buffered = peer.bufferedAmount();
    } catch {
      return;
    }
    if (buffered <= slow.maxBufferedBytes) {
      slowSince = undefined;
      return;
    }
    const now = Date.now();
    slowSince ??= now;
    // Past four times the threshold the grace period is over: memory, not patience, decides.
    const overrun = buffered > 4 * slow.maxBufferedBytes;
    if (overrun || now - slowSince >= slow.graceMs) {
      shutdown(CLOSE.slowConsumer, "Too slow a consumer.");
    }
  };

  const sendText = (text: string): void => {
    if (closed) return;
    try {
      peer.send(text);
    } catch {
      // The socket is going away; its close event cleans up.
      return;
    }
    check();
  };

  const sendError = (
    thrown: unknown,
    address: { id?: string; ref?: string },
    fn: string | null,
  ) => {
    const error = MizanError.fromUnknown(thrown);
    if (error.code === "INTERNAL") report(thrown, fn);
    // Never a stack or the original text: INTERNAL is always the bare default message.
    const safe = error.code === "INTERNAL" ? new MizanError("INTERNAL") : error;
    sendText(errFrame(safe, address));
  };

  const drop = (sub: Subscription): void => {
    sub.cancelled = true;
    sub.live = false;
    sub.off();
    if (subs.get(sub.id) === sub) subs.delete(sub.id);
  };

  function shutdown(code: number, reason: string): void {
    if (closed) return;
    cleanup();
    try {
      peer.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  function cleanup(): void {
    if (closed) return;
    closed = true;
    for (const sub of [...subs.values()]) drop(sub);
    abort.abort();
  }

  const takeToken = (): boolean => {
    const now = Date.now();
    tokens = Math.min(rate.burst, tokens + ((now - refilledAt) * rate.messagesPerSecond) / 1000);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  /** The sink a subscription gives the hub: buffers until `ok` is out, then sends. */
  const sinkFor = (sub: Subscription, buffer: Array<[string, string]>) =>
    createSink(sub, buffer, { isClosed: () => closed, send: sendText, report });

  async function subscribe(frame: Extract<ClientFrame, { t: "sub" }>, sub: Subscription) {
    const { channel } = sub;
    await checkAuth(channel.auth, ctx);
    const parsed = await channel.params.safeParseAsync(frame.params);
    if (!parsed.success) {
      throw new MizanError("VALIDATION_FAILED", undefined, zodErrorDetails(parsed.error));
    }
    sub.params = parsed.data;
    if (!(await channel.authorize(ctx, sub.params))) throw new MizanError("FORBIDDEN");
    const group = channel.group(sub.params);
    if (typeof group !== "string" || group === "") {
      throw new TypeError(`"${sub.name}": group(params) must return a non-empty string.`);
    }
    sub.group = group;
    if (sub.cancelled || closed) return false;
    const buffer: Array<[string, string]> = [];
    try {
      sub.off = deps.hub.add(group, sinkFor(sub, buffer));
    } catch (error) {
      throw new MizanError("UNAVAILABLE", undefined, undefined, error);
    }
    const { cursor, replay, gap } = await startPosition(deps.layer, group, frame.since);
    if (sub.cancelled || closed) return false;
    sendText(JSON.stringify({ t: "ok", id: sub.id, cursor }));
    if (gap) sendText(`{"t":"gap","id":${sub.idJson}}`);
    const replayed = new Set<string>();
    for (const item of replay) {
      replayed.add(item.cursor);
      const data = encodeEvent(channel, item.event);
      if (typeof data !== "string") {
        report(
          new TypeError(`A stored event of "${group}" fails the "${sub.name}" event schema.`),
          sub.name,
        );
        continue;
      }
      sendText(evFrame(sub.idJson, item.cursor, data));
    }
    for (const [at, data] of buffer) {
      if (replayed.has(at)) continue;
      sendText(evFrame(sub.idJson, at, data));
    }
    buffer.length = 0;
    sub.live = !sub.cancelled && !closed;
    return sub.live;
  }

  function onSub(frame: Extract<ClientFrame, { t: "sub" }>): void {
    const address = { id: frame.id };
    if (subs.has(frame.id)) {
      sendText(
        errFrame(
          new MizanError("CONFLICT", `Subscription "${frame.id}" is already in use.`),
          address,
        ),
      );
      return;
    }
    if (subs.size >= maxSubscriptions) {
      const error = new MizanError(
        "RATE_LIMITED",
        `At most ${maxSubscriptions} subscriptions per connection.`,
      );
      sendText(errFrame(error, address));
      return;
    }
    const channel = deps.registry.channel(frame.ch);
    if (!channel) {
      sendText(errFrame(new MizanError("NOT_FOUND", `Unknown channel "${frame.ch}".`), address));
      return;
    }
    const sub: Subscription = {
      id: frame.id,
      idJson: JSON.stringify(frame.id),
      name: frame.ch,
      channel,
      params: undefined,
      group: "",
      ready: Promise.resolve(false),
      live: false,
      cancelled: false,
      off: () => {},
      queue: Promise.resolve(),
      pending: 0,
    };
    subs.set(frame.id, sub);
    sub.ready = subscribe(frame, sub).catch((thrown: unknown) => {
      drop(sub);
      if (closed) return false;
      if (thrown instanceof MizanError && thrown.code === "UNAUTHENTICATED") {
        sendText(errFrame(thrown, address));
        shutdown(CLOSE.unauthenticated, "Authentication required.");
        return false;
      }
      sendError(thrown, address, frame.ch);
      return false;
    });
  }

  async function handleMessage(sub: Subscription, ref: string, data: unknown): Promise<void> {
    const address = { id: sub.id, ref };
    try {
      if (!(await sub.ready) || sub.cancelled) {
        throw new MizanError("NOT_FOUND", `No subscription "${sub.id}".`);
      }
      const schema = sub.channel.message;
      if (!schema) throw new MizanError("BAD_REQUEST", `Channel "${sub.name}" takes no messages.`);
      const parsed = await schema.safeParseAsync(data);
      if (!parsed.success) {
        throw new MizanError("VALIDATION_FAILED", undefined, zodErrorDetails(parsed.error));
      }
      const event = await sub.channel.receive(ctx, sub.params, parsed.data);
      if (event !== undefined) {
        const encoded = encodeEvent(sub.channel, event);
        if (typeof encoded !== "string") {
          throw new TypeError(
            `"${sub.name}".receive returned an event that fails the event schema.`,
            {
              cause: encoded,
            },
          );
        }
        try {
          await deps.layer.publish(sub.group, event);
        } catch (error) {
          throw error instanceof MizanError && error.code === "UNAVAILABLE"
            ? error
            : new MizanError("UNAVAILABLE", undefined, undefined, error);
        }
      }
      if (!closed) sendText(JSON.stringify({ t: "ack", id: sub.id, ref }));
    } catch (thrown) {
      if (!closed) sendError(thrown, address, sub.name);
    }
  }

  function onMsg(frame: Extract<ClientFrame, { t: "msg" }>): void {
    const sub = subs.get(frame.id);
    const address = { id: frame.id, ref: frame.ref };
    if (!sub) {
      sendText(errFrame(new MizanError("NOT_FOUND", `No subscription "${frame.id}".`), address));
      return;
    }
    if (sub.pending >= MAX_PENDING_MESSAGES) {
      sendText(
        errFrame(new MizanError("RATE_LIMITED", "Too many messages awaiting an answer."), address),
      );
      return;
    }
    sub.pending += 1;
    sub.queue = sub.queue
      .then(() => handleMessage(sub, frame.ref, frame.data))
      .catch((error: unknown) => report(error, sub.name))
      .finally(() => {
        sub.pending -= 1;
      });
  }

  function handle(text: string): void {
    // Every frame spends a token, malformed ones too; parsing still runs to address the err.
    const allowed = takeToken();
    let frame: ClientFrame;
    try {
      frame = parseFrame(text);
    } catch (thrown) {
      if (!(thrown instanceof FrameError)) throw thrown;
      sendText(errFrame(allowed ? thrown.error : rateLimited(), thrown.address));
      return;
    }
    if (!allowed) {
      const address: { id?: string; ref?: string } = {};
      if (frame.t !== "ping") address.id = frame.id;
      if (frame.t === "msg") address.ref = frame.ref;
      sendText(errFrame(rateLimited(), address));
      return;
    }
    switch (frame.t) {
      case "ping":
        sendText('{"t":"pong"}');
        return;
      case "sub":
        onSub(frame);
        return;
      case "unsub": {
        const sub = subs.get(frame.id);
        if (sub) drop(sub);
        return;
      }
      case "msg":
        onMsg(frame);
        return;
    }
  }

  return {
    receive(text) {
      if (closed) return;
      try {
        handle(typeof text === "string" ? text : String(text));
      } catch (thrown) {
        // A bug of ours: report it, keep the socket.
        report(thrown, null);
      }
    },
    close: cleanup,
    check,
  };
}
