/**
 * Fastify 5 with `mizan/fastify`, as docs/frameworks/fastify.md says, on a real server: the
 * app's own JSON routes keep Fastify's parsers, mizan gets its bodies untouched.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { client } from "mizan";
import { mizanFastify } from "mizan/fastify";
import { nodeResponse } from "mizan/node";
import { createHandler } from "mizan/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { frameworkRegistry, type Json, scenarios } from "./support.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The docs' app, plus one JSON route of the app's own and a hook that sets a header. */
async function start(registry = frameworkRegistry()): Promise<string> {
  app = Fastify();
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("x-app", "fastify");
  });
  app.post("/echo", async (request) => ({ got: request.body }));
  await app.register(mizanFastify(createHandler({ registry })));
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return `${origin}/api/mizan`;
}

describe("Fastify 5 with mizanFastify()", () => {
  test("a form submit succeeds", async () => {
    await scenarios.submitSucceeds(await start());
  });

  test("invalid data is a 422 with Django's messages", async () => {
    await scenarios.invalidIs422(await start());
  });

  test("a cookie-carrying call without the token is 403 CSRF_FAILED", async () => {
    await scenarios.csrfRefused(await start());
  });

  test("a multipart upload round-trips (Fastify has no multipart parser of its own)", async () => {
    await scenarios.uploadRoundTrips(await start());
  });

  test("a urlencoded call, and the headers the app's hooks set", async () => {
    const response = await scenarios.urlencodedCall(await start());
    expect(response.headers.get("x-app")).toBe("fastify");
  });

  test("the app's own routes keep Fastify's JSON parser", async () => {
    const baseUrl = await start();
    const response = await fetch(new URL("/echo", baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await response.json()).toEqual({ got: { a: 1 } });
  });

  test("a path under the base path that mizan does not know is its 404 envelope", async () => {
    const baseUrl = await start();
    const response = await fetch(`${baseUrl}/nowhere/`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as Json).error.code).toBe("NOT_FOUND");
  });

  test("mizan's limits apply, not Fastify's bodyLimit: 2 MB of JSON is mizan's 413", async () => {
    const baseUrl = await start();
    const response = await fetch(`${baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "contact.submit", args: { data: { name: "x".repeat(2e6) } } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Json).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("a body of no content type reaches mizan, which answers 415", async () => {
    const baseUrl = await start();
    const response = await fetch(`${baseUrl}/call/`, {
      method: "POST",
      body: new Blob(["fn=contact.submit"]),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as Json).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  test("a function's nodeResponse() is written on reply.raw, with the context's cookies", async () => {
    const registry = frameworkRegistry();
    registry.register(
      client((ctx) => {
        ctx.setCookie("seen", "1");
        return nodeResponse((res) => {
          res.setHeader("content-type", "text/csv");
          res.end("id,name\n1,Ada\n");
        });
      }),
      "report",
    );
    const baseUrl = await start(registry);
    const response = await fetch(`${baseUrl}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fn: "report" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(response.headers.get("x-app")).toBe("fastify");
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^seen=1;/)]);
    expect(await response.text()).toBe("id,name\n1,Ada\n");
  });
});
