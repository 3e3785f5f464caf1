import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { toNodeHandler } from "mizan/node";
import {
  type ContextResolveOptions,
  contextsScript,
  createHandler,
  resolveGlobalContexts,
} from "mizan/server";
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

/** The page request as a Web Request (what `getUser` reads: the session cookie). */
function pageRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(req.url ?? "/", "http://localhost"), { headers });
}

/**
 * index.html with the page's global contexts (`currentUser`) in a
 * `<script id="mizan-contexts">`: `<MizanProvider>` starts from them, so the first render
 * already shows who is signed in and the page makes no context request.
 */
async function renderPage(
  html: Buffer,
  req: IncomingMessage,
  contexts: ContextResolveOptions,
): Promise<string> {
  const state = await resolveGlobalContexts(pageRequest(req), contexts);
  return html.toString("utf8").replace("</body>", `${contextsScript(state)}</body>`);
}

async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  contexts: ContextResolveOptions,
) {
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
  if (extname(file) === ".html") {
    // Per user: never cached.
    const page = await renderPage(body, req, contexts);
    res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
    res.end(page);
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

/**
 * The demo server: mizan's handler under /api/mizan/, the built React client elsewhere, its
 * page carrying the global contexts of the request's user.
 */
export function createDemoServer(options: DemoServerOptions): { server: Server; store: DemoStore } {
  const store = new DemoStore();
  const handlerOptions = {
    registry,
    app: { store },
    debug: options.debug ?? false,
    getUser: (request: Request) => {
      const id = Number(cookie(request, SESSION_COOKIE));
      return Number.isInteger(id) ? (store.userById(id) ?? null) : null;
    },
  };
  const handler = createHandler(handlerOptions);
  const mizan = toNodeHandler(handler);
  const root = resolve(options.clientDir);
  const server = createServer((req, res) => {
    mizan(req, res, () => {
      serveStatic(root, req, res, handlerOptions).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  return { server, store };
}
