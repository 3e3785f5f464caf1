import { describe, expect, test } from "vitest";
import { createCaller, createClient } from "../../src/client/create-client.js";
import { argsJson, multipart, multipartBody } from "../../src/client/files.js";
import type { FetchLike } from "../../src/client/http.js";

test("finds files at any depth and leaves JSON without them", () => {
  const a = new File(["a"], "a.txt");
  const b = new Blob(["b"]);
  const c = new File(["c"], "c.txt");
  const { json, files } = argsJson({
    a,
    nested: { list: [1, b, { c }] },
    when: new Date(0),
  });
  expect(JSON.parse(json)).toEqual({
    nested: { list: [1, null, {}] },
    when: new Date(0).toISOString(),
  });
  expect(files).toEqual([
    { path: "a", file: a },
    { path: "nested.list.1", file: b },
    { path: "nested.list.2.c", file: c },
  ]);
});

test("no files: the JSON of the arguments", () => {
  const args = { a: [1, { b: "x" }], "": 2 };
  const { json, files } = argsJson(args);
  expect(files).toEqual([]);
  expect(json).toBe(JSON.stringify(args));
});

test("an object met twice is searched at each place it sits", () => {
  const shared = { f: new Blob(["s"]) };
  const { json, files } = argsJson({ one: shared, two: [shared] });
  expect(JSON.parse(json)).toEqual({ one: {}, two: [{}] });
  expect(files.map((f) => f.path)).toEqual(["one.f", "two.0.f"]);
});

test("a key with a dot on the way to a file is refused", () => {
  expect(() => argsJson({ "a.b": { f: new Blob(["x"]) } })).toThrow(TypeError);
  expect(() => argsJson({ "": { f: new Blob(["x"]) } })).toThrow(TypeError);
  expect(() => argsJson({ "a.b": new Blob(["x"]) })).toThrow("dot-free");
  expect(() => argsJson(new Blob(["x"]))).toThrow('dot-free keys: ""');
});

test("circular arguments are refused", () => {
  const args: Record<string, unknown> = {};
  args.self = args;
  expect(() => argsJson(args)).toThrow(/circular/i);
});

test("a __proto__ key stays data", () => {
  const { json, files } = argsJson(JSON.parse('{"__proto__": {"x": 1, "f": {}}}'));
  expect(json).toBe('{"__proto__":{"x":1,"f":{}}}');
  expect(files).toEqual([]);
  const withFile = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, Record<string, unknown>>;
  const file = new Blob(["p"]);
  // The own "__proto__" key JSON.parse made (not the accessor): read it as a property.
  (Object.getOwnPropertyDescriptor(withFile, "__proto__")?.value as Record<string, unknown>).f =
    file;
  expect(argsJson(withFile)).toEqual({
    json: '{"__proto__":{"x":1}}',
    files: [{ path: "__proto__.f", file }],
  });
});

describe("the caller of <MizanProvider baseUrl> (createCaller): JSON unless told otherwise", () => {
  /** A fetch that records each request body and answers `{ result: null }`. */
  function recording() {
    const bodies: unknown[] = [];
    const fetch: FetchLike = async (_url, init) => {
      bodies.push(init.body);
      return new Response('{"result":null}', { headers: { "content-type": "application/json" } });
    };
    return { fetch, bodies };
  }
  const args = { data: { avatar: new File(["png!"], "me.png"), name: "Ann" } };

  test("args holding a file are refused with a TypeError naming multipart(); none is sent", async () => {
    const { fetch, bodies } = recording();
    const caller = createCaller({ baseUrl: "/api", fetch, csrf: false });
    await expect(caller.call("profile.submit", args)).rejects.toThrow(/multipart\(\)/);
    expect(bodies).toEqual([]);
    await caller.call("echo", { text: "hi" });
    expect(bodies).toEqual(['{"fn":"echo","args":{"text":"hi"}}']);
  });

  test("a call's encode: multipartBody, or the multipart() plugin, sends the file", async () => {
    const { fetch, bodies } = recording();
    const caller = createCaller({ baseUrl: "/api", fetch, csrf: false });
    await caller.call("profile.submit", args, { encode: multipartBody });
    const plugged = createCaller({ baseUrl: "/api", fetch, csrf: false, plugins: [multipart()] });
    await plugged.call("profile.submit", args);
    for (const body of bodies) {
      expect(body).toBeInstanceOf(FormData);
      expect((body as FormData).get("args.data.avatar")).toBeInstanceOf(File);
      expect(JSON.parse(String((body as FormData).get("args")))).toEqual({ data: { name: "Ann" } });
    }
    expect(bodies).toHaveLength(2);
  });

  test("createClient has it built in", async () => {
    const { fetch, bodies } = recording();
    await createClient({ baseUrl: "/api", fetch, csrf: false }).call("profile.submit", args);
    expect(bodies[0]).toBeInstanceOf(FormData);
  });
});
