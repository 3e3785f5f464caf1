/** What a request path under the base path names. */
export type Route =
  | { kind: "call"; allow: "POST" }
  | { kind: "manifest"; allow: "GET" }
  | { kind: "context"; allow: "GET"; name: string }
  | { kind: "form"; allow: "POST"; name: string };

/** `"/api/mizan/"` → `"/api/mizan"`; always one leading slash, no trailing one. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  return trimmed.startsWith("/") || trimmed === "" ? trimmed : `/${trimmed}`;
}

/** True when `pathname` is the base path or below it. */
export function isUnderBasePath(pathname: string, basePath: string): boolean {
  return pathname === basePath || pathname.startsWith(`${basePath}/`);
}

/**
 * Match a pathname against the routes. The trailing slash of mizan's URLs is optional.
 * Returns `null` for anything that is not a route (a 404).
 */
export function matchRoute(pathname: string, basePath: string): Route | null {
  if (!isUnderBasePath(pathname, basePath)) return null;
  const rest = pathname.slice(basePath.length).replace(/^\/+/, "").replace(/\/$/, "");
  if (rest === "call") return { kind: "call", allow: "POST" };
  if (rest === "manifest") return { kind: "manifest", allow: "GET" };
  const named = /^(ctx|form)\/([^/]+)$/.exec(rest);
  if (named?.[2]) {
    let name: string;
    try {
      name = decodeURIComponent(named[2]);
    } catch {
      return null;
    }
    return named[1] === "ctx"
      ? { kind: "context", allow: "GET", name }
      : { kind: "form", allow: "POST", name };
  }
  return null;
}

/**
 * `http(s)://`, a plain host (a name or IPv4 address, a port: no userinfo, no IPv6), then a
 * path URL parsing keeps as it is (no dot segments, escapes, backslashes or spaces) up to the
 * query or fragment.
 */
const PLAIN_URL =
  /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]*)?(\/[A-Za-z0-9_~!$&'()*+,;=:@/-]*)(?:[?#]|$)/;

/**
 * `new URL(request.url).pathname`, read off the text when the URL is a Request's (serialised
 * already) with a plain host and path, as a call's mostly is; parsed otherwise.
 *
 * @example
 * requestPathname(new Request("http://localhost:3000/api/mizan/call/?x=1")); // "/api/mizan/call/"
 */
export function requestPathname(request: Request): string {
  const url = request.url;
  const plain = request instanceof Request ? PLAIN_URL.exec(url) : null;
  return plain ? (plain[1] as string) : new URL(url).pathname;
}
