import { expect, test } from "vitest";
import { client, Registry } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";

/**
 * A call's Web Response carries exactly the headers the function set, with the defaults, and
 * its body is the envelope's UTF-8. The function sets headers with `set`, `cookies` cookies,
 * and answers `result`.
 */
function handlerSetting(
  set: (headers: Headers) => void,
  cookies = 0,
  result: unknown = { ok: true },
) {
  const registry = new Registry();
  registry.register(
    client((ctx) => {
      set(ctx.responseHeaders);
      for (let i = 0; i < cookies; i++) ctx.setCookie(`c${i}`, "v");
      return result;
    }),
    "fn",
  );
  return createHandler({ registry, csrf: false });
}

const handlerAnswering = (text: string, cookies: number) =>
  handlerSetting(() => {}, cookies, { text });

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

// Short and long answers, one-byte, Latin-1, wider than Latin-1, outside the BMP, and a lone
// surrogate, which JSON writes escaped: whatever undici is given to make the Response from,
// its body must be the envelope's UTF-8 and its headers the defaults (no text/plain).
const TEXTS = [
  ["short ASCII", "ok"],
  ["ASCII", "a".repeat(466)],
  ["long ASCII", "a".repeat(5000)],
  ["Latin-1", "é".repeat(700)],
  ["quotes", `“${"q".repeat(600)}”`],
  ["emoji", "😀".repeat(400)],
  ["lone surrogate", `${"x".repeat(600)}\ud800${"y".repeat(10)}`],
] as const;

test.each(
  TEXTS.flatMap(([what, text]) => [
    [what, text, 0],
    [what, text, 2],
  ]),
)(
  "%s (%i cookies): the body is the envelope's UTF-8, the headers the defaults",
  async (_what, text, cookies) => {
    const response = await handlerAnswering(text as string, cookies as number)(call());
    expect(response.status).toBe(200);
    const expected = JSON.stringify({ result: { text }, invalidate: [], merge: [] });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes).toEqual(new TextEncoder().encode(expected));
    const got = [...response.headers].filter(([name]) => name !== "set-cookie");
    expect(got).toEqual(DEFAULTS);
    expect(response.headers.getSetCookie()).toHaveLength(cookies as number);
  },
);

test("an answer's body streams in one chunk, short or long", async () => {
  for (const text of ["ok", "“x”".repeat(400)]) {
    const response = await handlerAnswering(text, 0)(call());
    expect(response.bodyUsed).toBe(false);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
    }
    expect(chunks).toHaveLength(1);
    expect(new TextDecoder().decode(chunks[0])).toBe(
      JSON.stringify({ result: { text }, invalidate: [], merge: [] }),
    );
    expect(response.bodyUsed).toBe(true);
  }
});
