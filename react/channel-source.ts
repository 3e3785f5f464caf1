import type { ChannelClient, ChannelClientOptions } from "../src/client/channel-client.js";

/** Makes the page's channel client; `useChannel` passes `createChannelClient`. */
export type ChannelClientFactory = (options: ChannelClientOptions) => ChannelClient;

/**
 * Where the provider keeps the page's channel client: made on first use (`channelClientOf`),
 * not before. The factory comes from the first `useChannel`, so a page without channels does
 * not download the channel client at all.
 */
export interface MizanChannelSource {
  /** The client in use: the one given, or the one made on first use (until closed). */
  client?: ChannelClient | undefined;
  readonly options: ChannelClientOptions | undefined;
  readonly basePath: string | undefined;
}

/** Whether `option` is a ready client rather than options for one. */
const isClient = (option: unknown): option is ChannelClient =>
  typeof (option as ChannelClient | undefined)?.subscribe === "function";

/**
 * A source that makes its client on the first `channelClientOf` (so a page without channels
 * opens no socket). `retain()` is the provider's hold on it: when the last hold is released
 * (and not taken again within a microtask, as React's StrictMode does), a client it made is
 * closed; the next use makes a new one. A client given ready-made is never closed here.
 */
export function lazyChannelSource(
  option: ChannelClient | ChannelClientOptions | undefined,
  basePath: string | undefined,
): MizanChannelSource & { retain(): () => void } {
  const given = isClient(option);
  let holds = 0;
  const source = {
    client: given ? option : undefined,
    options: given ? undefined : option,
    basePath,
    retain() {
      holds++;
      let released = false;
      return () => {
        if (released || given) return;
        released = true;
        holds--;
        queueMicrotask(() => {
          if (holds > 0) return;
          source.client?.close();
          source.client = undefined;
        });
      };
    },
  };
  return source;
}

/** The source's client: the given one, else made now with `create` (`createChannelClient`). */
export function channelClientOf(
  source: MizanChannelSource,
  create: ChannelClientFactory,
): ChannelClient {
  source.client ??= create({
    ...(source.basePath !== undefined ? { basePath: source.basePath } : {}),
    ...source.options,
  });
  return source.client;
}
