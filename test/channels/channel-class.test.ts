import { describe, expect, expectTypeOf, test } from "vitest";
import { z } from "zod";
import {
  type AuthOption,
  Channel,
  type ChannelEvent,
  type ChannelMessage,
  type ChannelParams,
  client,
  Registry,
  type RequestContext,
} from "../../src/index.js";

const room = z.object({ room: z.string().min(1) });
const say = z.object({ text: z.string().min(1).max(500) });
const said = z.object({ from: z.string(), text: z.string(), at: z.number().default(0) });

class ChatChannel extends Channel<typeof room, typeof say, typeof said> {
  params = room;
  override message = say;
  event = said;
  override auth: AuthOption = true;
  override description = "Chat rooms";
  group({ room }: ChannelParams<ChatChannel>) {
    return `chat:${room}`;
  }
  override receive(
    ctx: RequestContext,
    _params: ChannelParams<ChatChannel>,
    { text }: ChannelMessage<ChatChannel>,
  ): ChannelEvent<ChatChannel> {
    return { from: String(ctx.user?.id), text };
  }
}

const noParams = z.object({});

class TickerChannel extends Channel<typeof noParams, undefined, z.ZodNumber> {
  params = noParams;
  event = z.number();
  group() {
    return "ticker";
  }
}

describe("Channel registration", () => {
  test("register(ChannelClass, name) lists the channel in the manifest with JSON Schemas", () => {
    const registry = new Registry();
    registry.register(ChatChannel, "chat");
    registry.register(TickerChannel, "ticker");
    expect(registry.channelNames()).toEqual(["chat", "ticker"]);
    expect(registry.channel("chat")).toBeInstanceOf(ChatChannel);
    const channels = registry.manifest().channels ?? {};
    expect(channels.chat).toEqual({
      name: "chat",
      description: "Chat rooms",
      params: z.toJSONSchema(room, { io: "input" }),
      message: z.toJSONSchema(say, { io: "input" }),
      event: z.toJSONSchema(said, { io: "output" }),
      auth: "user",
    });
    // The event is described as subscribers receive it: the default is applied, so required.
    expect((channels.chat as { event: { required: string[] } }).event.required).toContain("at");
    expect(channels.ticker).toMatchObject({ message: null, auth: "none", description: null });
  });

  test("channels count in the version only when there are some", () => {
    const echo = client((_ctx, args) => args);
    const plain = new Registry();
    plain.register(echo, "echo");
    const withChannel = new Registry();
    withChannel.register(echo, "echo");
    const before = withChannel.manifest().version;
    withChannel.register(TickerChannel, "ticker");
    expect(plain.manifest().channels).toEqual({});
    expect(before).toBe(plain.manifest().version);
    expect(withChannel.manifest().version).not.toBe(before);
  });

  test("names follow function names, once each; a channel needs a name", () => {
    const registry = new Registry();
    expect(() => registry.register(ChatChannel)).toThrow(/needs a name/);
    expect(() => registry.register(ChatChannel, "Chat")).toThrow(/Invalid channel name/);
    registry.register(ChatChannel, "chat");
    expect(() => registry.register(ChatChannel, "chat")).toThrow(/already registered/);
    // A channel and a function may share a name: they live on different routes.
    registry.register(
      client(() => null),
      "chat",
    );
  });

  test("a channel without Zod schemas is refused when registered", () => {
    class NoEvent extends Channel {
      params = z.object({});
      event = "nope" as unknown as z.ZodType;
      group() {
        return "x";
      }
    }
    class BadMessage extends Channel {
      params = z.object({});
      override message = { parse: () => 1 } as unknown as z.ZodType;
      event = z.number();
      group() {
        return "x";
      }
    }
    const registry = new Registry();
    expect(() => registry.register(NoEvent, "noEvent")).toThrow(/event must be a Zod schema/);
    expect(() => registry.register(BadMessage, "badMessage")).toThrow(/message must be/);
  });

  test("the hooks are typed from the schemas", () => {
    expectTypeOf<ChannelParams<ChatChannel>>().toEqualTypeOf<{ room: string }>();
    expectTypeOf<ChannelMessage<ChatChannel>>().toEqualTypeOf<{ text: string }>();
    expectTypeOf<ChannelEvent<ChatChannel>>().toEqualTypeOf<{
      from: string;
      text: string;
      at?: number | undefined;
    }>();
    expectTypeOf<ChannelMessage<TickerChannel>>().toBeNever();
    expectTypeOf<ChatChannel["receive"]>().parameter(0).toEqualTypeOf<RequestContext>();
  });

  test("the default authorize allows and the default receive publishes nothing", async () => {
    const ticker = new TickerChannel();
    const ctx = {} as RequestContext;
    expect(await ticker.authorize(ctx, {})).toBe(true);
    expect(await ticker.receive(ctx, {}, undefined as never)).toBeUndefined();
  });
});
