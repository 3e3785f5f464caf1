import { defaultRegistry, type Registry } from "../../core/registry.js";
import {
  type ChannelConnection,
  CLOSE,
  type ConnectionInit,
  connectPeer,
  type EngineOptions,
  type Peer,
} from "./engine.js";
import { Hub } from "./hub.js";
import type { ChannelLayer } from "./layer.js";
import { memoryLayer } from "./memory-layer.js";

export interface ChannelsOptions {
  /** Where the channels are registered (default: the registry `register()` fills). */
  registry?: Registry;
  /** Where events travel (default: `memoryLayer()`, this process only). */
  layer?: ChannelLayer;
}

/** The channels of one server: publish events, connect sockets, close. */
export interface Channels {
  readonly registry: Registry;
  readonly layer: ChannelLayer;
  /**
   * Publish an event to a group (what a channel's `group(params)` returns): every subscriber
   * of the group, on every server sharing the layer, gets it. Resolves with its cursor;
   * rejects with `MizanError("UNAVAILABLE")` when the layer is down. Each subscriber's channel
   * checks the event against its `event` schema first; one that fails is not sent (and is
   * reported to `onError`).
   */
  publish(group: string, event: unknown): Promise<string>;
  /** Start the protocol on a socket (what `attachChannels` does for each `ws` connection). */
  connect(peer: Peer, init: ConnectionInit, options?: EngineOptions): ChannelConnection;
  /** Close every socket (1001) and the layer. */
  close(): Promise<void>;
}

/**
 * The channels served over one layer. Most apps use `defaultChannels` (and the top-level
 * `publish`); create one for another registry or layer, and hand it to `attachChannels`.
 *
 * @example
 * const channels = createChannels({ registry, layer: redisLayer({ url: process.env.REDIS_URL }) });
 * attachChannels(server, { channels });
 * await channels.publish("chat:lobby", { from: "system", text: "Welcome" });
 */
export function createChannels(options: ChannelsOptions = {}): Channels {
  const registry = options.registry ?? defaultRegistry;
  const layer = options.layer ?? memoryLayer();
  const hub = new Hub(layer);
  const open = new Map<ChannelConnection, Peer>();

  return {
    registry,
    layer,
    publish: (group, event) => layer.publish(group, event),
    connect(peer, init, engineOptions) {
      const connection = connectPeer({ registry, layer, hub }, peer, init, engineOptions);
      open.set(connection, peer);
      // Bound, so that an adapter may hand `receive` or `check` around on its own.
      return {
        receive: (text) => connection.receive(text),
        check: () => connection.check(),
        close() {
          open.delete(connection);
          connection.close();
        },
      };
    },
    async close() {
      for (const [connection, peer] of [...open]) {
        open.delete(connection);
        connection.close();
        try {
          peer.close(CLOSE.goingAway, "Server shutting down.");
        } catch {
          // Already gone.
        }
      }
      hub.clear();
      await layer.close();
    },
  };
}

/** The channels of the default registry over a memory layer: what `publish` uses. */
export const defaultChannels: Channels = createChannels();

/**
 * Publish an event to a group on `defaultChannels` (from a form's `onSubmitSuccess`, a server
 * function, a job). Resolves with the event's cursor.
 *
 * @example
 * async onSubmitSuccess(ctx: RequestContext, data: CleanedData<PostForm>) {
 *   const post = await db.posts.create(data);
 *   await publish(`thread:${post.threadId}`, { kind: "post", id: post.id });
 * }
 */
export function publish(group: string, event: unknown): Promise<string> {
  return defaultChannels.publish(group, event);
}
