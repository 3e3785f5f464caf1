/**
 * The provider makes its context store only when the first context hook asks for it (so a page
 * without contexts does not bundle the store); calls made before that still count: their merges
 * and invalidations are there when the store is made, as if it had existed all along.
 */
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, test } from "vitest";
import { contextStoreOf } from "../../react/context-source.js";
import { MizanProvider, useMizanClient } from "../../react/index.js";
import { holdEnvelope } from "../../react/provider.js";
import { HELD_ENVELOPES, type MizanContextSource } from "../../react/provider-context.js";
import { contextReader } from "../../src/client/create-client.js";
import { createContextStore, type SerializedContexts } from "../../src/client/index.js";
import { type ContextEnvelope, contextKey } from "../../src/core/context-key.js";
import { useCurrentUser } from "../codegen/__generated__/contexts.js";
import { contextWorld, countingClient } from "./context-fixtures.js";

function Header() {
  const { data: user, status } = useCurrentUser();
  if (user) return <p>Signed in as {user.username}</p>;
  return <p>{status === "success" ? "Signed out" : "Loading…"}</p>;
}

/** Calls first, then shows the header: no context hook is mounted before "Show". */
function Page({ fn, args }: { fn: string; args: Record<string, unknown> }) {
  const client = useMizanClient();
  const [shown, setShown] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button type="button" onClick={() => client.call(fn, args).then(() => setDone(true))}>
        Call
      </button>
      {done && <span>called</span>}
      <button type="button" onClick={() => setShown(true)}>
        Show
      </button>
      {shown && <Header />}
    </>
  );
}

function setup(initial?: SerializedContexts) {
  const world = contextWorld();
  const { client, fetches } = countingClient(world);
  const mount = (fn: string, args: Record<string, unknown>) =>
    render(
      <MizanProvider client={client} initialContexts={initial}>
        <Page fn={fn} args={args} />
      </MizanProvider>,
    );
  return { world, fetches, mount };
}

const USER = contextKey("currentUser", {});

test("a merge before the first context hook: the hook shows the merged value, no fetch", async () => {
  const { world, fetches, mount } = setup();
  world.user = { id: 1, username: "ada" };
  mount("rename", { username: "grace" });
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Call" }));
  await screen.findByText("called");
  await user.click(screen.getByRole("button", { name: "Show" }));
  expect(screen.getByText("Signed in as grace")).toBeInTheDocument();
  expect(fetches).toEqual([]);
});

test("an invalidation before the first context hook: the rendered value is refetched", async () => {
  const initial: SerializedContexts = {
    [USER]: { name: "currentUser", args: {}, result: null },
  };
  const { fetches, mount } = setup(initial);
  mount("signIn", { username: "grace" });
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Call" }));
  await screen.findByText("called");
  await user.click(screen.getByRole("button", { name: "Show" }));
  await waitFor(() => expect(screen.getByText("Signed in as grace")).toBeInTheDocument());
  expect(fetches).toEqual([USER]);
});

test("control: without a call, the rendered value is used as it is", async () => {
  const initial: SerializedContexts = {
    [USER]: { name: "currentUser", args: {}, result: { id: 1, username: "ada" } },
  };
  const { fetches, mount } = setup(initial);
  mount("signIn", { username: "grace" });
  await userEvent.setup().click(screen.getByRole("button", { name: "Show" }));
  expect(screen.getByText("Signed in as ada")).toBeInTheDocument();
  expect(fetches).toEqual([]);
});

describe("the envelopes the provider keeps until the store is made", () => {
  const greet = (name: string) => ({ name: "greet", args: { name, excited: false } });
  const start = (): MizanContextSource & { apply(envelope: ContextEnvelope): void } => {
    const source: MizanContextSource = {
      caller: { call: async () => ({ message: "fetched" }) },
      clientOptions: undefined,
      initial: {
        [contextKey("greet", { name: "Ada", excited: false })]: {
          ...greet("Ada"),
          result: { message: "Hello, Ada." },
        },
      },
      held: [],
    };
    return Object.assign(source, { apply: (e: ContextEnvelope) => holdEnvelope(source, e) });
  };

  test("an invalidation matches its instance whatever the order of the args' keys", () => {
    const source = start();
    source.apply({ invalidate: [{ name: "greet", args: { excited: false, name: "Ada" } }] });
    const store = contextStoreOf(source, createContextStore, contextReader);
    expect(store.get("greet", greet("Ada").args)).toMatchObject({
      data: { message: "Hello, Ada." },
      stale: true,
    });
  });

  test("an invalidation of other args, or of another name, leaves the instance fresh", () => {
    const source = start();
    source.apply({ invalidate: [greet("Bob"), { name: "currentUser" }] });
    const store = contextStoreOf(source, createContextStore, contextReader);
    expect(store.get("greet", greet("Ada").args).stale).toBe(false);
  });

  test("merge, invalidate, merge: the last value, fresh; then the store takes envelopes itself", () => {
    const source = start();
    source.apply({ merge: [{ ...greet("Ada"), value: 1 }], invalidate: [{ name: "greet" }] });
    source.apply({
      merge: [
        { ...greet("Ada"), value: 2 },
        { ...greet("Bob"), value: 3 },
      ],
    });
    const store = contextStoreOf(source, createContextStore, contextReader);
    expect(store.get("greet", greet("Ada").args)).toMatchObject({ data: 2, stale: false });
    expect(store.get("greet", greet("Bob").args)).toMatchObject({ data: 3, stale: false });
    expect(source.held).toEqual([]);
    source.apply({ invalidate: [greet("Bob")] });
    expect(store.get("greet", greet("Bob").args).stale).toBe(true);
    expect(contextStoreOf(source, createContextStore, contextReader)).toBe(store);
  });

  test("past HELD_ENVELOPES envelopes the oldest are dropped, and the rendered values are refetched when mounted", () => {
    const source = start();
    source.apply({ merge: [{ ...greet("Ada"), value: "merged first" }] });
    for (let i = 0; i < HELD_ENVELOPES; i++) {
      source.apply({ merge: [{ ...greet("Bob"), value: i }] });
    }
    expect(source.held).toHaveLength(HELD_ENVELOPES);
    const store = contextStoreOf(source, createContextStore, contextReader);
    // Ada's merge was dropped: her rendered value is kept but stale (a mount refetches it).
    expect(store.get("greet", greet("Ada").args)).toMatchObject({
      data: { message: "Hello, Ada." },
      stale: true,
    });
    expect(store.get("greet", greet("Bob").args)).toMatchObject({
      data: HELD_ENVELOPES - 1,
      stale: false,
    });
  });

  test("no initialContexts: the first context hook reads the page's script tag", () => {
    const script = document.createElement("script");
    script.id = "mizan-contexts";
    script.type = "application/json";
    script.textContent = JSON.stringify({
      [contextKey("greet", { name: "Ada", excited: false })]: { ...greet("Ada"), result: "tag" },
    });
    document.body.append(script);
    try {
      const source = { ...start(), initial: undefined };
      const store = contextStoreOf(source, createContextStore, contextReader);
      expect(store.get("greet", greet("Ada").args)).toMatchObject({ data: "tag", stale: false });
    } finally {
      script.remove();
    }
  });
});
