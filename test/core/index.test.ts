import { expect, expectTypeOf, test } from "vitest";
import type * as core from "../../src/core/index.js";
import { nodeImportsUnder, specifiers } from "../helpers/imports.js";

test("mizan core's runtime exports are pinned", async () => {
  const exports = await import("../../src/core/index.js");
  expect(Object.keys(exports).sort()).toEqual([
    "Channel",
    "ERROR_STATUS",
    "MizanError",
    "Registry",
    "ServerFunction",
    "client",
    "contentHash",
    "contextKey",
    "createContext",
    "defaultRegistry",
    "dispatch",
    "dispatchContext",
    "errorOutcome",
    "isFrameworkResponse",
    "register",
    "setFrameworkResponseBase",
    "stableStringify",
    "withLocale",
    "zodErrorDetails",
  ]);
});

test("mizan core's type exports exist", () => {
  // Compile-time pins: removing one of these exports fails the typecheck.
  expectTypeOf<core.ErrorCode>().toEqualTypeOf<keyof typeof core.ERROR_STATUS>();
  expectTypeOf<core.ValidationDetails>().toHaveProperty("non_field");
  expectTypeOf<core.WireErrorItem>().toHaveProperty("code");
  expectTypeOf<core.ErrorEnvelope>().toHaveProperty("error");
  expectTypeOf<core.RequestContext>().toHaveProperty("setCookie");
  expectTypeOf<core.Register>().toBeObject();
  expectTypeOf<core.MizanUser>().toHaveProperty("isStaff");
  expectTypeOf<core.User>().not.toBeNever();
  expectTypeOf<core.App>().toBeUnknown();
  expectTypeOf<core.CookieOptions>().toHaveProperty("sameSite");
  expectTypeOf<core.ContextInit>().toHaveProperty("user");
  expectTypeOf<core.AuthOption>().not.toBeNever();
  expectTypeOf<core.AuthKind>().toEqualTypeOf<"none" | "user" | "staff" | "superuser" | "custom">();
  expectTypeOf<core.Middleware>().toBeFunction();
  expectTypeOf<core.FunctionOptions<undefined, undefined>>().toHaveProperty("auth");
  expectTypeOf<core.ContextKind>().toEqualTypeOf<"global" | "local">();
  expectTypeOf<core.Manifest>().toHaveProperty("version");
  expectTypeOf<core.FunctionManifest>().toHaveProperty("input");
  expectTypeOf<core.Registrable>().toHaveProperty("registerInto");
  expectTypeOf<core.DispatchOptions>().toHaveProperty("registry");
  expectTypeOf<core.DispatchOutcome>().toHaveProperty("headers");
  expectTypeOf<core.SuccessEnvelope>().toHaveProperty("invalidate");
  expectTypeOf<core.ContextManifest>().toHaveProperty("kind");
  expectTypeOf<core.SerializedContexts>().toBeObject();
  expectTypeOf<core.ContextEnvelope>().toHaveProperty("merge");
  expectTypeOf<core.ContextRef>().toHaveProperty("args");
  expectTypeOf<core.ContextMerge>().toHaveProperty("value");
  expectTypeOf<core.ContextEffects>().toHaveProperty("invalidate");
  expectTypeOf<core.GetUser>().toBeFunction();
  expectTypeOf<core.OnError>().toBeFunction();
  expectTypeOf<core.ChannelManifest>().toHaveProperty("event");
  expectTypeOf<core.Manifest>().toHaveProperty("channels");
  expectTypeOf<core.AnyChannel>().toHaveProperty("group");
  expectTypeOf<core.ChannelParams<core.AnyChannel>>().toBeAny();
});

test("src/core imports no Node built-in (it runs in browsers and edge runtimes)", () => {
  const { files, offending } = nodeImportsUnder("src/core");
  expect(files).toBeGreaterThan(0);
  expect(offending).toEqual([]);
});

test("the import scan catches node: and bare built-ins", () => {
  expect(specifiers('import { x } from "node:fs";\nexport { y } from "http";')).toEqual([
    "node:fs",
    "http",
  ]);
});
