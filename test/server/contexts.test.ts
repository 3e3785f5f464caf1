/** GET {base}/ctx/<name>/, and the invalidate/merge a call's envelope carries. */
import { describe, expect, test, vi } from "vitest";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";
import { contextRegistry, SECRET } from "../helpers/contexts.js";

const BASE = "http://test.local/api/mizan";
const ada = { id: 1, name: "Ada" };

function handlerFor(options: HandlerOptions = {}) {
  return createHandler({ registry: contextRegistry(), onError: () => {}, ...options });
}

const ctxUrl = (name: string, args?: string) =>
  `${BASE}/ctx/${name}/${args === undefined ? "" : `?args=${encodeURIComponent(args)}`}`;

function call(fn: string, args: unknown = {}): Request {
  return new Request(`${BASE}/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn, args }),
  });
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read by shape
async function json(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}

describe("GET /ctx/<name>/", () => {
  test("done-when: currentUser and greet answer 200 {result}, private and never stored", async () => {
    const handler = handlerFor({ getUser: () => ada });
    const user = await handler(new Request(`${BASE}/ctx/currentUser/`));
    expect(user.status).toBe(200);
    expect(user.headers.get("cache-control")).toBe("private, no-store");
    expect(user.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json(user)).toEqual({ result: { id: 1, name: "Ada" } });

    const greet = await handler(new Request(ctxUrl("greet", '{"name":"Ada"}')));
    expect(greet.status).toBe(200);
    expect(await json(greet)).toEqual({ result: { message: "Hello, Ada" } });
  });

  test("args left out are {}; the trailing slash is optional", async () => {
    const handler = handlerFor();
    const response = await handler(new Request(`${BASE}/ctx/currentUser`));
    expect(await json(response)).toEqual({ result: null });
  });

  test.each([
    ["args not JSON", 400, "BAD_REQUEST", ctxUrl("greet", "{name:"), /not valid JSON/],
    ["args an array", 400, "BAD_REQUEST", ctxUrl("greet", "[]"), /must be a JSON object/],
    ["args a string", 400, "BAD_REQUEST", ctxUrl("greet", '"Ada"'), /must be a JSON object/],
    ["args null", 400, "BAD_REQUEST", ctxUrl("greet", "null"), /must be a JSON object/],
    [
      "args nested too deep",
      400,
      "BAD_REQUEST",
      ctxUrl("greet", `{"a":${"[".repeat(100)}${"]".repeat(100)}}`),
      /deeper than 64/,
    ],
    ["args given twice", 400, "BAD_REQUEST", `${ctxUrl("greet", "{}")}&args=%7B%7D`, /once/],
    [
      "args over maxContextArgsBytes",
      413,
      "PAYLOAD_TOO_LARGE",
      ctxUrl("greet", JSON.stringify({ name: "x".repeat(5000) })),
      /over 4096 bytes/,
    ],
    ["an unknown context", 404, "NOT_FOUND", ctxUrl("nope"), /Unknown context "nope"/],
    ["a plain function", 404, "NOT_FOUND", ctxUrl("plain"), /Unknown context "plain"/],
    ["a form function", 404, "NOT_FOUND", ctxUrl("profile.schema"), /Unknown context/],
    ["no user for an auth context", 401, "UNAUTHENTICATED", ctxUrl("session"), /./],
    [
      "args failing the input schema",
      422,
      "VALIDATION_FAILED",
      ctxUrl("greet", '{"name":""}'),
      /./,
    ],
    ["a context that throws", 500, "INTERNAL", ctxUrl("broken"), /^Internal server error\.$/],
  ] as const)("%s → %i %s", async (_name, status, code, url, message) => {
    const response = await handlerFor()(new Request(url));
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text);
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });

  test("413 carries max_bytes; the limit is maxContextArgsBytes, in UTF-8 bytes", async () => {
    const handler = handlerFor({ limits: { maxContextArgsBytes: 20 } });
    const fits = await handler(new Request(ctxUrl("greet", '{"name":"Ada"}')));
    expect(fits.status).toBe(200);
    // 9 characters, but 27 bytes.
    const wide = await handler(new Request(ctxUrl("greet", '{"name":"€€€€€€€€€"}')));
    expect(wide.status).toBe(413);
    expect((await json(wide)).error.details).toEqual({ max_bytes: 20 });
  });

  test("the validation details of a 422 are those of a call", async () => {
    const response = await handlerFor()(new Request(ctxUrl("greet", '{"name":""}')));
    const body = await json(response);
    expect(Object.keys(body.error.details.fields)).toEqual(["name"]);
  });

  test("a throwing context reaches onError, with its name", async () => {
    const onError = vi.fn();
    await handlerFor({ onError })(new Request(ctxUrl("broken")));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ fn: "broken" });
  });

  test("getUser runs once, with the request; auth sees the user", async () => {
    const getUser = vi.fn(() => ada);
    const response = await handlerFor({ getUser })(new Request(ctxUrl("session")));
    expect(await json(response)).toEqual({ result: { id: 1 } });
    expect(getUser).toHaveBeenCalledTimes(1);
  });

  test.each(["POST", "PUT", "DELETE"])("%s is 405 with Allow: GET", async (method) => {
    const response = await handlerFor()(new Request(ctxUrl("currentUser"), { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect((await json(response)).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  test("a context called through /call/ works like any function", async () => {
    const handler = handlerFor({ getUser: () => ada });
    const response = await handler(call("greet", { name: "Bo" }));
    expect(await json(response)).toEqual({
      result: { message: "Hello, Bo" },
      invalidate: [],
      merge: [],
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("invalidate and merge in the success envelope", () => {
  test("done-when: a function with invalidates: ['currentUser'] names it", async () => {
    const body = await json(await handlerFor()(call("logout")));
    expect(body).toEqual({
      result: { ok: true },
      invalidate: [{ name: "currentUser" }],
      merge: [],
    });
  });

  test("declared ones first, then ctx.invalidate's, each instance once; the last merge wins", async () => {
    const body = await json(await handlerFor()(call("rename")));
    expect(body.invalidate).toEqual([
      { name: "currentUser" },
      { name: "greet" },
      { name: "greet", args: { name: "Ada" } },
    ]);
    expect(body.merge).toEqual([
      { name: "currentUser", value: { id: 1, name: "second" } },
      { name: "greet", args: { name: "Bo" }, value: { message: "Hi" } },
    ]);
  });

  test("an error envelope carries none of them", async () => {
    const response = await handlerFor()(call("failing"));
    expect(response.status).toBe(500);
    expect(Object.keys(await json(response))).toEqual(["error"]);
  });

  test("a function's own Response gets X-Mizan-Invalidate with every name", async () => {
    const response = await handlerFor()(call("download"));
    expect(await response.text()).toBe("bye");
    expect(response.headers.get("x-mizan-invalidate")).toBe("currentUser, greet");
  });

  test("a form's invalidates, ctx.invalidate in clean() and ctx.merge in onSubmitSuccess", async () => {
    const response = await handlerFor()(call("profile.submit", { data: { name: "Ada" } }));
    expect(await json(response)).toEqual({
      result: { saved: "Ada" },
      invalidate: [
        { name: "currentUser" },
        { name: "cleanSaw", args: { name: "Ada" } },
        { name: "greet", args: { name: "Ada" } },
      ],
      merge: [{ name: "currentUser", value: { id: 1, name: "Ada" } }],
    });
  });

  test.each([
    ["clean() invalidated, then validation failed", "bad"],
    ["onSubmitSuccess invalidated and merged, then raised ValidationError", "late"],
  ])("%s: a 422 without any", async (_name, name) => {
    const response = await handlerFor()(call("profile.submit", { data: { name } }));
    expect(response.status).toBe(422);
    expect(Object.keys(await json(response))).toEqual(["error"]);
  });

  test("only submit carries the form's declared invalidates", async () => {
    const handler = handlerFor();
    const schema = await json(await handler(call("profile.schema")));
    expect(schema.invalidate).toEqual([]);
  });
});
