import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { GenerateError, generate } from "../../src/codegen/index.js";
import { Channel, type ChannelParams } from "../../src/core/channel.js";
import { Registry } from "../../src/core/registry.js";
import { client } from "../../src/core/server-function.js";
import { emit, ROOT, TMP, typecheck } from "./helpers.js";

const room = z.object({ room: z.string().min(1).max(40) });
const say = z.object({ text: z.string().min(1).max(500) });
const said = z.object({ user: z.string(), text: z.string(), at: z.string() });

class ChatChannel extends Channel<typeof room, typeof say, typeof said> {
  params = room;
  override message = say;
  event = said;
  override description = "Messages of one chat room.";
  group({ room }: ChannelParams<ChatChannel>) {
    return `chat:${room}`;
  }
}

const none = z.object({});
const alert = z.object({ level: z.enum(["info", "warn"]), text: z.string() });

/** No params, no messages: a feed the server publishes to. */
class StaffAlertsChannel extends Channel<typeof none, undefined, typeof alert> {
  params = none;
  event = alert;
  group() {
    return "staff";
  }
}

function manifestWith(register: (registry: Registry) => void) {
  const registry = new Registry();
  register(registry);
  return registry.manifest();
}

const chatManifest = () =>
  manifestWith((r) => {
    r.register(ChatChannel, "chat");
    r.register(StaffAlertsChannel, "staff.alerts");
    r.register(
      client({ input: z.object({ text: z.string() }) }, (_ctx, { text }) => text),
      "echo",
    );
  });

describe("generated channel hooks", () => {
  test("no channels, no channels.ts, and the index does not mention it", () => {
    const files = generate(
      manifestWith((r) =>
        r.register(
          client({}, () => 1),
          "ping",
        ),
      ),
    );
    expect(files.map((f) => f.path)).toEqual(["functions.ts", "index.ts"]);
    expect(files.find((f) => f.path === "index.ts")?.contents).not.toContain("channels");
  });

  test("a hook per channel, typed from its schemas, exported by the index", () => {
    const files = generate(chatManifest());
    expect(files.map((f) => f.path)).toEqual(["channels.ts", "functions.ts", "index.ts"]);
    const channels = files.find((f) => f.path === "channels.ts")?.contents ?? "";
    expect(channels).toContain("export type ChatChannelParams = { room: string };");
    expect(channels).toContain("export type ChatChannelMessage = { text: string };");
    expect(channels).toContain(
      "export type ChatChannelEvent = { user: string; text: string; at: string };",
    );
    expect(channels).toContain("export type StaffAlertsChannelMessage = never;");
    expect(channels).toContain(" * Messages of one chat room.");
    expect(channels).toContain('useChatChannel({ room: "…" });');
    const index = files.find((f) => f.path === "index.ts")?.contents ?? "";
    expect(index).toMatch(/export \{[^}]*useChatChannel[^}]*\} from "\.\/channels\.js";/);
    expect(index).toMatch(/useStaffAlertsChannel/);
    expect(index.indexOf("./channels.js")).toBeLessThan(index.indexOf("./functions.js"));
  });

  test("without hooks there is no channels.ts (it needs React)", () => {
    const files = generate(chatManifest(), { hooks: false });
    expect(files.map((f) => f.path)).toEqual(["functions.ts", "index.ts"]);
  });

  test("the hooks type-check: params, messages and events as the schemas say", () => {
    const dir = join(TMP, "channels-typed");
    emit(chatManifest(), dir);
    const usage = join(dir, "usage.tsx");
    writeFileSync(
      usage,
      [
        'import { useChatChannel, useStaffAlertsChannel } from "./index.js";',
        "export function Room() {",
        '  const chat = useChatChannel({ room: "lobby" }, { keep: 20, onEvent: (e) => e.at });',
        "  const who: string | undefined = chat.last?.user;",
        '  void chat.send({ text: "hi" });',
        "  // @ts-expect-error: a message is { text }",
        "  void chat.send({ body: 1 });",
        "  const alerts = useStaffAlertsChannel();",
        '  const level: "info" | "warn" | undefined = alerts.events[0]?.level;',
        "  // @ts-expect-error: this channel takes no messages",
        "  void alerts.send({});",
        "  return <p>{who}{level}{chat.status}</p>;",
        "}",
        "export function Wrong() {",
        "  // @ts-expect-error: room is required",
        "  useChatChannel({});",
        "  return null;",
        "}",
        "",
      ].join("\n"),
    );
    expect(typecheck([join(dir, "index.ts"), usage], dir)).toBe("");
  }, 60_000);

  test("the output is already Biome-formatted and lint-clean", () => {
    for (const file of generate(chatManifest())) {
      const formatted = execFileSync(
        join(ROOT, "node_modules/.bin/biome"),
        ["check", "--write", `--stdin-file-path=test/codegen/${file.path}`],
        { cwd: ROOT, encoding: "utf8", input: file.contents },
      );
      expect(formatted, file.path).toBe(file.contents);
    }
  }, 60_000);

  test("a channel whose hook another export already has is refused", () => {
    const manifest = manifestWith((r) => {
      r.register(ChatChannel, "chat");
      r.register(
        client({ context: "global" }, () => 1),
        "chatChannel",
      );
    });
    expect(() => generate(manifest)).toThrow(GenerateError);
    expect(() => generate(manifest)).toThrow(
      "The channels and ./contexts.js would both export useChatChannel; rename one.",
    );
  });

  test("params that are not an object schema are refused", () => {
    const manifest = {
      ...manifestWith(() => {}),
      channels: {
        odd: {
          name: "odd",
          description: null,
          params: { type: "string" },
          message: null,
          event: {},
          auth: "none",
        },
      },
    };
    expect(() => generate(manifest as never)).toThrow(
      /Channel "odd": its params must be an object schema/,
    );
  });
});
