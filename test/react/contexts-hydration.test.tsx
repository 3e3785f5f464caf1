/**
 * Server rendering and hydration with contexts: the page the server renders (react-dom/server
 * with the contexts `resolveGlobalContexts`/`resolveContexts` give) hydrates in the browser with
 * the serialized contexts, making no request and raising no hydration warning.
 */
import { act } from "@testing-library/react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { MizanProvider } from "../../react/index.js";
import type { SerializedContexts } from "../../src/client/index.js";
import { contextsScript, resolveContexts, resolveGlobalContexts } from "../../src/server/index.js";
import { GreetProvider, useCurrentUser, useGreet } from "../codegen/__generated__/contexts.js";
import { contextWorld } from "./context-fixtures.js";

function Header() {
  const { data: user, status } = useCurrentUser();
  if (user) return <p>Signed in as {user.username}</p>;
  return <p>{status === "success" ? "Signed out" : "Loading…"}</p>;
}

function Greeting() {
  return <p>{useGreet().data?.message}</p>;
}

function App() {
  return (
    <main>
      <Header />
      <GreetProvider name="Ada" fallback={<p>Greeting…</p>}>
        <Greeting />
      </GreetProvider>
    </main>
  );
}

/** What the server puts in the page for a signed-in request: the global contexts and greet. */
async function serverState(): Promise<SerializedContexts> {
  const world = contextWorld();
  world.user = { id: 1, username: "ada" };
  const options = { registry: world.registry, getUser: world.getUser };
  const request = new Request("http://localhost/");
  return {
    ...(await resolveGlobalContexts(request, options)),
    ...(await resolveContexts(request, [{ name: "greet", args: { name: "Ada" } }], options)),
  };
}

function serverHtml(state: SerializedContexts): string {
  const fetch = vi.fn<typeof globalThis.fetch>();
  const html = renderToString(
    <MizanProvider baseUrl="/api/mizan" fetch={fetch} initialContexts={state}>
      <App />
    </MizanProvider>,
  );
  expect(fetch).not.toHaveBeenCalled();
  return html;
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

/** Hydrate the server's HTML; what was fetched and what React complained about. */
async function hydrate(html: string, initialContexts: SerializedContexts | undefined) {
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.append(container);
  const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ result: null }));
  const globalFetch = vi.spyOn(globalThis, "fetch");
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  const recoverable = vi.fn();
  await act(async () => {
    root = hydrateRoot(
      container,
      <MizanProvider baseUrl="/api/mizan" fetch={fetch} initialContexts={initialContexts}>
        <App />
      </MizanProvider>,
      { onRecoverableError: recoverable },
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  return { container, fetch, globalFetch, consoleError, recoverable };
}

describe("server-rendered contexts", () => {
  test("the server renders the values: no fallback, no 'signed out' flash", async () => {
    const html = serverHtml(await serverState());
    expect(html).toContain("Signed in as <!-- -->ada");
    expect(html).toContain("Hello, Ada. (from ada)");
    expect(html).not.toContain("Greeting…");
  });

  test("hydrateRoot with initialContexts: zero fetches, no hydration warning", async () => {
    const state = await serverState();
    const run = await hydrate(serverHtml(state), state);
    expect(run.fetch).not.toHaveBeenCalled();
    expect(run.globalFetch).not.toHaveBeenCalled();
    expect(run.consoleError).not.toHaveBeenCalled();
    expect(run.recoverable).not.toHaveBeenCalled();
    expect(run.container.textContent).toBe("Signed in as adaHello, Ada. (from ada)");
  });

  test("hydrateRoot reading the page's contextsScript: zero fetches, no warning", async () => {
    const state = await serverState();
    const html = serverHtml(state);
    document.body.insertAdjacentHTML("beforeend", contextsScript(state));
    const run = await hydrate(html, undefined);
    expect(run.fetch).not.toHaveBeenCalled();
    expect(run.consoleError).not.toHaveBeenCalled();
    expect(run.recoverable).not.toHaveBeenCalled();
  });

  test("control: hydrating without the contexts mismatches and fetches (what the above rule out)", async () => {
    const run = await hydrate(serverHtml(await serverState()), undefined);
    expect(run.recoverable.mock.calls.length + run.consoleError.mock.calls.length).toBeGreaterThan(
      0,
    );
    expect(run.fetch).toHaveBeenCalled();
  });
});
