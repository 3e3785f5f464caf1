/**
 * The part of `next start` that matters to a route handler, on node:http: the Web Request is
 * built as Next builds it (an absolute URL on the Host the browser used, every header, the
 * body as a ReadableStream with `duplex: "half"`, a signal for the client going away), the
 * exported function for the method is called with `(request, { params })`, its Response is
 * written back, and, with Next's default `trailingSlash: false`, a path ending in `/` is first
 * redirected (308) to the same path without it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { Readable } from "node:stream";

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ path: string[] }> },
) => Promise<Response>;

/** A route module: `export const POST = …; export const GET = …;` */
export type RouteModule = Partial<
  Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler>
>;

export interface NextStyleOptions {
  /** The directory the route sits in, `[...path]` being what follows it. */
  routeBase: string;
  /** Next's `skipTrailingSlashRedirect` (default false: `/x/` → 308 `/x`). */
  skipTrailingSlashRedirect?: boolean;
}

function nextRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const proto = req.headers["x-forwarded-proto"] ?? "http";
  const url = `${proto}://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody && {
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    }),
  } as RequestInit);
}

/** A node:http server that serves one route module the way Next's App Router does. */
export function nextStyleServer(route: RouteModule, options: NextStyleOptions): Server {
  return createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url ?? "/", "http://localhost");
    if (!options.skipTrailingSlashRedirect && pathname.length > 1 && pathname.endsWith("/")) {
      res.writeHead(308, { location: `${pathname.slice(0, -1)}${search}` }).end();
      return;
    }
    if (!pathname.startsWith(`${options.routeBase}/`)) {
      res.writeHead(404).end();
      return;
    }
    const handler = route[(req.method ?? "GET") as keyof RouteModule];
    if (!handler) {
      res.writeHead(405).end();
      return;
    }
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const path = pathname
      .slice(options.routeBase.length + 1)
      .split("/")
      .filter(Boolean);
    const response = await handler(nextRequest(req, controller.signal), {
      params: Promise.resolve({ path }),
    });
    res.statusCode = response.status;
    for (const [name, value] of response.headers) {
      if (name !== "set-cookie") res.setHeader(name, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  });
}
