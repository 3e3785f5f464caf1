import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createClient, MizanClientError, retry } from "../../src/client/index.js";
import { demoRegistry } from "../helpers/functions.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    registry: demoRegistry(),
    getUser: (request) =>
      request.headers.get("authorization") === "Bearer staff" ? { id: 9, isStaff: true } : null,
    onError: () => {},
  });
});
afterAll(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<MizanClientError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MizanClientError);
  return error as MizanClientError;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

describe("createClient against a real server", () => {
  test("call() resolves with the result", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    await expect(api.call("echo", { text: "hi" })).resolves.toEqual({ message: "hi" });
  });

  test("a trailing slash on baseUrl is fine; args default to {}", async () => {
    const api = createClient({ baseUrl: `${server.baseUrl}/` });
    await expect(api.call("identity")).resolves.toEqual({});
  });

  test("headers (static or per request) reach getUser", async () => {
    const staticApi = createClient({
      baseUrl: server.baseUrl,
      headers: { authorization: "Bearer staff" },
    });
    await expect(staticApi.call("staffOnly")).resolves.toBe("staff only");
    const dynamicApi = createClient({
      baseUrl: server.baseUrl,
      headers: async () => ({ authorization: "Bearer staff" }),
    });
    await expect(dynamicApi.call("whoami")).resolves.toEqual({ id: 9 });
  });

  test.each([
    ["unknown", {}, "NOT_FOUND", 404],
    ["whoami", {}, "UNAUTHENTICATED", 401],
    ["echo", { text: 1 }, "VALIDATION_FAILED", 422],
    ["boom", {}, "INTERNAL", 500],
    ["echo", [1], "BAD_REQUEST", 400],
  ])("call(%j, %j) rejects with %s (%i)", async (name, args, code, status) => {
    const api = createClient({ baseUrl: server.baseUrl });
    const error = await rejection(api.call(name, args));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(0);
  });

  test("422 details arrive as sent", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const error = await rejection(api.call("echo", {}));
    expect(error.details).toEqual({
      fields: { text: [{ message: expect.any(String), code: "invalid_type" }] },
      non_field: [],
    });
  });

  test("the thrown secret stays on the server", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const error = await rejection(api.call("boom"));
    expect(error.message).toBe("Internal server error.");
    expect(JSON.stringify(error.details)).not.toContain("s3cr3t");
  });

  test("files anywhere in args are sent as multipart and put back in place", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const avatar = new File(["hello"], "hello.txt", { type: "text/plain" });
    await expect(api.call("upload", { data: { name: "Ada", avatar } })).resolves.toEqual({
      file: { name: "hello.txt", size: 5, text: "hello" },
    });
  });

  test("a raw Response result comes back as the Response", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const result = await api.call<Response>("download");
    expect(result).toBeInstanceOf(Response);
    expect(result.status).toBe(201);
    expect(await result.text()).toBe("id,name\n1,Ada\n");
  });

  test("manifest() returns the server's manifest", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const manifest = await api.manifest();
    expect(manifest.version).toBe(demoRegistry().manifest().version);
    expect(Object.keys(manifest.functions)).toContain("echo");
  });

  test("200 concurrent calls through the client", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => api.call("echo", { text: `#${i}` })),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => ({ message: `#${i}` })));
  });

  test("an abort rejects with the signal's reason, not a MizanClientError", async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();
    controller.abort(new Error("user left"));
    await expect(api.call("echo", { text: "x" }, { signal: controller.signal })).rejects.toThrow(
      "user left",
    );
  });

  test("an unreachable server is NETWORK_ERROR with status 0", async () => {
    const gone = await startServer();
    await gone.close();
    const api = createClient({ baseUrl: gone.baseUrl, plugins: [retry({ delayMs: 0 })] });
    const error = await rejection(api.call("echo", { text: "x" }));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.status).toBe(0);
    const manifestError = await rejection(api.manifest());
    expect(manifestError.code).toBe("NETWORK_ERROR");
  });
});

describe("createClient with a stub fetch", () => {
  test("sends the call envelope as JSON to {baseUrl}/call/", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      jsonResponse(200, { result: 1, invalidate: [], merge: [] }),
    );
    await createClient({ baseUrl: "https://api.test/api/mizan", fetch }).call("echo", { a: 1 });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("https://api.test/api/mizan/call/");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(init.body as string)).toEqual({ fn: "echo", args: { a: 1 } });
  });

  test.each([
    [502, "<html>Bad Gateway</html>", "INTERNAL"],
    [413, "Request Entity Too Large", "PAYLOAD_TOO_LARGE"],
    [404, "", "NOT_FOUND"],
    [418, "{not json", "BAD_REQUEST"],
  ])("a %i with a non-envelope body %j → %s", async (status, body, code) => {
    const fetch = async () => new Response(body, { status, statusText: "Nope" });
    const error = await rejection(createClient({ baseUrl: "/api", fetch }).call("x"));
    expect(error).toMatchObject({ code, status, details: null });
    expect(error.message).toBe(`HTTP ${status} Nope`);
  });

  test.each([
    [
      "a known code, message and details",
      409,
      { code: "CONFLICT", message: "Taken.", details: [1] },
      ["CONFLICT", "Taken.", [1]],
    ],
    [
      "a known code on another status",
      400,
      { code: "NOT_FOUND", message: "m" },
      ["NOT_FOUND", "m", null],
    ],
    [
      "an unknown code: the status's",
      403,
      { code: "NOPE", message: "m", details: 2 },
      ["FORBIDDEN", "m", 2],
    ],
    [
      "a code that is not a string",
      503,
      { code: ["INTERNAL"], message: 5 },
      ["UNAVAILABLE", "HTTP 503", null],
    ],
    ["an unknown 5xx status", 599, { message: "m", details: null }, ["INTERNAL", "m", null]],
    [
      "an error that is not an object",
      422,
      "VALIDATION_FAILED",
      ["VALIDATION_FAILED", "HTTP 422", null],
    ],
  ])("an error envelope: %s", async (_name, status, error, [code, message, details]) => {
    const fetch = async () => jsonResponse(status, { error });
    const caught = await rejection(createClient({ baseUrl: "/api", fetch }).call("x"));
    expect(caught).toBeInstanceOf(MizanClientError);
    expect([caught.code, caught.status, caught.message, caught.details]).toEqual([
      code,
      status,
      message,
      details,
    ]);
  });

  test("manifest() parses a 2xx whatever its content type; a malformed one is INTERNAL", async () => {
    const text = (body: string) => async () =>
      new Response(body, { headers: { "content-type": "text/plain" } });
    await expect(
      createClient({ baseUrl: "/api", fetch: text('{"version":"v1"}') }).manifest(),
    ).resolves.toEqual({ version: "v1" });
    const error = await rejection(createClient({ baseUrl: "/api", fetch: text("{") }).manifest());
    expect([error.code, error.status, error.message]).toEqual([
      "INTERNAL",
      200,
      "The server sent a malformed JSON response.",
    ]);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  test("a non-JSON 2xx is the Response itself; its X-Mizan-Invalidate names reach onEnvelope", async () => {
    const sent = new Response("file", {
      headers: { "content-type": "text/csv", "x-mizan-invalidate": " a, ,b ,, " },
    });
    const heard: unknown[] = [];
    const api = createClient({ baseUrl: "/api", fetch: async () => sent });
    const result = await api.call("x", {}, { onEnvelope: (e) => heard.push(e) });
    expect(result).toBe(sent);
    expect(sent.bodyUsed).toBe(false);
    expect(heard).toEqual([{ invalidate: [{ name: "a" }, { name: "b" }], merge: [] }]);
  });

  test("a success envelope's malformed invalidate/merge entries are skipped", async () => {
    const body = {
      result: 1,
      invalidate: [
        { name: "a" },
        { name: 1 },
        null,
        { name: "b", args: null },
        { name: "c", args: { x: 1 } },
      ],
      merge: [{ name: "d", value: 1 }, { name: "e" }, { name: "f", args: [], value: 2 }],
    };
    const heard: unknown[] = [];
    const api = createClient({ baseUrl: "/api", fetch: async () => jsonResponse(200, body) });
    api.onEnvelope((e) => heard.push(e));
    await expect(api.call("x")).resolves.toBe(1);
    expect(heard).toEqual([
      {
        invalidate: [{ name: "a" }, { name: "c", args: { x: 1 } }],
        merge: [{ name: "d", value: 1 }],
      },
    ]);
    const none = createClient({
      baseUrl: "/api",
      fetch: async () => jsonResponse(200, { result: 2, invalidate: [{}], merge: "x" }),
      onEnvelope: (e) => heard.push(e),
    });
    await expect(none.call("x")).resolves.toBe(2);
    expect(heard).toHaveLength(1);
  });

  test("a malformed JSON success body is an error, not a crash", async () => {
    const fetch = async () =>
      new Response("{oops", { headers: { "content-type": "application/json" } });
    const error = await rejection(createClient({ baseUrl: "/api", fetch }).call("x"));
    expect(error.code).toBe("INTERNAL");
  });

  test("calls (POST) are never retried, even on 5xx or network errors", async () => {
    const failing = vi.fn(async () => jsonResponse(503, { error: { code: "INTERNAL" } }));
    await rejection(createClient({ baseUrl: "/api", fetch: failing }).call("x"));
    expect(failing).toHaveBeenCalledTimes(1);
    const offline = vi.fn(async () => {
      throw new TypeError("fetch failed");
    });
    await rejection(createClient({ baseUrl: "/api", fetch: offline }).call("x"));
    expect(offline).toHaveBeenCalledTimes(1);
  });

  test("manifest() (GET) is retried twice on network errors and 5xx, then succeeds", async () => {
    const answers = [
      () => {
        throw new TypeError("fetch failed");
      },
      () => jsonResponse(503, { error: { code: "INTERNAL", message: "busy", details: null } }),
      () => jsonResponse(200, { version: "v1", functions: {}, forms: {}, contexts: {} }),
    ];
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      expect(init.method ?? "GET").toBe("GET");
      return (answers.shift() as () => Response)();
    });
    const api = createClient({ baseUrl: "/api", fetch, plugins: [retry({ delayMs: 0 })] });
    await expect(api.manifest()).resolves.toMatchObject({ version: "v1" });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/manifest/");
  });

  test("manifest() gives up after two retries", async () => {
    const fetch = vi.fn(async () => jsonResponse(500, { error: { code: "INTERNAL" } }));
    const api = createClient({ baseUrl: "/api", fetch, plugins: [retry({ delayMs: 0 })] });
    expect((await rejection(api.manifest())).status).toBe(500);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  test("manifest() does not retry a 4xx", async () => {
    const fetch = vi.fn(async () => jsonResponse(403, { error: { code: "FORBIDDEN" } }));
    const api = createClient({ baseUrl: "/api", fetch, plugins: [retry({ delayMs: 0 })] });
    expect((await rejection(api.manifest())).code).toBe("FORBIDDEN");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("csrf: true sends the csrftoken cookie as X-CSRFToken", async () => {
    vi.stubGlobal("document", { cookie: "other=1; csrftoken=tok%2B1" });
    try {
      const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
        jsonResponse(200, { result: null }),
      );
      await createClient({ baseUrl: "/api", fetch, csrf: true }).call("x");
      const init = fetch.mock.calls[0]?.[1] as RequestInit;
      expect(new Headers(init.headers).get("x-csrftoken")).toBe("tok+1");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test.each([
    ["a part without = is skipped", "csrftoken; csrftoken=tok", "tok"],
    ["spaces around the name and value", " other=1 ;  csrftoken = tok%20a ", "tok a"],
    ["a broken escape is sent as it is", "csrftoken=%E0%A4%A", "%E0%A4%A"],
    ["the first of two", "csrftoken=a; csrftoken=b", "a"],
    ["a value holding =", "csrftoken=a=b", "a=b"],
    ["an empty value sends none", "csrftoken=; other=1", null],
    ["a cookie named like it sends none", "xcsrftoken=a; csrftokens=b", null],
  ])("csrf: true reads the cookie: %s", async (_name, cookie, sent) => {
    vi.stubGlobal("document", { cookie });
    try {
      const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
        jsonResponse(200, { result: null }),
      );
      await createClient({ baseUrl: "/api", fetch }).call("x");
      const init = fetch.mock.calls[0]?.[1] as RequestInit;
      expect(new Headers(init.headers).get("x-csrftoken")).toBe(sent);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test("csrf: a cookieName, or false", async () => {
    vi.stubGlobal("document", { cookie: "csrftoken=a; mine=b" });
    try {
      const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
        jsonResponse(200, { result: null }),
      );
      await createClient({ baseUrl: "/api", fetch, csrf: { cookieName: "mine" } }).call("x");
      await createClient({ baseUrl: "/api", fetch, csrf: false }).call("x");
      const sent = fetch.mock.calls.map((c) => new Headers(c[1].headers).get("x-csrftoken"));
      expect(sent).toEqual(["b", null]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test.each([
    ["a second CSRF_FAILED is not retried again", "CSRF_FAILED", 403, 2],
    ["a FORBIDDEN 403 is not retried", "FORBIDDEN", 403, 1],
    ["a CSRF_FAILED code on another status is not retried", "CSRF_FAILED", 400, 1],
  ])("csrf retry: %s", async (_name, code, status, requests) => {
    let n = 0;
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      jsonResponse(status, { error: { code, message: "no", details: null } }),
    );
    // A token function that has a new token every time it is asked.
    const api = createClient({ baseUrl: "/api", fetch, csrf: { token: () => `t${n++}` } });
    const error = await rejection(api.call("x"));
    expect([error.code, error.status]).toEqual([code, status]);
    expect(fetch).toHaveBeenCalledTimes(requests);
  });

  test("csrf with a token function and a custom header", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      jsonResponse(200, { result: null }),
    );
    await createClient({
      baseUrl: "/api",
      fetch,
      csrf: { token: async () => "abc", headerName: "X-CSRF" },
    }).call("x");
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    expect(new Headers(init.headers).get("x-csrf")).toBe("abc");
  });

  test("multipart: fn, args without the files, one part per file path", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      jsonResponse(200, { result: null }),
    );
    const a = new File(["a"], "a.txt");
    const b = new Blob(["b"]);
    await createClient({ baseUrl: "/api", fetch }).call("upload", {
      data: { name: "Ada", avatar: a },
      photos: ["keep", b],
    });
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(new Headers(init.headers).has("content-type")).toBe(false);
    expect(form.get("fn")).toBe("upload");
    expect(JSON.parse(form.get("args") as string)).toEqual({
      data: { name: "Ada" },
      photos: ["keep", null],
    });
    expect((form.get("args.data.avatar") as File).name).toBe("a.txt");
    expect(await (form.get("args.photos.1") as File).text()).toBe("b");
  });

  test("a file inside a class instance is sent too, not dropped as {}", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      jsonResponse(200, { result: null }),
    );
    class Upload {
      constructor(readonly file: Blob) {}
    }
    await createClient({ baseUrl: "/api", fetch }).call("upload", {
      data: new Upload(new Blob(["b"])),
    });
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    const form = init.body as FormData;
    expect(JSON.parse(form.get("args") as string)).toEqual({ data: {} });
    expect(await (form.get("args.data.file") as File).text()).toBe("b");
  });

  test("without retry(), manifest() is not retried", async () => {
    const fetch = vi.fn(async () => jsonResponse(503, { error: { code: "INTERNAL" } }));
    const api = createClient({ baseUrl: "/api", fetch });
    expect((await rejection(api.manifest())).status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("the old retry option is refused, naming the plugin", () => {
    const old = { baseUrl: "/api", retry: { retries: 2 } } as Parameters<typeof createClient>[0];
    expect(() => createClient(old)).toThrow(/plugins: \[retry\(/);
  });

  test("needs a baseUrl or a transport", () => {
    expect(() => createClient({})).toThrow(TypeError);
  });

  test("a transport replaces HTTP for calls", async () => {
    const transport = vi.fn(async (name: string, args: unknown) => ({ name, args }));
    const api = createClient({ transport });
    await expect(api.call("echo", { text: "x" })).resolves.toEqual({
      name: "echo",
      args: { text: "x" },
    });
  });
});
