import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { expect, test } from "vitest";
import { z } from "zod";
import { type UseServerFunctionReturn, useServerFunction } from "../../react/index.js";
import { Registry } from "../../src/core/registry.js";
import { client } from "../../src/core/server-function.js";
import { deferred, harness } from "../fixtures/react.js";

function registryWithFunctions(gate: { promise?: Promise<void> | undefined }) {
  const registry = new Registry();
  registry.register(
    client({ input: z.object({ text: z.string().min(1) }) }, async (_ctx, { text }) => {
      await gate.promise;
      return { message: text.toUpperCase() };
    }),
    "shout",
  );
  registry.register(
    client(() => {
      throw new Error("secret stack detail");
    }),
    "broken",
  );
  return registry;
}

type Shout = UseServerFunctionReturn<{ text: string }, { message: string }>;

function ShoutBox({ name = "shout", onHook }: { name?: string; onHook?: (hook: Shout) => void }) {
  const shout = useServerFunction<{ text: string }, { message: string }>(name);
  onHook?.(shout);
  return (
    <div>
      <button type="button" onClick={() => void shout.call({ text: "hi" })}>
        Shout
      </button>
      <p data-testid="state">
        {shout.isPending
          ? "pending"
          : shout.error
            ? `error ${shout.error.status} ${shout.error.message}`
            : (shout.data?.message ?? "idle")}
      </p>
    </div>
  );
}

test("call stores data and tracks isPending", async () => {
  const gate: { promise?: Promise<void> | undefined } = {};
  const held = deferred();
  gate.promise = held.promise;
  const h = harness({ registry: registryWithFunctions(gate) });
  const user = userEvent.setup();
  render(<ShoutBox />, { wrapper: h.wrapper });
  await user.click(screen.getByRole("button", { name: "Shout" }));
  expect(screen.getByTestId("state")).toHaveTextContent("pending");
  held.resolve();
  await waitFor(() => expect(screen.getByTestId("state")).toHaveTextContent("HI"));
  expect(h.calls).toEqual([{ name: "shout", args: { text: "hi" } }]);
});

test("failures land in error, with no leak of the server's text; reset forgets them", async () => {
  const h = harness({ registry: registryWithFunctions({}) });
  const user = userEvent.setup();
  let hook: Shout | undefined;
  render(<ShoutBox name="broken" onHook={(x) => (hook = x)} />, { wrapper: h.wrapper });
  await user.click(screen.getByRole("button", { name: "Shout" }));
  await waitFor(() =>
    expect(screen.getByTestId("state")).toHaveTextContent("error 500 Internal server error."),
  );
  expect(screen.getByTestId("state")).not.toHaveTextContent("secret");
  act(() => hook?.reset());
  expect(screen.getByTestId("state")).toHaveTextContent("idle");
});

test("validation failures (422) come back as errors, and call resolves undefined", async () => {
  const h = harness({ registry: registryWithFunctions({}) });
  let hook: Shout | undefined;
  render(<ShoutBox onHook={(x) => (hook = x)} />, { wrapper: h.wrapper });
  let returned: unknown = "not called";
  await act(async () => {
    returned = await hook?.call({ text: "" });
  });
  expect(returned).toBeUndefined();
  expect(hook?.error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
});

test("abort drops the call in flight; a newer call wins over an older one", async () => {
  const gate: { promise?: Promise<void> | undefined } = {};
  const held = deferred();
  gate.promise = held.promise;
  const h = harness({ registry: registryWithFunctions(gate) });
  let hook: Shout | undefined;
  render(<ShoutBox onHook={(x) => (hook = x)} />, { wrapper: h.wrapper });
  let first: Promise<unknown> | undefined;
  act(() => {
    first = hook?.call({ text: "first" });
  });
  act(() => hook?.abort());
  expect(screen.getByTestId("state")).toHaveTextContent("idle");
  expect(await first).toBeUndefined();

  let older: Promise<unknown> | undefined;
  act(() => {
    older = hook?.call({ text: "older" });
  });
  gate.promise = undefined;
  await act(async () => {
    await hook?.call({ text: "newer" });
  });
  held.resolve();
  await act(async () => {
    await older;
  });
  expect(screen.getByTestId("state")).toHaveTextContent("NEWER");
});
