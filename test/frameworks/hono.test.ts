/**
 * Hono on @hono/node-server, mounted as docs/frameworks/hono.md says (one route, the raw Web
 * Request handed over), on a real server.
 */
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { createHandler } from "mizan/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { frameworkRegistry, mountedAppTests } from "./support.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: ServerType | undefined;
afterEach(async () => {
  const current = server;
  server = undefined;
  if (!current) return;
  if ("closeAllConnections" in current) current.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    current.close((error) => (error ? reject(error) : resolve())),
  );
});

type Mount = "all" | "mount";

/** The docs' app (either of its two mounts), plus a route of the app's own. */
async function start(mount: Mount): Promise<string> {
  const handler = createHandler({ registry: frameworkRegistry() });
  const app = new Hono();
  if (mount === "all") app.all("/api/mizan/*", (c) => handler(c.req.raw));
  else app.mount("/api/mizan", handler, { replaceRequest: false });
  app.get("/health", (c) => c.json({ ok: true }));
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve(info.port),
    );
  });
  return `http://127.0.0.1:${port}/api/mizan`;
}

describe.each(["all", "mount"] as const)("Hono on @hono/node-server, app.%s()", (mount) => {
  mountedAppTests(() => start(mount));
});

test("app.mount() without replaceRequest: false strips the prefix, so mizan answers 404", async () => {
  const handler = createHandler({ registry: frameworkRegistry() });
  const app = new Hono();
  app.mount("/api/mizan", handler);
  const response = await app.request("http://localhost/api/mizan/manifest/");
  expect(response.status).toBe(404);
});
