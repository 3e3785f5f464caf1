/**
 * Contexts in React: the generated hooks and providers over `<MizanProvider>`'s store, fed by
 * the real in-process client (its envelopes included).
 */
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { type ReactNode, StrictMode, useState } from "react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { MizanProvider, useMizanClient, useMizanContext } from "../../react/index.js";
import type { SerializedContexts } from "../../src/client/index.js";
import { GreetProvider, useCurrentUser, useGreet } from "../codegen/__generated__/contexts.js";
import { type ContextWorld, contextWorld, countingClient } from "./context-fixtures.js";

function setup(options: { user?: ContextWorld["user"]; initial?: SerializedContexts } = {}) {
  const world = contextWorld();
  world.user = options.user ?? null;
  const { client, fetches } = countingClient(world);
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <StrictMode>
      <MizanProvider client={client} initialContexts={options.initial}>
        {children}
      </MizanProvider>
    </StrictMode>
  );
  return { world, client, fetches, wrapper };
}

function Header() {
  const { data: user, status, error } = useCurrentUser();
  if (user) return <p>Signed in as {user.username}</p>;
  if (status === "error") return <p role="alert">{error?.message}</p>;
  return <p>{status === "success" ? "Signed out" : "Loading…"}</p>;
}

function Greeting() {
  const { data, status } = useGreet();
  return <p data-status={status}>{data?.message}</p>;
}

function SignInPage() {
  const client = useMizanClient();
  return (
    <>
      <Header />
      <button type="button" onClick={() => client.call("signIn", { username: "grace" })}>
        Sign in
      </button>
    </>
  );
}

function TwoGreetings() {
  const [excited, setExcited] = useState(false);
  return (
    <>
      <GreetProvider name="Ada" excited={excited}>
        <Greeting />
      </GreetProvider>
      <GreetProvider excited={excited} name="Ada">
        <Greeting />
      </GreetProvider>
      <button type="button" onClick={() => setExcited(true)}>
        Excite
      </button>
    </>
  );
}

function GreetingFailure() {
  const { error, status } = useGreet();
  return <p data-status={status}>{error?.message}</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.getElementById("mizan-contexts")?.remove();
});

describe("a global context", () => {
  test("without a rendered value, mounting fetches it once (StrictMode included)", async () => {
    const { fetches, wrapper } = setup({ user: { id: 1, username: "ada" } });
    render(<Header />, { wrapper });
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    await screen.findByText("Signed in as ada");
    expect(fetches).toEqual(["currentUser {}"]);
  });

  test("initialContexts are there on the first render: no fetch", async () => {
    const initial = {
      "currentUser {}": { name: "currentUser", args: {}, result: { id: 1, username: "ada" } },
    };
    const { fetches, wrapper } = setup({ initial });
    render(<Header />, { wrapper });
    expect(screen.getByText("Signed in as ada")).toBeInTheDocument();
    await act(() => Promise.resolve());
    expect(fetches).toEqual([]);
  });

  test("in a browser, the provider reads the page's <script id=mizan-contexts> by itself", async () => {
    const script = document.createElement("script");
    script.type = "application/json";
    script.id = "mizan-contexts";
    script.textContent = JSON.stringify({
      "currentUser {}": { name: "currentUser", args: {}, result: null },
    });
    document.body.append(script);
    const { fetches, wrapper } = setup({ user: { id: 1, username: "ada" } });
    render(<Header />, { wrapper });
    expect(screen.getByText("Signed out")).toBeInTheDocument();
    await act(() => Promise.resolve());
    expect(fetches).toEqual([]);
  });

  test("a call whose envelope invalidates it refetches it: the header changes", async () => {
    const { world, fetches, wrapper } = setup({
      initial: { "currentUser {}": { name: "currentUser", args: {}, result: null } },
    });
    render(<SignInPage />, { wrapper });
    expect(screen.getByText("Signed out")).toBeInTheDocument();
    await act(async () => screen.getByRole("button").click());
    await screen.findByText("Signed in as grace");
    expect(world.user).toEqual({ id: 7, username: "grace" });
    expect(fetches).toEqual(["currentUser {}"]);
  });

  test("a merge in the envelope patches it with no fetch", async () => {
    const ada = { id: 1, username: "ada" };
    const { client, fetches, wrapper } = setup({
      user: ada,
      initial: { "currentUser {}": { name: "currentUser", args: {}, result: ada } },
    });
    render(<Header />, { wrapper });
    await act(() => client.call("rename", { username: "countess" }));
    expect(screen.getByText("Signed in as countess")).toBeInTheDocument();
    expect(fetches).toEqual([]);
  });

  test("refresh() fetches again; a failure keeps the last value and sets error", async () => {
    const { world, wrapper } = setup({ user: { id: 1, username: "ada" } });
    const { result } = renderHook(() => useCurrentUser(), { wrapper });
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.data).toEqual({ id: 1, username: "ada" });
    world.user = { id: 1, username: "lovelace" };
    await act(() => result.current.refresh());
    expect(result.current.data).toEqual({ id: 1, username: "lovelace" });
    world.getUser = () => {
      throw new Error("session store down");
    };
    await act(() => result.current.refresh());
    expect(result.current.status).toBe("error");
    expect(result.current.error?.code).toBe("INTERNAL");
    expect(result.current.data).toEqual({ id: 1, username: "lovelace" });
  });

  test("a rendered error arrives as the hook's error, with no fetch", async () => {
    const initial = {
      "currentUser {}": {
        name: "currentUser",
        args: {},
        error: { code: "UNAUTHENTICATED", message: "Sign in first." },
      },
    };
    const { fetches, wrapper } = setup({ initial });
    render(<Header />, { wrapper });
    expect(screen.getByRole("alert")).toHaveTextContent("Sign in first.");
    await act(() => Promise.resolve());
    expect(fetches).toEqual([]);
  });

  test("useMizanContext without a provider names the fix", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useMizanContext("currentUser"))).toThrow(/<MizanProvider/);
  });
});

describe("a local context", () => {
  test("<GreetProvider> fetches for its props, shows the fallback until then", async () => {
    const { fetches, wrapper } = setup();
    render(
      <GreetProvider name="Ada" fallback={<p>Greeting…</p>}>
        <Greeting />
      </GreetProvider>,
      { wrapper },
    );
    expect(screen.getByText("Greeting…")).toBeInTheDocument();
    expect(await screen.findByText("Hello, Ada.")).toHaveAttribute("data-status", "success");
    expect(fetches).toEqual(['greet {"name":"Ada"}']);
  });

  test("new props fetch the new instance; equal props share one fetch", async () => {
    const { world, fetches, wrapper } = setup();
    render(<TwoGreetings />, { wrapper });
    await waitFor(() => expect(screen.getAllByText("Hello, Ada.")).toHaveLength(2));
    await act(async () => screen.getByRole("button").click());
    await waitFor(() => expect(screen.getAllByText("Hello, Ada!")).toHaveLength(2));
    expect(fetches).toEqual([
      'greet {"excited":false,"name":"Ada"}',
      'greet {"excited":true,"name":"Ada"}',
    ]);
    expect(world.greetRuns).toBe(2);
  });

  test("an invalidation of every instance refetches the mounted ones", async () => {
    const { client, fetches, wrapper } = setup();
    render(
      <GreetProvider name="Ada">
        <Greeting />
      </GreetProvider>,
      { wrapper },
    );
    await screen.findByText("Hello, Ada.");
    await act(() => client.call("signIn", { username: "grace" }));
    await screen.findByText("Hello, Ada. (from grace)");
    expect(fetches).toEqual(['greet {"name":"Ada"}', 'greet {"name":"Ada"}']);
  });

  test("a failed fetch shows the children with the error (not the fallback forever)", async () => {
    const { world, wrapper } = setup();
    world.refuseGreet = true;
    render(
      <GreetProvider name="Ada" fallback={<p>Greeting…</p>}>
        <GreetingFailure />
      </GreetProvider>,
      { wrapper },
    );
    expect(await screen.findByText("No greetings today.")).toHaveAttribute("data-status", "error");
  });

  test("useGreet() outside <GreetProvider> throws an error that names the provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { wrapper } = setup();
    expect(() => render(<Greeting />, { wrapper })).toThrow(
      'mizan: useGreet() was called outside <GreetProvider>. Render it inside <GreetProvider>, which fetches the local context "greet" for its props.',
    );
  });
});
