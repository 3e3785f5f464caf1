import { z } from "zod";
import { type AuthKind, type AuthOption, authKind } from "./auth.js";
import type { RequestContext } from "./context.js";
import type { Registry } from "./registry.js";

/** A Zod schema, or nothing (a channel that takes no client messages). */
type MaybeSchema = z.ZodType | undefined;

/** What a schema parses to, or `never` when there is no schema. */
type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;

/**
 * A live feed the browser subscribes to over the WebSocket at `{base}/ws/` (see
 * docs/channels.md). The three schemas describe the wire: `params` picks the feed (validated
 * on subscribe), `message` is what a subscriber may send (validated, then `receive` runs), and
 * `event` is what subscribers get (checked before anything is sent). Subscribers whose params
 * map to the same `group(params)` string share one feed; `publish(group, event)` (from
 * `mizan/server`) reaches them from anywhere on the server.
 *
 * Pass the three schema types as type arguments to type the hooks, and annotate the hooks'
 * parameters with `ChannelParams`, `ChannelMessage` and `ChannelEvent` (TypeScript does not
 * infer an overriding method's parameters from its base class).
 *
 * @example
 * const room = z.object({ room: z.string().min(1) });
 * const say = z.object({ text: z.string().min(1).max(500) });
 * const said = z.object({ from: z.string(), text: z.string() });
 *
 * export class ChatChannel extends Channel<typeof room, typeof say, typeof said> {
 *   params = room;
 *   message = say;
 *   event = said;
 *   override auth: AuthOption = true;
 *   group({ room }: ChannelParams<ChatChannel>) {
 *     return `chat:${room}`;
 *   }
 *   receive(ctx: RequestContext, _p: ChannelParams<ChatChannel>, { text }: ChannelMessage<ChatChannel>) {
 *     return { from: String(ctx.user?.id), text }; // broadcast to the room
 *   }
 * }
 * register(ChatChannel, "chat");
 */
export abstract class Channel<
  P extends z.ZodType = z.ZodType,
  M extends MaybeSchema = MaybeSchema,
  E extends z.ZodType = z.ZodType,
> {
  /** Validates the subscribe frame's `params`; a failure is `VALIDATION_FAILED`. */
  abstract readonly params: P;
  /** Validates a client message; without one, the channel refuses messages (`BAD_REQUEST`). */
  readonly message: M = undefined as M;
  /** Every event is checked against it before it is sent (a mismatch is a server bug). */
  abstract readonly event: E;
  /** Who may subscribe at all, as on server functions (`true`, `"staff"`, a predicate). */
  auth: AuthOption | undefined = undefined;
  /** A one-line description for the manifest. */
  description: string | undefined = undefined;

  /**
   * Whether this connection may subscribe with these params (after `auth` passed and the
   * params validated); false is `FORBIDDEN` for this subscription only. Default: true.
   */
  authorize(_ctx: RequestContext, _params: z.output<P>): boolean | Promise<boolean> {
    return true;
  }

  /** The feed these params belong to: subscribers with equal groups get the same events. */
  abstract group(params: z.output<P>): string;

  /**
   * Handle a validated client message: return an event to publish to the subscription's
   * group, or nothing. The sender gets its `ack` after the event is published. Default:
   * publish nothing.
   */
  receive(
    _ctx: RequestContext,
    _params: z.output<P>,
    _message: OutputOf<M>,
  ): z.input<E> | undefined | Promise<z.input<E> | undefined> {
    return undefined;
  }

  /** Used by `register(ChatChannel, "chat")`: a channel needs a name. */
  static registerInto(registry: Registry, name?: string): void {
    if (name === undefined) {
      throw new TypeError('register(ChannelClass, name): a channel needs a name, e.g. "chat".');
    }
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being registered
    const Class = this as unknown as new () => AnyChannel;
    registry.registerChannel(name, new Class());
  }
}

/** Any channel, whatever its schemas. */
// biome-ignore lint/suspicious/noExplicitAny: schemas vary per channel
export type AnyChannel = Channel<any, any, any>;

/** What a channel's hooks receive as params: its `params` schema's output. */
export type ChannelParams<C extends AnyChannel> = z.output<C["params"]>;
/** What a channel's `receive` gets as the message: its `message` schema's output. */
export type ChannelMessage<C extends AnyChannel> = OutputOf<C["message"]>;
/** What `receive` returns and `publish` takes for a channel: its `event` schema's input. */
export type ChannelEvent<C extends AnyChannel> = z.input<C["event"]>;

/** A channel in the manifest. */
export interface ChannelManifest {
  name: string;
  description: string | null;
  /** JSON Schema of the params (input side), as functions list their `input`. */
  params: unknown;
  /** JSON Schema of client messages (input side), `null` when the channel takes none. */
  message: unknown;
  /** JSON Schema of events (output side: what subscribers receive). */
  event: unknown;
  auth: AuthKind;
}

/** A schema as JSON Schema (draft 2020-12), `{}` when Zod cannot express it, null when absent. */
export function jsonSchemaOf(schema: z.ZodType | undefined, io: "input" | "output"): unknown {
  if (!schema) return null;
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: "any" });
  } catch {
    return {};
  }
}

function isSchema(value: unknown): value is z.ZodType {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { safeParseAsync?: unknown }).safeParseAsync === "function"
  );
}

/** Throws a TypeError naming what is wrong with a channel being registered. */
export function checkChannel(channel: unknown, name: string): asserts channel is AnyChannel {
  if (!(channel instanceof Channel)) {
    throw new TypeError(`"${name}": a channel must extend Channel.`);
  }
  if (!isSchema(channel.params)) throw new TypeError(`"${name}": params must be a Zod schema.`);
  if (!isSchema(channel.event)) throw new TypeError(`"${name}": event must be a Zod schema.`);
  if (channel.message !== undefined && !isSchema(channel.message)) {
    throw new TypeError(`"${name}": message must be a Zod schema or left out.`);
  }
  if (typeof channel.group !== "function") {
    throw new TypeError(`"${name}": a channel needs a group(params) method.`);
  }
}

/** The manifest entry of a registered channel. */
export function channelManifest(name: string, channel: AnyChannel): ChannelManifest {
  return {
    name,
    description: channel.description ?? null,
    params: jsonSchemaOf(channel.params, "input"),
    message: jsonSchemaOf(channel.message, "input"),
    event: jsonSchemaOf(channel.event, "output"),
    auth: authKind(channel.auth),
  };
}
