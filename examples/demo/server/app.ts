import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parse as parseCookies } from "cookie";
import { type AttachedChannels, attachChannels, toNodeHandler } from "mizan/node";
import {
  type ChannelLayer,
  type ContextResolveOptions,
  createChannels,
  createHandler,
  memoryLayer,
  type RenderFormPage,
} from "mizan/server";
import { SESSION_COOKIE } from "./functions.js";
import { LANGUAGE_OPTIONS, setLanguage } from "./language.js";
import { registry } from "./registry.js";
import { renderPage } from "./render-page.js";
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
  // The cookie package: a malformed %-escape gives the raw text instead of throwing.
  return parseCookies(request.headers.get("cookie") ?? "")[name];
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
    // The page, rendered for this request (react-dom/server): it works without JavaScript.
    const page = await renderPage(body.toString("utf8"), pageRequest(req), contexts);
    for (const [name, value] of page.headers) if (name !== "set-cookie") res.setHeader(name, value);
    const cookies = page.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    res.writeHead(200).end(page.html);
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(body);
}

/** The language form's post (a few dozen bytes; anything over 4 KB is refused). */
async function languageForm(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4096) {
      res.writeHead(413).end();
      return;
    }
    chunks.push(chunk);
  }
  const answer = setLanguage(Buffer.concat(chunks).toString("utf8"));
  res.writeHead(answer.status, Object.fromEntries(answer.headers)).end();
}

export interface DemoServerOptions {
  /** Folder of the built client (Vite's output). */
  clientDir: string;
  /** Show internal error details in 500 bodies (off by default). */
  debug?: boolean;
  /** Where channel events travel (default: in memory; main.ts picks Redis from MIZAN_REDIS_URL). */
  layer?: ChannelLayer;
}

/**
 * The demo server: mizan's handler under /api/mizan/ (its native form endpoint
 * `/api/mizan/form/<name>/` included), the channels' WebSocket at /api/mizan/ws/, the built
 * React client elsewhere, every page rendered on the server for the request's user, and a
 * failed native post answered with its form's page showing the user's values and Django's
 * messages.
 */
export function createDemoServer(options: DemoServerOptions): {
  server: Server;
  store: DemoStore;
  channels: AttachedChannels;
} {
  const store = new DemoStore();
  const channels = createChannels({ registry, layer: options.layer ?? memoryLayer() });
  const root = resolve(options.clientDir);
  const renderFormPage: RenderFormPage = async (state, request) => {
    const template = await readFile(join(root, "index.html"), "utf8");
    const { form, values, errors } = state;
    const page = await renderPage(template, request, handlerOptions, { form, values, errors });
    return new Response(page.html, { status: 422, headers: page.headers });
  };
  const handlerOptions = {
    registry,
    // The channels ride along so server code (the order form) can publish to them.
    app: { store, channels },
    debug: options.debug ?? false,
    // Every answer (messages, error texts, the native-post pages) in the request's language.
    ...LANGUAGE_OPTIONS,
    getUser: (request: Request) => {
      const id = Number(cookie(request, SESSION_COOKIE));
      return Number.isInteger(id) ? (store.userById(id) ?? null) : null;
    },
    renderFormPage,
  };
  const handler = createHandler(handlerOptions);
  const mizan = toNodeHandler(handler);
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url?.split("?")[0] === "/i18n/setlang/") {
      languageForm(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    mizan(req, res, () => {
      serveStatic(root, req, res, handlerOptions).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  // The chat's WebSocket at /api/mizan/ws/, beside the HTTP handler, with the same user.
  const attached = attachChannels(server, { channels, getUser: handlerOptions.getUser });
  return { server, store, channels: attached };
}
