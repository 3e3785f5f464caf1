// biome-ignore-all lint/suspicious/noDocumentCookie: the test plays the browser's cookie jar
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, expect, test } from "vitest";
import { MizanProvider, useServerFunction } from "../../react/index.js";
import { client, Registry } from "../../src/core/index.js";
import { createHandler } from "../../src/server/index.js";
import { handlerFetch } from "../fixtures/react.js";

/**
 * The React hooks call through `createClient`, so a `<MizanProvider baseUrl>` sends the CSRF
 * token with no option at all: jsdom's real `document.cookie` stands in for the browser's.
 */
function setup() {
  const registry = new Registry();
  registry.register(
    client(() => "done"),
    "act",
  );
  const handler = createHandler({ registry, onError: () => {} });
  const send = handlerFetch(handler);
  const sent: Headers[] = [];
  const fetch = async (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    // What the browser adds: its cookies.
    if (document.cookie) headers.set("cookie", document.cookie);
    sent.push(headers);
    const response = await send(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) document.cookie = line;
    return response;
  };
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <MizanProvider baseUrl="http://localhost:3000/api/mizan" fetch={fetch}>
      {children}
    </MizanProvider>
  );
  return { wrapper, sent };
}

afterEach(() => {
  for (const part of document.cookie.split(";")) {
    const name = part.split("=")[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
});

test("useServerFunction sends the csrftoken cookie as X-CSRFToken by default", async () => {
  document.cookie = "csrftoken=AbCdEfGhIjKlMnOpQrStUvWxYz012345; Path=/";
  const { wrapper, sent } = setup();
  const { result } = renderHook(() => useServerFunction("act"), { wrapper });
  await act(() => result.current.call({}));
  await waitFor(() => expect(result.current.data).toBe("done"));
  expect(sent[0]?.get("x-csrftoken")).toBe("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
});

test("a session with no token yet: the hook's call is refused once, retried with the new token", async () => {
  document.cookie = "theme=dark; Path=/";
  const { wrapper, sent } = setup();
  const { result } = renderHook(() => useServerFunction("act"), { wrapper });
  await act(() => result.current.call({}));
  await waitFor(() => expect(result.current.data).toBe("done"));
  expect(result.current.error).toBeUndefined();
  expect(sent).toHaveLength(2);
  expect(sent[1]?.get("x-csrftoken")).toMatch(/^[A-Za-z0-9]{32}$/);
});
