/**
 * One HTTP server of the HTTP benchmark, in its own process: `tsx bench/http/server.ts <kind>`
 * listens on a free loopback port and prints `{"port": n}` once ready. Every kind answers
 * `POST /api/mizan/call/` with the body `{"fn": "signup.submit", "args": {"data": {...}}}`.
 *
 * - `mizan`: mizan's node adapter serving `signup.submit` (default handler options).
 * - `floor`: bare node:http: reads the body, `JSON.parse`s it, answers a constant.
 * - `hono`: Hono on @hono/node-server, validating `args.data` with the hand-written Zod schema.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { toNodeHandler } from "mizan/node";
import { createHandler } from "mizan/server";
import { z } from "zod";
import { productionLike } from "../lib/report.js";
import { signupRegistry } from "../lib/signup.js";
import { signupZod } from "../lib/signup-anchors.js";

productionLike();
const kind = process.argv[2];
const PATH = "/api/mizan/call/";

function mizanServer(): Server {
  const handler = createHandler({ registry: signupRegistry() });
  return createServer(toNodeHandler(handler));
}

function floorServer(): Server {
  const body = JSON.stringify({ result: { ok: true, username: "ada_lovelace" } });
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(body);
    });
  });
}

function honoServer(): Promise<Server> {
  const app = new Hono();
  app.post(PATH, async (c) => {
    const body = (await c.req.json()) as { args?: { data?: unknown } };
    const parsed = signupZod.safeParse(body?.args?.data);
    if (!parsed.success) {
      const details = z.flattenError(parsed.error);
      return c.json({ error: { code: "VALIDATION_FAILED", message: "Invalid.", details } }, 422);
    }
    return c.json({ result: { ok: true, username: parsed.data.username } });
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(server as Server),
    ) as Server;
  });
}

async function start(): Promise<Server> {
  if (kind === "hono") return honoServer();
  const server = kind === "mizan" ? mizanServer() : kind === "floor" ? floorServer() : null;
  if (!server) throw new Error(`Unknown server kind "${kind}" (mizan, floor, hono).`);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const server = await start();
server.keepAliveTimeout = 60_000;
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
process.on("SIGTERM", () => {
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
});
