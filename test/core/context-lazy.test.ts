import { describe, expect, test } from "vitest";
import { client, createContext, dispatch, Registry } from "../../src/core/index.js";

describe("createContext: signal given as a function", () => {
  test("the function runs on the first read of ctx.signal, once", () => {
    let made = 0;
    const controller = new AbortController();
    const ctx = createContext({
      signal: () => {
        made += 1;
        return controller.signal;
      },
    });
    expect(made).toBe(0);
    expect(ctx.signal).toBe(controller.signal);
    expect(ctx.signal).toBe(controller.signal);
    expect(made).toBe(1);
    controller.abort();
    expect(ctx.signal.aborted).toBe(true);
  });

  test("a signal given as is and the default one stay the same across reads", () => {
    const controller = new AbortController();
    expect(createContext({ signal: controller.signal }).signal).toBe(controller.signal);
    const ctx = createContext();
    expect(ctx.signal).toBe(ctx.signal);
    expect(ctx.signal.aborted).toBe(false);
  });

  test("responseHeaders is one Headers per context, setCookie included", () => {
    const ctx = createContext();
    const { setCookie } = ctx;
    setCookie("a", "1");
    ctx.responseHeaders.set("x-one", "1");
    expect(ctx.responseHeaders).toBe(ctx.responseHeaders);
    expect(ctx.responseHeaders.getSetCookie()).toEqual(["a=1; Path=/"]);
    expect(ctx.responseHeaders.get("x-one")).toBe("1");
    expect(createContext().responseHeaders).not.toBe(ctx.responseHeaders);
  });
});

describe("dispatch: the context's signal and headers", () => {
  const registry = new Registry();
  registry.register(
    client({}, (ctx) => ({ aborted: ctx.signal.aborted, same: ctx.signal === ctx.request.signal })),
    "readsSignal",
  );
  registry.register(
    client({}, (ctx) => {
      ctx.setCookie("seen", "yes");
      return null;
    }),
    "setsCookie",
  );
  registry.register(
    client({}, () => "quiet"),
    "quiet",
  );

  test("ctx.signal is the request's signal, aborted with it", async () => {
    const controller = new AbortController();
    const request = new Request("http://localhost/", { signal: controller.signal });
    const live = await dispatch("readsSignal", {}, request, { registry });
    expect(live.kind === "result" && live.body.result).toEqual({ aborted: false, same: true });
    controller.abort();
    const gone = await dispatch("readsSignal", {}, request, { registry });
    expect(gone.kind === "result" && gone.body.result).toEqual({ aborted: true, same: true });
  });

  test("an outcome's headers are the context's: empty when nothing set any", async () => {
    const request = new Request("http://localhost/");
    const quiet = await dispatch("quiet", {}, request, { registry });
    expect([...quiet.headers]).toEqual([]);
    const cookie = await dispatch("setsCookie", {}, request, { registry });
    expect(cookie.headers.getSetCookie()).toEqual(["seen=yes; Path=/"]);
  });
});
