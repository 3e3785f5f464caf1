/**
 * Express 5, mounted as docs/frameworks/express.md says, on a real server: the app's own body
 * parsers in front of mizan, at the root and under a mount path.
 */
import { createServer } from "node:http";
import express from "express";
import { toNodeHandler } from "mizan/node";
import { createHandler } from "mizan/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { listen } from "./server.js";
import { frameworkRegistry, type Json, mountedAppTests } from "./support.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** At the root after the parsers, under the base path after them, at the root before them. */
type Mount = "root" | "path" | "first";

/** The docs' app: express.json()/urlencoded() for the app's own routes, then mizan. */
async function start(mount: Mount): Promise<string> {
  const handler = createHandler({ registry: frameworkRegistry() });
  const app = express();
  if (mount === "first") app.use(toNodeHandler(handler));
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));
  if (mount === "root") app.use(toNodeHandler(handler));
  if (mount === "path") app.use("/api/mizan", toNodeHandler(handler));
  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  const server = await listen(createServer(app));
  close = server.close;
  return server.baseUrl;
}

describe.each(["root", "path", "first"] as const)("Express 5, mounted: %s", (mount) => {
  mountedAppTests(() => start(mount));
});

describe.each([false, true])("express.urlencoded({ extended: %s }) in front", (extended) => {
  test("the re-encoded body has the same names and values, and a length that fits", async () => {
    // A Web handler that shows what reached it.
    const echo = async (request: Request) =>
      Response.json({
        type: request.headers.get("content-type"),
        length: request.headers.get("content-length"),
        body: await request.text(),
      });
    const app = express();
    app.use(express.urlencoded({ extended }));
    app.use(toNodeHandler(echo, { basePath: "/api/mizan" }));
    const server = await listen(createServer(app));
    close = server.close;
    const sent = new URLSearchParams([
      ["fn", "contact.submit"],
      ["a[b][c]", "1"],
      ["a[b][d]", "2"],
      ["list", "x"],
      ["list", "y"],
      ["plain", "é & ="],
    ]);
    const response = await fetch(`${server.baseUrl}/call/`, { method: "POST", body: sent });
    const got = (await response.json()) as Json;
    expect(got.type).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(got.length).toBeNull();
    expect([...new URLSearchParams(got.body)]).toEqual([...sent]);
  });
});
