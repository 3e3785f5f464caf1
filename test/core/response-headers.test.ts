import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  client,
  createContext,
  dispatch,
  Registry,
  type RequestContext,
} from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";
import { callRequest } from "../helpers/handler-requests.js";

/** What one Headers operation did: its result, or the error it threw (by class and message). */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return {
      value:
        value instanceof Object && Symbol.iterator in value
          ? [...(value as Iterable<unknown>)]
          : value,
    };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

/** Everything a Headers can tell about itself. */
function snapshot(headers: Headers): unknown {
  const forEach: string[][] = [];
  headers.forEach((value, name) => {
    forEach.push([name, value]);
  });
  return {
    entries: [...headers],
    viaEntries: [...headers.entries()],
    keys: [...headers.keys()],
    values: [...headers.values()],
    forEach,
    cookies: headers.getSetCookie(),
  };
}

const names = fc.constantFrom(
  "X-Mizan-Form-Version",
  "x-mizan-form-version",
  "Vary",
  "vary",
  "Set-Cookie",
  "set-cookie",
  "Cache-Control",
  "bad name",
  "",
  "x-é",
);
const values = fc.oneof(
  fc.constantFrom("3f2a", "a, b", " padded ", "\tx", "x\t", "", "a\r\nb", "a\0b", "é", "€", "a  b"),
  fc.string({ maxLength: 6 }),
);
type Op = [
  op: "set" | "append" | "get" | "has" | "delete" | "getSetCookie",
  name: string,
  value: string,
];
const ops = fc.array(
  fc.tuple(
    fc.constantFrom("set", "append", "get", "has", "delete", "getSetCookie") as fc.Arbitrary<Op[0]>,
    names,
    values,
  ),
  { maxLength: 12 },
);

function apply(headers: Headers, [op, name, value]: Op): unknown {
  return outcome(() => {
    if (op === "set") return headers.set(name, value);
    if (op === "append") return headers.append(name, value);
    if (op === "get") return headers.get(name);
    if (op === "has") return headers.has(name);
    if (op === "delete") return headers.delete(name);
    return headers.getSetCookie();
  });
}

/** The context a dispatched call sees (the server's: dispatch makes its response headers). */
async function dispatchedContext(): Promise<RequestContext> {
  let seen: RequestContext | undefined;
  const registry = new Registry();
  registry.register(
    client((ctx) => {
      seen = ctx;
    }),
    "grab",
  );
  await dispatch("grab", {}, new Request("http://localhost/"), { registry });
  if (!seen) throw new Error("the function did not run");
  return seen;
}

describe("ctx.responseHeaders behaves as a Headers", () => {
  test("createContext's default is a Headers too", () => {
    const headers = createContext().responseHeaders;
    headers.set("x-one", "1");
    expect(headers).toBeInstanceOf(Headers);
    expect([...headers]).toEqual([["x-one", "1"]]);
  });

  test("is a Headers instance, one per context", async () => {
    const ctx = await dispatchedContext();
    const headers = ctx.responseHeaders;
    expect(headers).toBeInstanceOf(Headers);
    expect(headers.constructor).toBe(Headers);
    expect(Object.prototype.toString.call(headers)).toBe("[object Headers]");
    expect(ctx.responseHeaders).toBe(headers);
  });

  test("every sequence of operations answers and ends as on a new Headers()", async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const real = new Headers();
        const bag = (await dispatchedContext()).responseHeaders;
        for (const op of sequence) expect(apply(bag, op)).toEqual(apply(real, op));
        expect(snapshot(bag)).toEqual(snapshot(real));
      }),
      {
        numRuns: 400,
        // The same name twice in a row, which the bag's checks remember between calls.
        examples: [
          [
            [
              ["get", "Set-Cookie", ""],
              ["set", "Set-Cookie", "a=1"],
            ],
          ],
          [
            [
              ["has", "set-cookie", ""],
              ["set", "set-cookie", "3f2a"],
              ["get", "set-cookie", ""],
            ],
          ],
          [
            [
              ["set", "Vary", " padded "],
              ["set", "Vary", "a  b"],
              ["get", "vary", ""],
            ],
          ],
          [
            [
              ["set", "X-Mizan-Form-Version", "3f2a"],
              ["set", "X-Mizan-Form-Version", "a\r\nb"],
            ],
          ],
          [
            [
              ["set", "bad name", "3f2a"],
              ["set", "bad name", "3f2a"],
              ["has", "bad name", ""],
            ],
          ],
        ],
      },
    );
  });

  test("copies into new Headers, a Response and Object.fromEntries as a Headers does", async () => {
    const ctx = await dispatchedContext();
    ctx.responseHeaders.set("X-Mizan-Form-Version", "v1");
    ctx.responseHeaders.set("Vary", "Origin");
    ctx.setCookie("a", "1");
    expect([...new Headers(ctx.responseHeaders)]).toEqual([
      ["set-cookie", "a=1; Path=/"],
      ["vary", "Origin"],
      ["x-mizan-form-version", "v1"],
    ]);
    expect(new Response(null, { headers: ctx.responseHeaders }).headers.get("vary")).toBe("Origin");
    const plain = (await dispatchedContext()).responseHeaders;
    plain.set("X-One", "1");
    expect(Object.fromEntries(plain)).toEqual({ "x-one": "1" });
  });

  test("wrong arguments throw the TypeError a Headers throws", async () => {
    const bag = (await dispatchedContext()).responseHeaders as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    const real = new Headers() as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const method of ["get", "has", "set", "append", "delete"]) {
      expect(outcome(() => bag[method]?.call(bag))).toEqual(
        outcome(() => real[method]?.call(real)),
      );
    }
    expect(outcome(() => bag.set?.call(bag, "x-n", 5))).toEqual(
      outcome(() => real.set?.call(real, "x-n", 5)),
    );
    expect(bag.get?.call(bag, "x-n")).toBe("5");
  });
});

describe("response headers on the wire", () => {
  test("set headers reach the answer; appended ones and cookies too", async () => {
    const registry = new Registry();
    registry.register(
      client((ctx) => {
        ctx.responseHeaders.set("X-Mizan-Form-Version", "abc");
        ctx.responseHeaders.set("Vary", "Accept-Language");
        return ctx.responseHeaders.get("vary");
      }),
      "versioned",
    );
    registry.register(
      client((ctx) => {
        ctx.responseHeaders.set("X-One", "1");
        ctx.responseHeaders.append("X-One", "2");
        ctx.setCookie("b", "2");
      }),
      "mixed",
    );
    const handler = createHandler({ registry, csrf: false });
    const versioned = await handler(callRequest("versioned"));
    expect(versioned.headers.get("x-mizan-form-version")).toBe("abc");
    expect(versioned.headers.get("vary")).toBe("Accept-Language");
    expect(await versioned.json()).toMatchObject({ result: "Accept-Language" });
    const mixed = await handler(callRequest("mixed"));
    expect(mixed.headers.get("x-one")).toBe("1, 2");
    expect(mixed.headers.getSetCookie()).toEqual(["b=2; Path=/"]);
  });
});
