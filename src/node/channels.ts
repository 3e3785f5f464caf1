import type { IncomingMessage, Server } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { App } from "../core/context.js";
import type { GetUser, OnError } from "../core/dispatch.js";
import type { Registry } from "../core/registry.js";
import { type Channels, createChannels, defaultChannels } from "../server/channels/channels.js";
import {
  type ChannelConnection,
  CLOSE,
  DEFAULT_SLOW_CONSUMER,
  type EngineOptions,
  type Peer,
} from "../server/channels/engine.js";
import { trustedOriginTest, upgradeOriginAllowed } from "../server/origins.js";
import { normalizeBasePath } from "../server/router.js";
import { requestHeaders, requestUrl } from "./incoming-request.js";

export interface AttachChannelsOptions {
  /** The channels served (default: `defaultChannels`, or new ones over `registry`). */
  channels?: Channels;
  /** Serve this registry's channels over a memory layer (ignored when `channels` is given). */
  registry?: Registry;
  /** The WebSocket lives at `{basePath}/ws/` (default `/api/mizan`, as `createHandler`'s). */
  basePath?: string;
  /** Resolves the user from the upgrade request, once per socket (the same as `createHandler`'s). */
  getUser?: GetUser;
  /**
   * Origins allowed besides the page's own (same host as the Host header), e.g.
   * `"https://app.example.com"` or `"https://*.example.com"`. A browser on any other origin is
   * closed with 4403; a client that sends no Origin (not a browser) is let in.
   */
  trustedOrigins?: readonly string[];
  /** Largest inbound frame in bytes (default 64 KiB); a larger one closes the socket with 1009. */
  maxPayload?: number;
  /** Inbound frames per socket (default 20 per second, bursts of 40): over it, `RATE_LIMITED`. */
  rate?: { messagesPerSecond: number; burst: number };
  /** Ping every socket this often; one that has not answered the last ping is cut (default 30 s). */
  heartbeatMs?: number;
  /**
   * Close with 4008 a socket with more than `maxBufferedBytes` unsent for `graceMs` (1 MiB,
   * 10 s), or at once with more than four times `maxBufferedBytes`.
   */
  slowConsumer?: { maxBufferedBytes: number; graceMs: number };
  /** Live subscriptions per socket (default 100). */
  maxSubscriptions?: number;
  /** `ctx.app` in the channels' hooks. */
  app?: App;
  /** Told about errors thrown by hooks and getUser, with the original error (default `console.error`). */
  onError?: OnError;
}

/** What `attachChannels` returns. */
export interface AttachedChannels {
  readonly channels: Channels;
  /** How many sockets are open (not closing or closed). */
  readonly size: number;
  /** Stop: refuse new sockets, close the open ones, stop the timers (and close owned channels). */
  close(): Promise<void>;
}

const KIB = 1024;
/** How long a socket closed by the server may take to answer before it is cut. */
const CLOSE_GRACE_MS = 5000;
/** Frames kept while the user is being resolved; more are dropped (a client should wait). */
const MAX_EARLY_FRAMES = 64;
/**
 * A socket's sends are held (corked) until the end of the tick and written together, one
 * write per socket instead of one per frame; past this many held bytes they go at once, so
 * the slow-consumer rule still sees what the network has not taken.
 */
const MAX_CORKED_BYTES = 64 * KIB;

/** Refuse settings that would make the limits meaningless, when the server starts. */
function checkOptions(options: AttachChannelsOptions): void {
  const positive = (value: number | undefined, name: string) => {
    if (
      value !== undefined &&
      !(typeof value === "number" && value > 0 && Number.isFinite(value))
    ) {
      throw new TypeError(`attachChannels: ${name} must be a positive number.`);
    }
  };
  positive(options.maxPayload, "maxPayload");
  positive(options.heartbeatMs, "heartbeatMs");
  positive(options.maxSubscriptions, "maxSubscriptions");
  positive(options.rate?.messagesPerSecond, "rate.messagesPerSecond");
  if (options.rate && !(options.rate.burst >= 1)) {
    throw new TypeError("attachChannels: rate.burst must be at least 1.");
  }
  positive(options.slowConsumer?.maxBufferedBytes, "slowConsumer.maxBufferedBytes");
  if (options.slowConsumer && !(options.slowConsumer.graceMs >= 0)) {
    throw new TypeError("attachChannels: slowConsumer.graceMs must be 0 or more.");
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serve channels over WebSocket on a node:http server, at `{basePath}/ws/`, next to the HTTP
 * handler (`ws` in `noServer` mode on the server's `upgrade` event; other upgrade paths are
 * left to other listeners). Each socket: Origin checked (4403), user resolved once with
 * `getUser`, frames over `maxPayload` refused (1009), a ping every `heartbeatMs`, slow readers
 * closed with 4008. See docs/channels.md.
 *
 * @example
 * const server = createServer(toNodeHandler(createHandler({ getUser })));
 * const channels = attachChannels(server, { getUser });
 * server.listen(3000);
 * // later, e.g. in a form's onSubmitSuccess:
 * await publish("chat:lobby", { from: "system", text: "Hello" });
 */
export function attachChannels(
  server: Server | HttpsServer,
  options: AttachChannelsOptions = {},
): AttachedChannels {
  checkOptions(options);
  const owned = !options.channels && options.registry !== undefined;
  const channels =
    options.channels ??
    (options.registry ? createChannels({ registry: options.registry }) : defaultChannels);
  const basePath = normalizeBasePath(options.basePath ?? "/api/mizan");
  const wsPath = `${basePath}/ws`;
  const trusted = trustedOriginTest(options.trustedOrigins ?? []);
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const slowConsumer = options.slowConsumer ?? DEFAULT_SLOW_CONSUMER;
  const engineOptions: EngineOptions = { slowConsumer };
  if (options.rate) engineOptions.rate = options.rate;
  if (options.maxSubscriptions !== undefined) {
    engineOptions.maxSubscriptions = options.maxSubscriptions;
  }
  if (options.app !== undefined) engineOptions.app = options.app;
  if (options.onError) engineOptions.onError = options.onError;
  const onError: OnError =
    options.onError ??
    ((error) => {
      console.error("[mizan] channel socket error:", error);
    });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 64 * KIB,
  });
  const sockets = new Map<WebSocket, { alive: boolean; connection?: ChannelConnection }>();
  const closeTimers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  /** Sockets corked during this tick; all uncorked in one callback once the tick is done. */
  const corked: Duplex[] = [];
  const uncorkAll = (): void => {
    for (const socket of corked) socket.uncork();
    corked.length = 0;
  };
  /** Send one text frame, corking its socket for the rest of the tick. */
  const sendCorked = (ws: WebSocket, socket: Duplex, text: string): void => {
    if (socket.writableCorked === 0) {
      socket.cork();
      if (corked.push(socket) === 1) process.nextTick(uncorkAll);
    }
    ws.send(text);
    if (socket.writableLength > MAX_CORKED_BYTES) socket.uncork();
  };

  const originAllowed = (req: IncomingMessage): boolean =>
    upgradeOriginAllowed(req.headers.origin, req.headers.host, trusted);

  /** Close politely, then cut the socket if it does not answer in time. */
  const closeSocket = (ws: WebSocket, code: number, reason: string): void => {
    try {
      ws.close(code, reason);
    } catch {
      ws.terminate();
      return;
    }
    const timer = setTimeout(() => {
      closeTimers.delete(timer);
      ws.terminate();
    }, CLOSE_GRACE_MS);
    timer.unref?.();
    closeTimers.add(timer);
    ws.once("close", () => {
      clearTimeout(timer);
      closeTimers.delete(timer);
    });
  };

  /** The engine's view of one socket (methods, not closures: one small object per socket). */
  class SocketPeer implements Peer {
    constructor(
      readonly ws: WebSocket,
      readonly socket: Duplex,
    ) {}
    send(text: string): void {
      sendCorked(this.ws, this.socket, text);
    }
    close(code: number, reason: string): void {
      closeSocket(this.ws, code, reason);
    }
    bufferedAmount(): number {
      return this.ws.bufferedAmount;
    }
  }

  const onConnection = (ws: WebSocket, req: IncomingMessage, socket: Duplex): void => {
    const state: { alive: boolean; connection?: ChannelConnection } = { alive: true };
    sockets.set(ws, state);
    /** Frames that arrive while getUser runs, handled once it is done. */
    const early: string[] = [];
    let closed = false;
    let refused = false;
    ws.on("pong", () => {
      state.alive = true;
    });
    ws.on("error", () => {
      // ws reports protocol errors (a frame over maxPayload: 1009) and then closes the socket.
    });
    ws.on("close", () => {
      closed = true;
      sockets.delete(ws);
      state.connection?.close();
    });
    ws.on("message", (data, isBinary) => {
      if (isBinary) {
        closeSocket(ws, 1003, "Text frames only.");
        return;
      }
      const text = Buffer.isBuffer(data)
        ? data.toString("utf8")
        : Array.isArray(data)
          ? Buffer.concat(data).toString("utf8")
          : Buffer.from(data).toString("utf8");
      if (state.connection) state.connection.receive(text);
      else if (!refused && early.length < MAX_EARLY_FRAMES) early.push(text);
    });
    if (!originAllowed(req)) {
      refused = true;
      closeSocket(ws, CLOSE.badOrigin, "Origin not allowed.");
      return;
    }
    // getUser gets a Request of its own; the socket keeps only the URL and the header object,
    // and builds ctx.request again if a hook reads it (a Request costs several KB per socket).
    const url = requestUrl(req).href;
    const { headers } = req;
    const upgradeRequest = () => new Request(url, { headers: requestHeaders({ headers }) });
    const peer = new SocketPeer(ws, socket);
    void (async () => {
      let user: Awaited<ReturnType<GetUser>> = null;
      try {
        user = options.getUser ? await options.getUser(upgradeRequest()) : null;
      } catch (error) {
        try {
          onError(error, { request: upgradeRequest(), fn: null });
        } catch {
          // A failing logger must not leave the socket open.
        }
        closeSocket(ws, 1011, "Internal server error.");
        return;
      }
      if (closed || stopped) return;
      state.connection = channels.connect(
        peer,
        { request: upgradeRequest, user: user ?? null },
        engineOptions,
      );
      for (const text of early.splice(0)) state.connection.receive(text);
    })();
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = requestUrl(req).pathname;
    if (path !== wsPath && path !== `${wsPath}/`) {
      // Someone else's path: another listener may take it; with none, nobody will.
      if (server.listenerCount("upgrade") <= 1) refuseUpgrade(socket, "404 Not Found");
      return;
    }
    if (stopped) {
      refuseUpgrade(socket, "503 Service Unavailable");
      return;
    }
    socket.on("error", () => {
      // A client that vanished mid-handshake.
    });
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req, socket));
  };
  server.on("upgrade", onUpgrade);

  const heartbeat = setInterval(() => {
    for (const [ws, state] of sockets) {
      if (!state.alive) {
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
      state.connection?.check();
    }
  }, heartbeatMs);
  heartbeat.unref?.();

  return {
    channels,
    get size() {
      let open = 0;
      for (const ws of sockets.keys()) if (ws.readyState === ws.OPEN) open += 1;
      return open;
    },
    async close() {
      if (stopped) return;
      stopped = true;
      server.off("upgrade", onUpgrade);
      clearInterval(heartbeat);
      const open = [...sockets.keys()];
      await Promise.all(
        open.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) {
                resolve();
                return;
              }
              ws.once("close", () => resolve());
              try {
                ws.close(CLOSE.goingAway, "Server shutting down.");
              } catch {
                ws.terminate();
              }
              // Do not wait on a peer that does not answer.
              const timer = setTimeout(() => ws.terminate(), 1000);
              timer.unref?.();
              ws.once("close", () => clearTimeout(timer));
            }),
        ),
      );
      for (const timer of closeTimers) clearTimeout(timer);
      closeTimers.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (owned) await channels.close();
    },
  };
}
