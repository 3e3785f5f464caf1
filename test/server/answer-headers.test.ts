import { expect, test } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";

/** A call's Web Response carries exactly the headers the function set, with the defaults. */
function handlerSetting(set: (headers: Headers) => void, cookies = 0) {
  const registry = new Registry();
  registry.register(
    client((ctx) => {
      set(ctx.responseHeaders);
      for (let i = 0; i < cookies; i++) ctx.setCookie(`c${i}`, "v");
      return { ok: true };
    }),
    "fn",
  );
  return createHandler({ registry, csrf: false });
}

const call = () =>
  new Request("http://localhost/api/mizan/call/", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn: "fn" }),
  });

const DEFAULTS = [
  ["cache-control", "no-store"],
  ["content-type", "application/json; charset=utf-8"],
  ["x-content-type-options", "nosniff"],
];

test.each([
  ["no header", () => {}, 0, []],
  ["a plain header", (h: Headers) => h.set("X-Version", "3f2a"), 0, [["x-version", "3f2a"]]],
  [
    "names an object literal would not keep",
    (h: Headers) => {
      h.set("__proto__", "a");
      h.set("constructor", "b");
      h.set("0", "c");
    },
    0,
    [
      ["0", "c"],
      ["__proto__", "a"],
      ["constructor", "b"],
    ],
  ],
  ["cookies", (h: Headers) => h.append("x-trace", "one"), 2, [["x-trace", "one"]]],
] as Array<[string, (h: Headers) => void, number, string[][]]>)(
  "%s: the Response's headers",
  async (_what, set, cookies, own) => {
    const response = await handlerSetting(set, cookies)(call());
    expect(response.status).toBe(200);
    // Headers lists names in code-unit order.
    const expected = [...DEFAULTS, ...own].sort(([a], [b]) =>
      (a as string) < (b as string) ? -1 : 1,
    );
    const got = [...response.headers].filter(([name]) => name !== "set-cookie");
    expect(got).toEqual(expected);
    expect(response.headers.getSetCookie()).toEqual(
      Array.from({ length: cookies }, (_, i) => `c${i}=v; Path=/`),
    );
    expect(await response.json()).toEqual({ result: { ok: true }, invalidate: [], merge: [] });
  },
);
