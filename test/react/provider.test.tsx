import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import type { ReactNode } from "react";
import { expect, test, vi } from "vitest";
import {
  MizanProvider,
  type MizanProviderProps,
  useMizanClient,
  useMizanContext,
  useServerFunction,
} from "../../react/index.js";
import { createInProcessClient } from "../../src/client/in-process.js";
import { retry } from "../../src/client/index.js";
import { Registry } from "../../src/core/registry.js";
import { client } from "../../src/core/server-function.js";
import { createHandler } from "../../src/server/index.js";
import { handlerFetch } from "../fixtures/react.js";

function echoRegistry() {
  const registry = new Registry();
  registry.register(
    client((ctx, args) => ({
      echoed: args,
      user: (ctx.user as { id: number } | null)?.id ?? null,
    })),
    "echo",
  );
  return registry;
}

function Echo() {
  const echo = useServerFunction<
    { text: string },
    { echoed: { text: string }; user: number | null }
  >("echo");
  return (
    <>
      <button type="button" onClick={() => void echo.call({ text: "hi" })}>
        Echo
      </button>
      <output>{echo.data ? `${echo.data.echoed.text} from ${echo.data.user}` : ""}</output>
    </>
  );
}

async function clickEcho(wrapper: (props: { children?: ReactNode }) => ReactNode) {
  const user = userEvent.setup();
  render(<Echo />, { wrapper });
  await user.click(screen.getByRole("button", { name: "Echo" }));
  await waitFor(() => expect(screen.getByRole("status")).not.toBeEmptyDOMElement());
  return screen.getByRole("status").textContent;
}

test("in process: calls a real registry through createInProcessClient, with getUser", async () => {
  const caller = createInProcessClient({ registry: echoRegistry(), getUser: () => ({ id: 3 }) });
  const text = await clickEcho(({ children }) => (
    <MizanProvider client={caller}>{children}</MizanProvider>
  ));
  expect(text).toBe("hi from 3");
});

test("baseUrl: calls over HTTP with the given fetch and headers", async () => {
  const handler = createHandler({
    registry: echoRegistry(),
    getUser: (request) => (request.headers.get("authorization") === "Bearer t" ? { id: 9 } : null),
  });
  const send = handlerFetch(handler);
  const fetch = vi.fn(send);
  const headers = { authorization: "Bearer t" };
  const text = await clickEcho(({ children }) => (
    <MizanProvider baseUrl="http://mizan.test/api/mizan" fetch={fetch} headers={headers}>
      {children}
    </MizanProvider>
  ));
  expect(text).toBe("hi from 9");
  expect(String(fetch.mock.calls[0]?.[0])).toBe("http://mizan.test/api/mizan/call/");
});

test("a hook outside any provider says how to fix it", () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  expect(() => renderHook(() => useMizanClient())).toThrow(/Wrap your app in <MizanProvider/);
  vi.restoreAllMocks();
});

test("baseUrl: plugins reach the client (retry() retries a context fetch that failed)", async () => {
  const answers = [
    () => Response.json({ error: { code: "INTERNAL", message: "busy" } }, { status: 503 }),
    () => Response.json({ result: { n: 1 } }),
  ];
  const fetch = vi.fn(async () => (answers.shift() as () => Response)());
  const { result } = renderHook(() => useMizanContext<{ n: number }>("counter"), {
    wrapper: ({ children }) => (
      <MizanProvider baseUrl="/api" fetch={fetch} plugins={[retry({ delayMs: 0 })]}>
        {children}
      </MizanProvider>
    ),
  });
  await waitFor(() => expect(result.current.data).toEqual({ n: 1 }));
  expect(fetch).toHaveBeenCalledTimes(2);
});

test("baseUrl: the old retry prop is refused, naming the plugin", () => {
  const old = { baseUrl: "/api", retry: { retries: 2 } } as unknown as MizanProviderProps;
  vi.spyOn(console, "error").mockImplementation(() => {});
  expect(() => render(<MizanProvider {...old} />)).toThrow(/plugins: \[retry\(/);
  vi.restoreAllMocks();
});
