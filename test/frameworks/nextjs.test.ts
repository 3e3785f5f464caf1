/**
 * The Next.js App Router route handler of docs/frameworks/nextjs.md
 * (`app/api/mizan/[...path]/route.ts`), served by a node:http server that builds each Web
 * Request as Next does (see next-server.ts). `next` itself is not installed: it is too large
 * for a test dependency, and the route handler only ever sees a standard Request.
 */
import { createHandler } from "mizan/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import * as route from "./next-app/app/api/mizan/[...path]/route.js";
import { nextStyleServer, type RouteModule } from "./next-server.js";
import { listen } from "./server.js";
import { frameworkRegistry, type Json, scenarios, VALID_CONTACT } from "./support.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(module: RouteModule, skipTrailingSlashRedirect = false) {
  const server = await listen(
    nextStyleServer(module, { routeBase: "/api/mizan", skipTrailingSlashRedirect }),
  );
  close = server.close;
  return server;
}

describe.each([
  ["Next's default trailing-slash redirect (308, followed)", false],
  ["skipTrailingSlashRedirect: true", true],
] as const)("the route handler, %s", (_name, skip) => {
  test("a form submit succeeds", async () => {
    await scenarios.submitSucceeds((await start(route, skip)).baseUrl);
  });

  test("invalid data is a 422 with Django's messages", async () => {
    await scenarios.invalidIs422((await start(route, skip)).baseUrl);
  });

  test("a cookie-carrying call without the token is 403 CSRF_FAILED", async () => {
    await scenarios.csrfRefused((await start(route, skip)).baseUrl);
  });

  test("a multipart upload round-trips", async () => {
    // Through the redirect as a browser sends it (the same bytes again): Node's own fetch
    // re-encodes a FormData with a new boundary on a 308 and breaks it (docs/frameworks/nextjs.md).
    await scenarios.uploadRoundTrips((await start(route, skip)).baseUrl, { bytes: !skip });
  });
});

test("the default redirect really happens: /call/ answers 308 to /call", async () => {
  const { baseUrl } = await start(route);
  const response = await fetch(`${baseUrl}/call/`, { method: "POST", redirect: "manual" });
  expect(response.status).toBe(308);
  expect(response.headers.get("location")).toBe("/api/mizan/call");
});

describe("CSRF origin mode: the Request's URL is the host the browser used", () => {
  const originRoute = (): RouteModule => {
    const handler = createHandler({ registry: frameworkRegistry(), csrf: { mode: "origin" } });
    return { POST: handler, GET: handler };
  };
  const submit = (baseUrl: string, origin: string) =>
    fetch(`${baseUrl}/call`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "sessionid=s1", origin },
      body: JSON.stringify({ fn: "contact.submit", args: { data: VALID_CONTACT } }),
    });

  test("the page's own origin passes", async () => {
    const { baseUrl, origin } = await start(originRoute());
    const response = await submit(baseUrl, origin);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Json).result).toEqual({ sent: true, to: "ada@example.com" });
  });

  test("another origin is 403 CSRF_FAILED", async () => {
    const { baseUrl } = await start(originRoute());
    const response = await submit(baseUrl, "https://evil.example");
    expect(response.status).toBe(403);
    expect(((await response.json()) as Json).error.code).toBe("CSRF_FAILED");
  });
});
