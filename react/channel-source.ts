import { createContext } from "react";
import type { ChannelClient, ChannelClientOptions } from "../src/client/channel-client.js";

/** Makes the page's channel client; `useChannel` passes `createChannelClient`. */
export type ChannelClientFactory = (options: ChannelClientOptions) => ChannelClient;

/**
 * Where the provider keeps the page's channel client: made on first use, not before. The
 * factory comes from the first `useChannel`, so a page without channels does not download the
 * channel client at all.
 */
export interface MizanChannelSource {
  get(create: ChannelClientFactory): ChannelClient;
}

/** The channel client source of the nearest `<MizanProvider>`; set by the provider. */
export const MizanChannelsContext = createContext<MizanChannelSource | null>(null);

/**
 * A source that makes its client on the first `get()` (so a page without channels opens no
 * socket). `retain()` is the provider's hold on it: when the last hold is released (and not
 * taken again within a microtask, as React's StrictMode does), a client it made is closed; the
 * next `get()` makes a new one. A client given ready-made is never closed here.
 */
export function lazyChannelSource(
  option: ChannelClient | ChannelClientOptions | undefined,
  basePath: string | undefined,
): MizanChannelSource & { retain(): () => void } {
  if (option && typeof (option as ChannelClient).subscribe === "function") {
    const given = option as ChannelClient;
    return { get: () => given, retain: () => () => {} };
  }
  let made: ChannelClient | undefined;
  let holds = 0;
  return {
    get(create) {
      made ??= create({
        ...(basePath !== undefined ? { basePath } : {}),
        ...(option as ChannelClientOptions | undefined),
      });
      return made;
    },
    retain() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        queueMicrotask(() => {
          if (holds > 0) return;
          made?.close();
          made = undefined;
        });
      };
    },
  };
}
