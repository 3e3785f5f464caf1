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
import { toNodeHandler } from "mizan/node";
import { productionLike } from "../lib/report.js";
import { FLOOR_BODY, honoApp, mizanHandler } from "./apps.js";

productionLike();
const kind = process.argv[2];

function mizanServer(): Server {
  return createServer(toNodeHandler(mizanHandler()));
}

function floorServer(): Server {
  const body = FLOOR_BODY;
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
  const app = honoApp();
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
