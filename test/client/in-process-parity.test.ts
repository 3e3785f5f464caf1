/**
 * Every row of the error table that both paths can reach, through the public API on each
 * side: `createHandler` (a Web Request in, a Response out) and `createInProcessClient`. Both
 * run the one dispatch step, so code, status, message and details must be identical.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { createInProcessClient, MizanClientError } from "../../src/client/index.js";
import { client, MizanError, type MizanUser, Registry } from "../../src/core/index.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { EmailField } from "../../src/forms/fields/email-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { createHandler } from "../../src/server/index.js";

const SECRET = "s3cr3t database password";

class SignupForm extends Form {
  static override meta = formMeta({ name: "signup" });
  username = new CharField({ maxLength: 8 });
  email = new EmailField();
  onSubmitSuccess() {
    return { welcome: this.cleanedData.username };
  }
}

function registry(): Registry {
  const r = new Registry();
  r.register(SignupForm);
  r.register(
    client({ input: z.object({ text: z.string().min(2) }) }, (_ctx, { text }) => ({ text })),
    "echo",
  );
  r.register(
    client({ auth: true }, (ctx) => ({ id: ctx.user?.id ?? null })),
    "whoami",
  );
  r.register(
    client({ auth: "staff" }, () => "staff only"),
    "staffOnly",
  );
  r.register(
    client(() => {
      throw new Error(SECRET);
    }),
    "boom",
  );
  r.register(
    client(() => {
      throw new MizanError("FORBIDDEN", "Only editors may publish.", { role: "viewer" });
    }),
    "publish",
  );
  r.register(
    client(() => {
      throw new MizanError("PAYLOAD_TOO_LARGE", "Too many rows.", { max_rows: 10 });
    }),
    "importRows",
  );
  r.register(
    client(() => ({ big: 1n })),
    "notJson",
  );
  r.register(
    client(
      () =>
        new Response("id,name\n1,Ada\n", {
          status: 201,
          headers: { "content-type": "text/csv", "x-custom": "kept" },
        }),
    ),
    "download",
  );
  return r;
}

let user: MizanUser | null = null;
const getUser = () => user;
let logged: Array<{ path: string; fn: string | null; error: unknown }> = [];

function sides(debug = false) {
  const handler = createHandler({
    registry: registry(),
    getUser,
    debug,
    onError: (error, { fn }) => logged.push({ path: "http", fn, error }),
  });
  const local = createInProcessClient({
    registry: registry(),
    getUser,
    debug,
    onError: (error, { fn }) => logged.push({ path: "in-process", fn, error }),
  });
  return { handler, local };
}

interface Seen {
  status: number;
  code?: string;
  message?: string;
  details?: unknown;
  result?: unknown;
}

/** The HTTP answer to a raw JSON body, read as the client would. */
async function overHttp(handler: (r: Request) => Promise<Response>, body: unknown) {
  const response = await handler(
    new Request("http://test.local/api/mizan/call/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  const json = await response.json();
  if (response.ok) return { status: response.status, result: json.result } satisfies Seen;
  const { code, message, details } = json.error;
  return { status: response.status, code, message, details } satisfies Seen;
}

async function inProcess(
  local: ReturnType<typeof createInProcessClient>,
  name: unknown,
  args: unknown,
) {
  try {
    return { status: 200, result: await local.call(name as string, args) } satisfies Seen;
  } catch (error) {
    expect(error).toBeInstanceOf(MizanClientError);
    const { status, code, message, details } = error as MizanClientError;
    return { status, code, message, details } satisfies Seen;
  }
}

/** Both paths, the same call; returns what they agreed on. */
async function both(name: unknown, args: unknown, debug = false): Promise<Seen> {
  const { handler, local } = sides(debug);
  const body: Record<string, unknown> = {};
  if (name !== undefined) body.fn = name;
  if (args !== undefined) body.args = args;
  const http = await overHttp(handler, body);
  const mine = await inProcess(local, name, args);
  expect(mine).toEqual(http);
  return http;
}

beforeEach(() => {
  user = null;
  logged = [];
});

describe("the in-process client and the HTTP handler give the same envelopes", () => {
  test.each([
    ["args is an array", "echo", [1], '"args" must be a JSON object.'],
    ["args is a string", "echo", "text", '"args" must be a JSON object.'],
    ["args is null", "echo", null, '"args" must be a JSON object.'],
    ["no fn", undefined, {}, 'The call needs a "fn" string.'],
    ["an empty fn", "", {}, 'The call needs a "fn" string.'],
    ["fn not a string", 42, {}, 'The call needs a "fn" string.'],
  ])("400 BAD_REQUEST: %s", async (_row, name, args, message) => {
    expect(await both(name, args)).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      message,
      details: null,
    });
  });

  test("401 UNAUTHENTICATED", async () => {
    expect(await both("whoami", {})).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  test("403 FORBIDDEN", async () => {
    user = { id: 1 };
    expect(await both("staffOnly", {})).toMatchObject({ status: 403, code: "FORBIDDEN" });
    user = { id: 2, isStaff: true };
    expect(await both("staffOnly", {})).toEqual({ status: 200, result: "staff only" });
  });

  test("404 NOT_FOUND", async () => {
    expect(await both("nope", {})).toEqual({
      status: 404,
      code: "NOT_FOUND",
      message: 'Unknown function "nope".',
      details: null,
    });
  });

  test("422 VALIDATION_FAILED: a form submit with bad data", async () => {
    const seen = await both("signup.submit", { data: { username: "far too long", email: "x" } });
    expect(seen).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(Object.keys((seen.details as { fields: object }).fields).sort()).toEqual([
      "email",
      "username",
    ]);
    expect(await both("signup.submit", { data: { username: "ada", email: "a@b.co" } })).toEqual({
      status: 200,
      result: { welcome: "ada" },
    });
  });

  test("422 VALIDATION_FAILED: client({ input }) with bad args", async () => {
    const seen = await both("echo", { text: 1 });
    expect(seen).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(seen.details).toHaveProperty("fields.text");
    expect(await both("echo", { text: "a" })).toMatchObject({ status: 422 });
  });

  test("500 INTERNAL: the thrown text never leaks; both tell onError once", async () => {
    const seen = await both("boom", {});
    expect(seen).toEqual({
      status: 500,
      code: "INTERNAL",
      message: "Internal server error.",
      details: null,
    });
    expect(JSON.stringify(seen)).not.toContain("s3cr3t");
    expect(logged.map(({ path, fn }) => [path, fn])).toEqual([
      ["http", "boom"],
      ["in-process", "boom"],
    ]);
    expect(logged.map(({ error }) => (error as Error).message)).toEqual([SECRET, SECRET]);
  });

  test("500 INTERNAL with debug: both show the original message", async () => {
    const { handler, local } = sides(true);
    const http = await overHttp(handler, { fn: "boom" });
    const mine = await inProcess(local, "boom", {});
    expect(http.details).toMatchObject({ cause: SECRET, stack: expect.any(String) });
    // The stacks differ by the frames that called the function; everything else is equal.
    expect({ ...mine, details: { ...(mine.details as object), stack: "" } }).toEqual({
      ...http,
      details: { ...(http.details as object), stack: "" },
    });
  });

  test("500 INTERNAL: a result that is not JSON", async () => {
    expect(await both("notJson", {})).toMatchObject({ status: 500, code: "INTERNAL" });
    expect(logged).toHaveLength(2);
  });

  test.each([
    ["publish", 403, "FORBIDDEN", "Only editors may publish.", { role: "viewer" }],
    ["importRows", 413, "PAYLOAD_TOO_LARGE", "Too many rows.", { max_rows: 10 }],
  ])(
    "a MizanError thrown by user code (%s) keeps its details",
    async (fn, status, code, message, details) => {
      expect(await both(fn, {})).toEqual({ status, code, message, details });
      expect(logged).toEqual([]);
    },
  );

  test("a raw Response passes through: status, body and headers as the function made them", async () => {
    const { handler, local } = sides();
    const http = await handler(
      new Request("http://test.local/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"fn":"download"}',
      }),
    );
    const mine = await local.call<Response>("download");
    expect(mine).toBeInstanceOf(Response);
    for (const response of [http, mine]) {
      expect(response.status).toBe(201);
      expect(response.headers.get("content-type")).toBe("text/csv");
      expect(response.headers.get("x-custom")).toBe("kept");
      expect(await response.text()).toBe("id,name\n1,Ada\n");
    }
  });
});
