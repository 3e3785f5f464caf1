import type { ChannelClient, ChannelClientOptions } from "../src/client/channel-client.js";
import type { MizanChannelSource } from "./provider-context.js";

export type { MizanChannelSource } from "./provider-context.js";

/** Makes the page's channel client; `useChannel` passes `createChannelClient`. */
export type ChannelClientFactory = (options: ChannelClientOptions) => ChannelClient;

/** Whether `option` is a ready client rather than options for one. */
const isClient = (option: unknown): option is ChannelClient =>
  typeof (option as ChannelClient | undefined)?.subscribe === "function";

/**
 * The source's client: the given one, else made now with `create` (`createChannelClient`).
 * A client made here is closed when the provider unmounts (and is not mounted again within a
 * microtask, as React's StrictMode does); the next use makes a new one. A client given
 * ready-made is never closed here.
 */
export function channelClientOf(
  source: MizanChannelSource,
  create: ChannelClientFactory,
): ChannelClient {
  if (!source.client) {
    const { option, basePath } = source;
    if (isClient(option)) {
      source.client = option;
    } else {
      const client = create({ ...(basePath !== undefined ? { basePath } : {}), ...option });
      source.client = client;
      source.release = () =>
        queueMicrotask(() => {
          if (source.mounted || source.client !== client) return;
          client.close();
          source.client = undefined;
          source.release = undefined;
        });
    }
  }
  return source.client;
}
