/**
 * The provider makes its context store only when the first context hook asks for it (so a page
 * without contexts does not bundle the store); calls made before that still count: their merges
 * and invalidations are there when the store is made, as if it had existed all along.
 */
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { expect, test } from "vitest";
import { MizanProvider, useMizanClient } from "../../react/index.js";
import type { SerializedContexts } from "../../src/client/index.js";
import { contextKey } from "../../src/core/context-key.js";
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
