import { z } from "zod";
import {
  type AuthOption,
  Channel,
  type ChannelEvent,
  type ChannelMessage,
  type ChannelParams,
  Registry,
  type RequestContext,
} from "../../src/index.js";
import type { GetUser } from "../../src/server/index.js";

const room = z.object({ room: z.string().min(1).max(40) });
const say = z.object({ text: z.string().min(1).max(200) });
const said = z.object({ from: z.string(), text: z.string() });

/** Rooms anyone may join, except "secret"; a message becomes an event for the room. */
export class RoomChannel extends Channel<typeof room, typeof say, typeof said> {
  params = room;
  override message = say;
  event = said;
  override authorize(_ctx: RequestContext, { room }: ChannelParams<RoomChannel>) {
    return room !== "secret";
  }
  group({ room }: ChannelParams<RoomChannel>) {
    return `room:${room}`;
  }
  override receive(
    ctx: RequestContext,
    _params: ChannelParams<RoomChannel>,
    { text }: ChannelMessage<RoomChannel>,
  ): ChannelEvent<RoomChannel> | undefined {
    if (text === "quiet") return undefined;
    const user = ctx.user as { name?: string } | null;
    return { from: user?.name ?? "anonymous", text };
  }
}

const none = z.object({});
const tick = z.object({ n: z.number().int() });

/** Signed-in users only. */
export class InboxChannel extends Channel<typeof none, undefined, typeof tick> {
  params = none;
  event = tick;
  override auth: AuthOption = true;
  group() {
    return "inbox";
  }
}

/** Public numbers, no messages. */
export class FeedChannel extends Channel<typeof none, undefined, typeof tick> {
  params = none;
  event = tick;
  group() {
    return "feed";
  }
}

/** Hooks that fail: a throw in receive, an event that breaks the schema. */
export class BrokenChannel extends Channel<typeof none, typeof say, typeof tick> {
  params = none;
  override message = say;
  event = tick;
  group() {
    return "broken";
  }
  override receive(
    _ctx: RequestContext,
    _p: ChannelParams<BrokenChannel>,
    { text }: { text: string },
  ) {
    if (text === "throw") throw new Error("database password is hunter2");
    return { n: text } as unknown as ChannelEvent<BrokenChannel>;
  }
}

export function channelRegistry(): Registry {
  const registry = new Registry();
  registry.register(RoomChannel, "room");
  registry.register(InboxChannel, "inbox");
  registry.register(FeedChannel, "feed");
  registry.register(BrokenChannel, "broken");
  return registry;
}

/** `x-user: ada` signs in as ada. */
export const headerUser: GetUser = (request) => {
  const name = request.headers.get("x-user");
  return name ? { id: name, name } : null;
};
