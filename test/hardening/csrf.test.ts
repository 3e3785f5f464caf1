import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createClient, isMizanClientError } from "../../src/client/index.js";
import { client, Registry } from "../../src/core/index.js";
import { constantTimeEqual, newToken } from "../../src/server/csrf.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";
import { BrowserJar } from "./browser-jar.js";

const BASE = "http://app.test/api/mizan";
const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

let calls = 0;
function registry(): Registry {
  const r = new Registry();
  r.register(
    client(() => {
      calls++;
      return "done";
    }),
    "act",
  );
  r.register(
    client((ctx) => {
      ctx.setCookie("session", "s1", { httpOnly: true, sameSite: "Lax" });
      return "signed in";
    }),
    "login",
  );
  return r;
}

function handlerWith(options: HandlerOptions = {}) {
  return createHandler({ registry: registry(), onError: () => {}, ...options });
}

function call(headers: Record<string, string> = {}, url = `${BASE}/call/`): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ fn: "act", args: {} }),
  });
}

async function outcome(response: Response) {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

function issued(response: Response): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith("csrftoken="));
}

afterEach(() => {
  calls = 0;
  vi.unstubAllGlobals();
});

describe("double-submit (the default)", () => {
  test("a call without cookies needs no token and gets none", async () => {
    const response = await handlerWith()(call());
    expect(response.status).toBe(200);
    expect(issued(response)).toBeUndefined();
    expect(calls).toBe(1);
  });

  test("cookie and header that match pass", async () => {
    const response = await handlerWith()(
      call({ cookie: `session=s1; csrftoken=${TOKEN}`, "x-csrftoken": TOKEN }),
    );
    expect(response.status).toBe(200);
    expect(issued(response)).toBeUndefined();
  });

  test.each([
    ["no csrftoken cookie", { cookie: "session=s1" }, "CSRF cookie not set."],
    ["a malformed cookie", { cookie: "session=s1; csrftoken=x", "x-csrftoken": "x" }, "not set"],
    ["no header", { cookie: `csrftoken=${TOKEN}` }, "CSRF token missing."],
    [
      "a wrong header",
      { cookie: `csrftoken=${TOKEN}`, "x-csrftoken": `${TOKEN.slice(0, -1)}6` },
      "incorrect",
    ],
    ["a shorter header", { cookie: `csrftoken=${TOKEN}`, "x-csrftoken": "Ab" }, "incorrect"],
    ["a header but no cookie token", { cookie: "a=b", "x-csrftoken": TOKEN }, "not set"],
    [
      "the token in another cookie's name",
      { cookie: `xcsrftoken=${TOKEN}`, "x-csrftoken": TOKEN },
      "not set",
    ],
  ])("%s → 403 CSRF_FAILED, before anything runs", async (_name, headers, reason) => {
    const response = await handlerWith()(call(headers));
    expect(await outcome(response)).toMatchObject({ status: 403, code: "CSRF_FAILED" });
    expect((await handlerWith()(call(headers)).then(outcome)).message).toContain(reason);
    expect(calls).toBe(0);
  });

  test.each([
    ["the first of two", `csrftoken=${TOKEN}; csrftoken=${TOKEN.toLowerCase()}`],
    ["spaces and tabs around it", `session=s1;\t csrftoken = ${TOKEN} `],
    ["after a pair without =", `flag; csrftoken=${TOKEN}`],
    ["percent-encoded", `csrftoken=${encodeURIComponent(TOKEN).replace("A", "%41")}`],
    ["next to a broken escape", `a=%E0%A4%A; csrftoken=${TOKEN}`],
    ["next to __proto__", `__proto__=x; constructor=y; csrftoken=${TOKEN}`],
  ])(
    "the Cookie header is read as servers read it (the `cookie` package): %s",
    async (_name, cookie) => {
      const response = await handlerWith()(call({ cookie, "x-csrftoken": TOKEN }));
      expect(response.status).toBe(200);
    },
  );

  test("the refused body is not read", async () => {
    let cancelled = false;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('{"fn":"act"}'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request(`${BASE}/call/`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "session=s1" },
      body,
      duplex: "half",
    } as RequestInit);
    expect((await handlerWith()(request)).status).toBe(403);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  test("a browser session without a token gets one with the 403: readable, Lax, a year", async () => {
    const response = await handlerWith()(call({ cookie: "session=s1" }));
    const cookie = issued(response) as string;
    expect(cookie).toMatch(/^csrftoken=[A-Za-z0-9]{32}; Max-Age=31449600; Path=\/; SameSite=Lax$/);
    expect(cookie).not.toMatch(/HttpOnly/i);
  });

  test("over https the issued cookie is Secure; cookie attributes are configurable", async () => {
    const secure = await handlerWith()(
      call({ cookie: "session=s1" }, "https://app.test/api/mizan/call/"),
    );
    expect(issued(secure)).toMatch(/; Secure; SameSite=Lax$/);
    const custom = await handlerWith({
      csrf: { cookie: { domain: "example.com", sameSite: "Strict", path: "/app" } },
    })(call({ cookie: "session=s1" }));
    expect(issued(custom)).toMatch(/; Path=\/app; Domain=example\.com; SameSite=Strict$/);
  });

  test("GET manifest hands a token to anyone without one, and leaves a valid one alone", async () => {
    const handler = handlerWith();
    const fresh = await handler(new Request(`${BASE}/manifest/`));
    expect(fresh.status).toBe(200);
    expect(issued(fresh)).toMatch(/^csrftoken=[A-Za-z0-9]{32};/);
    const again = await handler(
      new Request(`${BASE}/manifest/`, { headers: { cookie: `csrftoken=${TOKEN}` } }),
    );
    expect(issued(again)).toBeUndefined();
  });

  test("each issued token is new", async () => {
    const handler = handlerWith();
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i++) {
      tokens.add(issued(await handler(new Request(`${BASE}/manifest/`))) as string);
    }
    expect(tokens.size).toBe(50);
  });

  test("custom cookie and header names", async () => {
    const handler = handlerWith({ csrf: { cookieName: "tok", headerName: "X-Tok" } });
    expect((await handler(call({ cookie: `tok=${TOKEN}`, "x-tok": TOKEN }))).status).toBe(200);
    expect(
      (await handler(call({ cookie: `csrftoken=${TOKEN}`, "x-csrftoken": TOKEN }))).status,
    ).toBe(403);
    const refused = await handler(call({ cookie: "session=1" }));
    expect(refused.headers.getSetCookie()[0]).toMatch(/^tok=[A-Za-z0-9]{32};/);
  });

  test("csrf: false turns the check off", async () => {
    const response = await handlerWith({ csrf: false })(call({ cookie: "session=s1" }));
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  test('enforce: "always" checks cookie-less calls too', async () => {
    const handler = handlerWith({ csrf: { enforce: "always" } });
    const refused = await handler(call());
    expect(await outcome(refused)).toMatchObject({ status: 403, code: "CSRF_FAILED" });
    expect(issued(refused)).toBeDefined();
    expect(
      (await handler(call({ cookie: `csrftoken=${TOKEN}`, "x-csrftoken": TOKEN }))).status,
    ).toBe(200);
  });

  test("only calls are checked: the manifest GET is safe", async () => {
    const response = await handlerWith()(
      new Request(`${BASE}/manifest/`, { headers: { cookie: "session=s1" } }),
    );
    expect(response.status).toBe(200);
  });
});

describe('mode: "origin"', () => {
  const handler = handlerWith({
    csrf: {
      mode: "origin",
      trustedOrigins: ["https://app.example.com", "https://*.trusted.dev"],
    },
  });

  test.each([
    ["same origin", { origin: "http://app.test" }, 200],
    ["a trusted origin", { origin: "https://app.example.com" }, 200],
    ["a trusted subdomain", { origin: "https://a.b.trusted.dev" }, 200],
    ["the wildcard's apex is not included", { origin: "https://trusted.dev" }, 403],
    ["another scheme", { origin: "http://app.example.com" }, 403],
    ["a lookalike", { origin: "https://app.example.com.evil.dev" }, 403],
    ["a suffix trick", { origin: "https://eviltrusted.dev" }, 403],
    ["another site", { origin: "https://evil.dev" }, 403],
    ["an opaque origin", { origin: "null" }, 403],
    ["no Origin, same-origin Referer", { referer: "http://app.test/page?x=1" }, 200],
    ["no Origin, foreign Referer", { referer: "https://evil.dev/page" }, 403],
    ["no Origin, malformed Referer", { referer: "::::" }, 403],
    ["neither header", {}, 403],
  ])("with a cookie: %s → %i", async (_name, headers, status) => {
    const response = await handler(call({ cookie: "session=s1", ...headers }));
    expect(response.status).toBe(status);
    if (status === 403) expect((await outcome(response)).code).toBe("CSRF_FAILED");
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  test("without cookies there is nothing to forge: no check", async () => {
    expect((await handler(call({ origin: "https://evil.dev" }))).status).toBe(200);
  });

  test("a trusted origin that is not an origin is refused when the handler is made", () => {
    expect(() =>
      createHandler({ csrf: { mode: "origin", trustedOrigins: ["not a url"] } }),
    ).toThrow(TypeError);
  });
});

describe("tokens", () => {
  test("32 characters of [A-Za-z0-9]", () => {
    for (let i = 0; i < 200; i++) expect(newToken()).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  test("constantTimeEqual is ===", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the client sends the token by itself", () => {
  test("by default, in a browser: the csrftoken cookie as X-CSRFToken", async () => {
    const jar = new BrowserJar();
    jar.set("session", "s1", true);
    jar.set("csrftoken", TOKEN);
    vi.stubGlobal("document", {
      get cookie() {
        return jar.documentCookie;
      },
    });
    const sent: Headers[] = [];
    const api = createClient({ baseUrl: BASE, fetch: jar.fetchFor(handlerWith(), sent) });
    await expect(api.call("act")).resolves.toBe("done");
    expect(sent[0]?.get("x-csrftoken")).toBe(TOKEN);
  });

  test("no document (Node, workers): no header, and cookie-less calls pass", async () => {
    const sent: Headers[] = [];
    const api = createClient({
      baseUrl: BASE,
      fetch: async (input, init) => {
        sent.push(new Headers(init.headers));
        return handlerWith()(new Request(input, init));
      },
    });
    await expect(api.call("act")).resolves.toBe("done");
    expect(sent[0]?.has("x-csrftoken")).toBe(false);
  });

  test("the first call after signing in: 403, token issued, one retry, the function runs once", async () => {
    const jar = new BrowserJar();
    vi.stubGlobal("document", {
      get cookie() {
        return jar.documentCookie;
      },
    });
    const sent: Headers[] = [];
    const api = createClient({ baseUrl: BASE, fetch: jar.fetchFor(handlerWith(), sent) });
    await expect(api.call("login")).resolves.toBe("signed in");
    expect(jar.cookies.has("csrftoken")).toBe(false);
    await expect(api.call("act")).resolves.toBe("done");
    expect(calls).toBe(1);
    expect(sent.map((h) => h.get("x-csrftoken"))).toEqual([
      null,
      null,
      jar.cookies.get("csrftoken")?.value,
    ]);
    await expect(api.call("act")).resolves.toBe("done");
    expect(sent).toHaveLength(4);
  });

  test("a refusal that brings no new token is not retried", async () => {
    const jar = new BrowserJar();
    jar.set("csrftoken", TOKEN);
    vi.stubGlobal("document", { cookie: "" });
    const sent: Headers[] = [];
    const api = createClient({ baseUrl: BASE, fetch: jar.fetchFor(handlerWith(), sent) });
    const error = await api.call("act").catch((e: unknown) => e);
    expect(isMizanClientError(error) && error.code).toBe("CSRF_FAILED");
    expect(sent).toHaveLength(1);
    expect(calls).toBe(0);
  });

  test("csrf: false sends nothing; an explicit token function is used as given", async () => {
    vi.stubGlobal("document", { cookie: `csrftoken=${TOKEN}` });
    const sent: Headers[] = [];
    const fetch = async (input: string, init: RequestInit) => {
      sent.push(new Headers(init.headers));
      return handlerWith()(new Request(input, init));
    };
    await createClient({ baseUrl: BASE, fetch, csrf: false }).call("act");
    await createClient({ baseUrl: BASE, fetch, csrf: { token: () => "from-meta-tag" } }).call(
      "act",
    );
    expect(sent.map((h) => h.get("x-csrftoken"))).toEqual([null, "from-meta-tag"]);
  });

  test("origin mode works with the client as is (the browser sends Origin)", async () => {
    const jar = new BrowserJar();
    jar.set("session", "s1", true);
    vi.stubGlobal("document", {
      get cookie() {
        return jar.documentCookie;
      },
    });
    const handler = handlerWith({ csrf: { mode: "origin" } });
    const api = createClient({ baseUrl: BASE, fetch: jar.fetchFor(handler) });
    await expect(api.call("act")).resolves.toBe("done");
  });
});
