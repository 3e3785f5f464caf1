import { expect, expectTypeOf, test } from "vitest";
import type * as server from "../../src/server/index.js";
import { nodeImportsUnder } from "../helpers/imports.js";

test("mizan/server's runtime exports are pinned", async () => {
  const exports = await import("../../src/server/index.js");
  expect(Object.keys(exports).sort()).toEqual([
    "DEFAULT_LIMITS",
    "SHIPPED_LOCALES",
    "contextsScript",
    "createChannels",
    "createHandler",
    "csrfToken",
    "defaultChannels",
    "dispatch",
    "dispatchContext",
    "handleFormPost",
    "isUnderBasePath",
    "maxBodyBytesFor",
    "memoryLayer",
    "negotiateLanguage",
    "normalizeBasePath",
    "publish",
    "resolveContexts",
    "resolveGlobalContexts",
    "safeNextPath",
    "serializeContexts",
    "withLocale",
  ]);
});

test("mizan/server's type exports exist", () => {
  expectTypeOf<server.HandlerOptions>().toHaveProperty("limits");
  expectTypeOf<server.MizanHandler>().toHaveProperty("limits");
  expectTypeOf<server.Limits>().toHaveProperty("maxDepth");
  expectTypeOf<server.Limits>().toHaveProperty("maxContextArgsBytes");
  expectTypeOf<server.ContextResolveOptions>().toHaveProperty("getUser");
  expectTypeOf<server.ContextRequest>().toHaveProperty("args");
  expectTypeOf<server.SerializedContexts>().toBeObject();
  expectTypeOf<server.GetUser>().toBeFunction();
  expectTypeOf<server.OnError>().toBeFunction();
  expectTypeOf<server.MizanHandler>().toHaveProperty("serve");
  expectTypeOf<server.FrameworkPassThrough>().toHaveProperty("frameworkResponse");
  expectTypeOf<server.DispatchOutcome>().toHaveProperty("kind");
  expectTypeOf<server.Limits>().toHaveProperty("maxNumberOfFields");
  expectTypeOf<server.HandlerOptions>().toHaveProperty("renderFormPage");
  expectTypeOf<server.HandlerOptions>().toHaveProperty("languages");
  expectTypeOf<server.LanguageOptions>().toHaveProperty("languageCookie");
  expectTypeOf<server.FormPostState>().toHaveProperty("status");
  expectTypeOf<server.FormPageState>().toHaveProperty("errors");
  expectTypeOf<server.ChannelLayer>().toHaveProperty("history");
  expectTypeOf<server.Channels>().toHaveProperty("publish");
  expectTypeOf<server.ChannelsOptions>().toHaveProperty("layer");
  expectTypeOf<server.Peer>().toHaveProperty("bufferedAmount");
  expectTypeOf<server.ConnectionInit>().toHaveProperty("user");
  expectTypeOf<server.EngineOptions>().toHaveProperty("rate");
  expectTypeOf<server.ChannelConnection>().toHaveProperty("receive");
  expectTypeOf<server.MemoryLayerOptions>().toHaveProperty("historySize");
});

test("src/server imports no Node built-in (it runs in browsers and edge runtimes)", () => {
  const { files, offending } = nodeImportsUnder("src/server");
  expect(files).toBeGreaterThan(0);
  expect(offending).toEqual([]);
});
