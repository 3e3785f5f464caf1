import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, expectTypeOf, test } from "vitest";
import type * as client from "../../src/client/index.js";
import { nodeImportsUnder } from "../helpers/imports.js";

test("mizan/client's runtime exports are pinned", async () => {
  const exports = await import("../../src/client/index.js");
  expect(Object.keys(exports).sort()).toEqual([
    "MizanChannelError",
    "MizanClientError",
    "compareCursors",
    "contextKey",
    "createChannelClient",
    "createClient",
    "createContextStore",
    "createInProcessClient",
    "inProcessTransport",
    "isMizanChannelError",
    "isMizanClientError",
    "multipart",
    "multipartBody",
    "readSerializedContexts",
    "retry",
  ]);
});

test("mizan/client's type exports exist", () => {
  expectTypeOf<client.ClientOptions>().toHaveProperty("baseUrl");
  expectTypeOf<client.MizanClient>().toHaveProperty("call");
  expectTypeOf<client.Transport>().toBeFunction();
  expectTypeOf<client.CallOptions>().toHaveProperty("signal");
  expectTypeOf<client.ClientErrorCode>().toMatchTypeOf<string>();
  expectTypeOf<client.CsrfOption>().not.toBeNever();
  expectTypeOf<client.FetchLike>().toBeFunction();
  expectTypeOf<client.InProcessOptions>().toHaveProperty("registry");
  expectTypeOf<client.RetryOptions>().toHaveProperty("retries");
  expectTypeOf<client.ClientPlugin>().toHaveProperty("get");
  expectTypeOf<client.ClientOptions>().toHaveProperty("plugins");
  expectTypeOf<client.ChannelClient>().toHaveProperty("subscribe");
  expectTypeOf<client.ChannelClientOptions>().toHaveProperty("WebSocket");
  expectTypeOf<client.ChannelSubscription>().toHaveProperty("send");
  expectTypeOf<client.ChannelHandlers>().toHaveProperty("onGap");
  expectTypeOf<client.ChannelStatus>().toEqualTypeOf<
    "connecting" | "open" | "reconnecting" | "forbidden" | "closed"
  >();
});

/** Every module a file reaches through relative imports (type-only imports included). */
function importGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, "utf8");
  for (const [, spec] of source.matchAll(/from\s+"(\.[^"]+)"/g)) {
    importGraph(resolve(dirname(entry), (spec as string).replace(/\.js$/, ".ts")), seen);
  }
  return seen;
}

test("the in-process client reaches only src/core, its own modules and the table-less language ones", () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
  const reached = [...importGraph(resolve(src, "client/in-process.ts"))].map((file) =>
    file.slice(src.length + 1),
  );
  const outsideCore = reached.filter((file) => !file.startsWith("core/")).sort();
  // The current language and the table registry (no locale table: those stay server-side).
  expect(outsideCore).toEqual([
    "client/client-error.ts",
    "client/envelopes.ts",
    "client/in-process.ts",
    "client/transport.ts",
    "forms/locale-registry.ts",
    "forms/message-format.ts",
    "forms/message-types.ts",
  ]);
});

test("src/client imports no Node built-in (it runs in browsers and edge runtimes)", () => {
  const { files, offending } = nodeImportsUnder("src/client");
  expect(files).toBeGreaterThan(0);
  expect(offending).toEqual([]);
});
