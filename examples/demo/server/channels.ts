/**
 * The demo's channels: a chat per room, and a staff feed the order form publishes to. They are
 * served over the WebSocket `attachChannels` adds to the demo server (app.ts).
 */
import { Channel, type ChannelMessage, type ChannelParams, type RequestContext } from "mizan";
import type { Channels } from "mizan/server";
import { z } from "zod";
import type { DemoUser } from "./store.js";

/** The rooms of the chat page's picker. */
export const CHAT_ROOMS = ["lobby", "help", "random"] as const;

const room = z.object({ room: z.enum(CHAT_ROOMS) });
const say = z.object({ text: z.string().trim().min(1).max(280) });
const said = z.object({ user: z.string(), text: z.string(), at: z.string() });

function userOf(ctx: RequestContext): DemoUser | null {
  return ctx.user as DemoUser | null;
}

/**
 * One chat room: anyone may read and write (signed-in users under their name, others as
 * "guest"); what is said is broadcast to everyone in the room.
 */
export class ChatChannel extends Channel<typeof room, typeof say, typeof said> {
  params = room;
  override message = say;
  event = said;
  override description = "One chat room: messages from everyone in it, as they are sent.";

  group({ room }: ChannelParams<ChatChannel>) {
    return `chat:${room}`;
  }

  override receive(
    ctx: RequestContext,
    _params: ChannelParams<ChatChannel>,
    { text }: ChannelMessage<ChatChannel>,
  ) {
    return { user: userOf(ctx)?.username ?? "guest", text, at: new Date().toISOString() };
  }
}

const none = z.object({});
const staffEvent = z.object({ kind: z.literal("order"), text: z.string(), at: z.string() });

/** What the staff feed carries: a line per order placed. */
export type StaffEvent = z.output<typeof staffEvent>;

/** The staff group every order is announced to. */
export const STAFF_GROUP = "staff";

/**
 * Orders as they are placed, for staff only (sign in as "admin"): anyone may connect, but the
 * subscription of a non-staff user is refused (FORBIDDEN) without closing the page's socket.
 */
export class StaffChannel extends Channel<typeof none, undefined, typeof staffEvent> {
  params = none;
  event = staffEvent;
  override description = "New orders as they are placed; staff only.";

  override authorize(ctx: RequestContext) {
    return userOf(ctx)?.isStaff === true;
  }

  group() {
    return STAFF_GROUP;
  }
}

/**
 * Tell staff about an order, from server code (the order form's onSubmitSuccess). The demo's
 * channels travel in `ctx.app`; an unreachable layer (Redis down) must not fail the order.
 */
export async function announceToStaff(ctx: RequestContext, text: string): Promise<void> {
  const channels = (ctx.app as { channels?: Channels }).channels;
  const event: StaffEvent = { kind: "order", text, at: new Date().toISOString() };
  await channels?.publish(STAFF_GROUP, event).catch((error: unknown) => {
    console.warn("demo: could not tell staff about the order:", error);
  });
}
