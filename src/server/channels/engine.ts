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
  return new Connection(deps, peer, init, options);
}

/**
 * One socket's protocol state. A class rather than closures: thousands of idle sockets each
 * hold a few fields, not a dozen functions.
 */
class Connection implements ChannelConnection {
  readonly #deps: EngineDeps;
  readonly #peer: Peer;
  readonly #rate: { messagesPerSecond: number; burst: number };
  readonly #slow: { maxBufferedBytes: number; graceMs: number };
  readonly #maxSubscriptions: number;
  readonly #onError: NonNullable<EngineOptions["onError"]>;
  readonly #abort = new AbortController();
  readonly #ctx: RequestContext;
  readonly #subs = new Map<string, Subscription>();
  #closed = false;
  #tokens: number;
  #refilledAt = Date.now();
  #slowSince: number | undefined;

  constructor(deps: EngineDeps, peer: Peer, init: ConnectionInit, options: EngineOptions) {
    this.#deps = deps;
    this.#peer = peer;
    this.#rate = options.rate ?? DEFAULT_RATE;
    this.#slow = options.slowConsumer ?? DEFAULT_SLOW_CONSUMER;
    this.#maxSubscriptions = options.maxSubscriptions ?? 100;
    this.#onError = options.onError ?? defaultOnError;
    this.#tokens = this.#rate.burst;
    this.#ctx = createContext({
      request: init.request,
      user: init.user,
      signal: this.#abort.signal,
      app: options.app,
    });
  }

  isClosed(): boolean {
    return this.#closed;
  }

  report(error: unknown, fn: string | null): void {
    try {
      this.#onError(error, { request: this.#ctx.request, fn });
    } catch {
      // A failing logger must not break the socket.
    }
  }

  check(): void {
    if (this.#closed) return;
    let buffered = 0;
    try {
      buffered = this.#peer.bufferedAmount();
    } catch {
      return;
    }
    const slow = this.#slow;
    if (buffered <= slow.maxBufferedBytes) {
      this.#slowSince = undefined;
      return;
    }
    const now = Date.now();
    this.#slowSince ??= now;
    // Past four times the threshold the grace period is over: memory, not patience, decides.
    const overrun = buffered > 4 * slow.maxBufferedBytes;
    if (overrun || now - this.#slowSince >= slow.graceMs) {
      this.#shutdown(CLOSE.slowConsumer, "Too slow a consumer.");
    }
  }

  send(text: string): void {
    if (this.#closed) return;
    try {
      this.#peer.send(text);
    } catch {
      // The socket is going away; its close event cleans up.
      return;
    }
    this.check();
  }

  #sendError(thrown: unknown, address: { id?: string; ref?: string }, fn: string | null): void {
    const error = MizanError.fromUnknown(thrown);
    if (error.code === "INTERNAL") this.report(thrown, fn);
    // Never a stack or the original text: INTERNAL is always the bare default message.
    const safe = error.code === "INTERNAL" ? new MizanError("INTERNAL") : error;
    this.send(errFrame(safe, address));
  }

  #drop(sub: Subscription): void {
    sub.cancelled = true;
    sub.live = false;
    sub.off();
    if (this.#subs.get(sub.id) === sub) this.#subs.delete(sub.id);
  }

  #shutdown(code: number, reason: string): void {
    if (this.#closed) return;
    this.close();
    try {
      this.#peer.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  /** The socket went away: drop its subscriptions. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const sub of [...this.#subs.values()]) this.#drop(sub);
    this.#abort.abort();
  }

  #takeToken(): boolean {
    const now = Date.now();
    const rate = this.#rate;
    this.#tokens = Math.min(
      rate.burst,
      this.#tokens + ((now - this.#refilledAt) * rate.messagesPerSecond) / 1000,
    );
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  async #subscribe(frame: Extract<ClientFrame, { t: "sub" }>, sub: Subscription) {
    const { channel } = sub;
    const ctx = this.#ctx;
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
    if (sub.cancelled || this.#closed) return false;
    // The sink buffers events until `ok` is out, then sends.
    const buffer: Array<[string, string]> = [];
    try {
      sub.off = this.#deps.hub.add(group, createSink(sub, buffer, this));
    } catch (error) {
      throw new MizanError("UNAVAILABLE", undefined, undefined, error);
    }
    const { cursor, replay, gap } = await startPosition(this.#deps.layer, group, frame.since);
    if (sub.cancelled || this.#closed) return false;
    this.send(JSON.stringify({ t: "ok", id: sub.id, cursor }));
    if (gap) this.send(`{"t":"gap","id":${sub.idJson}}`);
    const replayed = new Set<string>();
    for (const item of replay) {
      replayed.add(item.cursor);
      const data = encodeEvent(channel, item.event);
      if (typeof data !== "string") {
        this.report(
          new TypeError(`A stored event of "${group}" fails the "${sub.name}" event schema.`),
          sub.name,
        );
        continue;
      }
      this.send(evFrame(sub.idJson, item.cursor, data));
    }
    for (const [at, data] of buffer) {
      if (replayed.has(at)) continue;
      this.send(evFrame(sub.idJson, at, data));
    }
    buffer.length = 0;
    sub.live = !sub.cancelled && !this.#closed;
    return sub.live;
  }

  #onSub(frame: Extract<ClientFrame, { t: "sub" }>): void {
    const address = { id: frame.id };
    if (this.#subs.has(frame.id)) {
      this.send(
        errFrame(
          new MizanError("CONFLICT", `Subscription "${frame.id}" is already in use.`),
          address,
        ),
      );
      return;
    }
    if (this.#subs.size >= this.#maxSubscriptions) {
      const error = new MizanError(
        "RATE_LIMITED",
        `At most ${this.#maxSubscriptions} subscriptions per connection.`,
      );
      this.send(errFrame(error, address));
      return;
    }
    const channel = this.#deps.registry.channel(frame.ch);
    if (!channel) {
      this.send(errFrame(new MizanError("NOT_FOUND", `Unknown channel "${frame.ch}".`), address));
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
      off: noop,
      queue: Promise.resolve(),
      pending: 0,
    };
    this.#subs.set(frame.id, sub);
    sub.ready = this.#subscribe(frame, sub).catch((thrown: unknown) => {
      this.#drop(sub);
      if (this.#closed) return false;
      if (thrown instanceof MizanError && thrown.code === "UNAUTHENTICATED") {
        this.send(errFrame(thrown, address));
        this.#shutdown(CLOSE.unauthenticated, "Authentication required.");
        return false;
      }
      this.#sendError(thrown, address, frame.ch);
      return false;
    });
  }

  async #handleMessage(sub: Subscription, ref: string, data: unknown): Promise<void> {
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
      const event = await sub.channel.receive(this.#ctx, sub.params, parsed.data);
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
          await this.#deps.layer.publish(sub.group, event);
        } catch (error) {
          throw error instanceof MizanError && error.code === "UNAVAILABLE"
            ? error
            : new MizanError("UNAVAILABLE", undefined, undefined, error);
        }
      }
      if (!this.#closed) this.send(JSON.stringify({ t: "ack", id: sub.id, ref }));
    } catch (thrown) {
      if (!this.#closed) this.#sendError(thrown, address, sub.name);
    }
  }

  #onMsg(frame: Extract<ClientFrame, { t: "msg" }>): void {
    const sub = this.#subs.get(frame.id);
    const address = { id: frame.id, ref: frame.ref };
    if (!sub) {
      this.send(errFrame(new MizanError("NOT_FOUND", `No subscription "${frame.id}".`), address));
      return;
    }
    if (sub.pending >= MAX_PENDING_MESSAGES) {
      this.send(
        errFrame(new MizanError("RATE_LIMITED", "Too many messages awaiting an answer."), address),
      );
      return;
    }
    sub.pending += 1;
    sub.queue = sub.queue
      .then(() => this.#handleMessage(sub, frame.ref, frame.data))
      .catch((error: unknown) => this.report(error, sub.name))
      .finally(() => {
        sub.pending -= 1;
      });
  }

  #handle(text: string): void {
    // Every frame spends a token, malformed ones too; parsing still runs to address the err.
    const allowed = this.#takeToken();
    let frame: ClientFrame;
    try {
      frame = parseFrame(text);
    } catch (thrown) {
      if (!(thrown instanceof FrameError)) throw thrown;
      this.send(errFrame(allowed ? thrown.error : rateLimited(), thrown.address));
      return;
    }
    if (!allowed) {
      const address: { id?: string; ref?: string } = {};
      if (frame.t !== "ping") address.id = frame.id;
      if (frame.t === "msg") address.ref = frame.ref;
      this.send(errFrame(rateLimited(), address));
      return;
    }
    switch (frame.t) {
      case "ping":
        this.send('{"t":"pong"}');
        return;
      case "sub":
        this.#onSub(frame);
        return;
      case "unsub": {
        const sub = this.#subs.get(frame.id);
        if (sub) this.#drop(sub);
        return;
      }
      case "msg":
        this.#onMsg(frame);
        return;
    }
  }

  /** Handle one inbound text frame. Never throws; never rejects. */
  receive(text: string): void {
    if (this.#closed) return;
    try {
      this.#handle(typeof text === "string" ? text : String(text));
    } catch (thrown) {
      // A bug of ours: report it, keep the socket.
      this.report(thrown, null);
    }
  }
}

const noop = (): void => {};
