import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { toNodeHandler } from "mizan/node";
import { createHandler } from "mizan/server";
import { SESSION_COOKIE } from "./functions.js";
import { registry } from "./registry.js";
import { DemoStore } from "./store.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://localhost");
  const wanted = normalize(decodeURIComponent(url.pathname));
  let file = resolve(join(root, wanted));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = join(root, "index.html");
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res
      .writeHead(404, { "content-type": "text/plain" })
      .end("The demo client is not built: run `npm run demo`.");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(body);
}

export interface DemoServerOptions {
  /** Folder of the built client (Vite's output). */
  clientDir: string;
  /** Show internal error details in 500 bodies (off by default). */
  debug?: boolean;
}

/** The demo server: mizan's handler under /api/mizan/, the built React client elsewhere. */
export function createDemoServer(options: DemoServerOptions): { server: Server; store: DemoStore } {
  const store = new DemoStore();
  const handler = createHandler({
    registry,
    app: { store },
    debug: options.debug ?? false,
    getUser: (request) => {
      const id = Number(cookie(request, SESSION_COOKIE));
      return Number.isInteger(id) ? (store.userById(id) ?? null) : null;
    },
  });
  const mizan = toNodeHandler(handler);
  const root = resolve(options.clientDir);
  const server = createServer((req, res) => {
    mizan(req, res, () => {
      serveStatic(root, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  return { server, store };
}
