import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createHandler, type MizanHandler } from "../../src/server/index.js";
import { FIELDS, formDataText, jsonText, type Spec, specs } from "./arbitraries.js";
import {
  expectDocumented,
  expectNoPollution,
  hardeningRegistry,
  isContextRead,
  retainedHeap,
} from "./support.js";

// Generated input on a shared 2-core machine: bounded runs, generous per-response bounds.
vi.setConfig({ testTimeout: 60_000 });
const MAX_RESPONSE_MS = 5_000;
const ORIGIN = "http://test.local";
let handler: MizanHandler;
let heapBefore = 0;
const logged: unknown[] = [];

beforeAll(() => {
  handler = createHandler({
    registry: hardeningRegistry(),
    onError: (error) => logged.push(error),
  });
  heapBefore = retainedHeap();
});

afterAll(() => {
  expectNoPollution();
});

function toRequest(spec: Spec): Request {
  const headers = new Headers(spec.headers);
  if (spec.contentType !== null) headers.set("content-type", spec.contentType);
  const hasBody = spec.method !== "GET" && spec.method !== "HEAD" && spec.body !== null;
  return new Request(`${ORIGIN}${spec.path}`, {
    method: spec.method,
    headers,
    ...(hasBody && { body: spec.body as BodyInit }),
  });
}

async function answer(request: Request) {
  const started = performance.now();
  const response = await handler(request);
  const text = await response.text();
  const ms = performance.now() - started;
  expect(ms).toBeLessThan(MAX_RESPONSE_MS);
  return { status: response.status, headers: response.headers, text };
}

describe("createHandler under generated requests", () => {
  test("any method, path, content type, headers and body: a documented answer", async () => {
    await fc.assert(
      fc.asyncProperty(specs, async (spec) => {
        const request = toRequest(spec);
        const { status, headers, text } = await answer(request);
        const manifest = status === 200 && spec.path.includes("manifest");
        expectDocumented(status, headers, text, {
          manifest,
          contextRead: isContextRead(spec.method, spec.path),
        });
        expectNoPollution();
      }),
      { numRuns: 500 },
    );
    expect(logged).toEqual([]);
  });

  test("form data of any type for every field: 200 or 422, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        formDataText(FIELDS),
        fc.constantFrom("validate", "submit"),
        async (data, kind) => {
          const body = `{"fn":"everything.${kind}","args":{"data":${data}}}`;
          const { status, headers, text } = await answer(
            new Request(`${ORIGIN}/api/mizan/call/`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body,
            }),
          );
          expectDocumented(status, headers, text);
          expect([200, 400, 422]).toContain(status);
          expectNoPollution();
        },
      ),
      { numRuns: 300 },
    );
    expect(logged).toEqual([]);
  });

  test.each(FIELDS)("field %s: every JSON type, hostile numbers and keys", async (field) => {
    await fc.assert(
      fc.asyncProperty(jsonText, async (value) => {
        const body = `{"fn":"everything.validate","args":{"data":{${JSON.stringify(field)}:${value}},"fields":[${JSON.stringify(field)}]}}`;
        const { status, headers, text } = await answer(
          new Request(`${ORIGIN}/api/mizan/call/`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          }),
        );
        expectDocumented(status, headers, text);
        expect(status).toBe(200);
      }),
      { numRuns: 25 },
    );
    expect(logged).toEqual([]);
  });
});

function post(body: BodyInit, contentType = "application/json"): Request {
  return new Request(`${ORIGIN}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

const DEEP = 10_000;
const deep = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;
const deepObject = `${'{"a":'.repeat(DEEP)}1${"}".repeat(DEEP)}`;

describe("fixed hostile examples", () => {
  test.each([
    ["a 10,000-deep array as args", `{"fn":"identity","args":{"a":${deep}}}`],
    ["a 10,000-deep object as args", `{"fn":"identity","args":${deepObject}}`],
    ["a 10,000-deep form value", `{"fn":"everything.submit","args":{"data":{"extra":${deep}}}}`],
    ["a 10,000-deep body", deep],
  ])("%s is refused with 400 before JSON.parse", async (_name, body) => {
    const { status, headers, text } = await answer(post(body));
    expectDocumented(status, headers, text);
    expect(status).toBe(400);
    expect(text).toMatch(/nests deeper than 64/);
  });

  test("10,000-deep args in urlencoded and multipart bodies are refused too", async () => {
    const urlencoded = new URLSearchParams({ fn: "identity", args: `{"a":${deep}}` });
    const form = new FormData();
    form.set("fn", "identity");
    form.set("args", `{"a":${deep}}`);
    for (const request of [
      new Request(`${ORIGIN}/api/mizan/call/`, { method: "POST", body: urlencoded }),
      new Request(`${ORIGIN}/api/mizan/call/`, { method: "POST", body: form }),
    ]) {
      const { status, text } = await answer(request);
      expect(status).toBe(400);
      expect(text).toMatch(/nests deeper than 64/);
    }
  });

  const million = `[${new Array(1_000_000).fill("0").join(",")}]`;

  test("a 1,000,000-item array is over the default 1 MiB limit: 413", async () => {
    const { status, headers, text } = await answer(
      post(`{"fn":"identity","args":{"a":${million}}}`),
    );
    expectDocumented(status, headers, text);
    expect(status).toBe(413);
  });

  test("with the limit raised, 1,000,000 items are answered, and a formset refuses them whole", async () => {
    const roomy = createHandler({
      registry: hardeningRegistry(),
      limits: { maxBodyBytes: 16 * 1024 * 1024 },
      onError: (error) => logged.push(error),
    });
    const objects = `[${new Array(1_000_000).fill("{}").join(",")}]`;
    const cases: Array<[string, number]> = [
      [`{"fn":"identity","args":{"a":${million}}}`, 200],
      [`{"fn":"everything.validate","args":{"data":{"tags":${million}}}}`, 200],
      [`{"fn":"everything.submit","args":{"data":{"items":${objects}}}}`, 422],
      [`{"fn":"everything.submit","args":{"data":{"extra":${million}}}}`, 422],
    ];
    for (const [body, expected] of cases) {
      const started = performance.now();
      const response = await roomy(post(body));
      const text = await response.text();
      expect(performance.now() - started).toBeLessThan(MAX_RESPONSE_MS * 2);
      expect(response.status).toBe(expected);
      expectDocumented(response.status, response.headers, text);
    }
    const formset = await roomy(
      post(`{"fn":"everything.validate","args":{"data":{"items":${objects}},"fields":["items"]}}`),
    );
    expect(await formset.json()).toMatchObject({
      result: {
        errors: { fields: { items: [{ code: "too_many_forms" }] } },
      },
    });
    expect(logged).toEqual([]);
  });

  test.each([
    ["1e400", "count"],
    ["-1e400", "count"],
    ["-0", "count"],
    ["1e400", "ratio"],
    ["-0", "ratio"],
    ["1e400", "price"],
    ["-0", "price"],
    ["1e-400", "price"],
    ["9007199254740993", "count"],
    ["1e400", "extra"],
  ])("the number %s in %s: 200 from validate, never a 500", async (number, field) => {
    const { status, headers, text } = await answer(
      post(
        `{"fn":"everything.validate","args":{"data":{"${field}":${number}},"fields":["${field}"]}}`,
      ),
    );
    expectDocumented(status, headers, text);
    expect(status).toBe(200);
  });

  test("-0 and 1e400 pass through a plain function as JSON (0 and null)", async () => {
    const { text } = await answer(post('{"fn":"identity","args":{"a":-0,"b":1e400}}'));
    expect(JSON.parse(text)).toEqual({ result: { a: 0, b: null }, invalidate: [], merge: [] });
  });

  test("__proto__, constructor and prototype at every level pollute nothing", async () => {
    const evil =
      '{"__proto__":{"polluted":1,"isStaff":true},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}}';
    const nested = (inner: string) =>
      `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"x":${inner}}`;
    const bodies = [
      `{"__proto__":{"polluted":1},"fn":"identity","args":${evil}}`,
      `{"fn":"identity","args":${nested(nested(nested(evil)))}}`,
      `{"fn":"everything.submit","args":{"data":${nested(evil)}}}`,
      `{"fn":"everything.submit","args":{"__proto__":{"data":{}},"data":{"address":${evil},"items":[${evil},${evil}],"extra":${nested(evil)}}}}`,
      `{"fn":"everything.validate","args":{"data":${evil},"fields":["__proto__","constructor","prototype"]}}`,
    ];
    for (const body of bodies) {
      const { status, headers, text } = await answer(post(body));
      expectDocumented(status, headers, text);
      expect([200, 422]).toContain(status);
      expectNoPollution();
    }
    const multipart = new FormData();
    multipart.set("fn", "everything.submit");
    multipart.set("args", `{"data":${evil}}`);
    for (const name of [
      "args.__proto__.polluted",
      "args.data.__proto__.polluted",
      "args.constructor.prototype.polluted",
      "args.data.items.0.__proto__",
    ]) {
      multipart.set(name, new File(["x"], "x.txt"));
      const { status } = await answer(
        new Request(`${ORIGIN}/api/mizan/call/`, { method: "POST", body: multipart }),
      );
      expect(status).toBe(400);
      multipart.delete(name);
      expectNoPollution();
    }
  });

  test.each([
    ["JSON", "application/json"],
    ["urlencoded", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=XyZ"],
  ])("invalid UTF-8 in a %s body is a 400", async (_name, type) => {
    const bad = new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]);
    const prefix = new TextEncoder().encode(
      type.startsWith("multipart")
        ? '--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\n'
        : type.startsWith("application/json")
          ? '{"fn":"'
          : "fn=",
    );
    const suffix = new TextEncoder().encode(
      type.startsWith("multipart")
        ? "\r\n--XyZ--\r\n"
        : type.startsWith("application/json")
          ? '"}'
          : "",
    );
    const body = new Uint8Array([...prefix, ...bad, ...suffix]);
    const { status, headers, text } = await answer(post(body, type));
    expectDocumented(status, headers, text);
    // urlencoded decodes bytes as text first (as browsers send UTF-8); a broken byte is a 400.
    expect(status).toBe(400);
  });

  test.each([
    ["no closing delimiter", '--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\necho'],
    [
      "no part headers end",
      `--XyZ\r\nContent-Disposition: form-data; name="fn"${"x".repeat(20_000)}`,
    ],
    ["a part without a name", "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--\r\n"],
    [
      "not form-data",
      '--XyZ\r\nContent-Disposition: attachment; name="fn"\r\n\r\nx\r\n--XyZ--\r\n',
    ],
    ["garbage after the delimiter", "--XyZgarbage\r\n\r\n--XyZ--"],
    ["only a preamble", "x".repeat(100_000)],
  ])("a truncated or malformed multipart body (%s) is a 400", async (_name, body) => {
    const { status, headers, text } = await answer(post(body, "multipart/form-data; boundary=XyZ"));
    expectDocumented(status, headers, text);
    expect(status).toBe(400);
  });

  test("900 KB strings in every field: answered in bounded time", async () => {
    const huge = ["a", "@", ".", "-", ":", " ", "1"].map((c) => c.repeat(900_000));
    for (const field of FIELDS) {
      for (const value of huge) {
        // DecimalField parses digits in time linear but slow (~4 µs each): 100 KB keeps it quick.
        const text = field === "price" ? value.slice(0, 100_000) : value;
        const {
          status,
          headers,
          text: body,
        } = await answer(
          post(
            JSON.stringify({
              fn: "everything.validate",
              args: { data: { [field]: text }, fields: [field] },
            }),
          ),
        );
        expectDocumented(status, headers, body);
        expect(status).toBe(200);
        // Django echoes a bad choice back ("Select a valid choice. x is not one of…"): the
        // answer may quote the input once, never more.
        expect(body.length).toBeLessThan(text.length + 2_000);
      }
    }
  });

  test("afterwards: nothing logged, memory bounded, still answering", async () => {
    expect(logged).toEqual([]);
    const growth = retainedHeap() - heapBefore;
    expect(growth).toBeLessThan(200 * 1024 * 1024);
    const { status, text } = await answer(post('{"fn":"echo","args":{"text":"still here"}}'));
    expect(status).toBe(200);
    expect(JSON.parse(text).result).toEqual({ message: "still here" });
  });
});
