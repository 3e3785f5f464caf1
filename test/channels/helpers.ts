import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import { type AttachChannelsOptions, attachChannels, toNodeHandler } from "../../src/node/index.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";

export type Frame = Record<string, unknown> & { t: string };

/** A node:http server on a free loopback port with the HTTP handler and channels attached. */
export async function startServer(
  options: AttachChannelsOptions & { handler?: HandlerOptions } = {},
) {
  const handler = createHandler({
    csrf: false,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.getUser ? { getUser: options.getUser } : {}),
    ...options.handler,
  });
  const server: Server = createServer(toNodeHandler(handler));
  const attached = attachChannels(server, options);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    server,
    attached,
    port,
    origin: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/mizan/ws/`,
    async close() {
      await attached.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A real `ws` client that records every frame and the close. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly ws: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  #waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  #taken = new Set<Frame>();

  constructor(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}) {
    this.ws = new WebSocket(url, options);
    this.ws.on("error", () => {});
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("unexpected-response", (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      this.ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
  }

  /** Send a frame (a string as is), once the socket is open. */
  send(frame: unknown): void {
    const text = typeof frame === "string" ? frame : JSON.stringify(frame);
    if (this.ws.readyState === this.ws.CONNECTING) {
      this.opened.then(() => this.ws.send(text)).catch(() => {});
    } else this.ws.send(text);
  }

  /** The first frame not yet taken by an earlier `next` that matches (waiting for it if need be). */
  next(match: Partial<Frame> | ((f: Frame) => boolean) = () => true): Promise<Frame> {
    const test =
      typeof match === "function"
        ? match
        : (f: Frame) => Object.entries(match).every(([k, v]) => f[k] === v);
    const found = this.frames.find((f) => !this.#taken.has(f) && test(f));
    if (found) {
      this.#taken.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve) => {
      this.#waiters.push({
        match: (f) => !this.#taken.has(f) && test(f),
        resolve: (f) => {
          this.#taken.add(f);
          resolve(f);
        },
      });
    });
  }

  /** Subscribe and wait for the answer (`ok` or `err`). */
  async sub(id: string, ch: string, params: unknown = {}, since?: string): Promise<Frame> {
    this.send(
      since === undefined ? { t: "sub", id, ch, params } : { t: "sub", id, ch, params, since },
    );
    return this.next((f) => f.id === id && (f.t === "ok" || f.t === "err"));
  }

  /** Every `ev` frame's data for a subscription so far. */
  events(id: string): unknown[] {
    return this.frames.filter((f) => f.t === "ev" && f.id === id).map((f) => f.data);
  }

  close(): void {
    this.ws.close();
  }
}

/** A round trip through the server: every frame it sent before the pong has arrived. */
export async function roundTrip(client: TestClient): Promise<void> {
  client.send({ t: "ping" });
  await client.next({ t: "pong" });
}
