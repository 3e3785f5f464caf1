import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { SessionBar } from "../../examples/demo/client/src/session-bar.js";
import { storyContexts } from "../support/contexts.js";
import { demoOf, withDemo } from "../support/with-demo.js";

/**
 * The demo header's session line, reading the global context `currentUser` through the
 * generated `useCurrentUser()`. Each story starts the page's contexts as a server would render
 * them (`parameters.contexts`), or leaves them out to show the fetch.
 */
const meta = {
  title: "Contexts/Session bar",
  component: SessionBar,
  ...withDemo,
} satisfies Meta<typeof SessionBar>;

export default meta;
type Story = StoryObj<typeof meta>;

const ALICE = { id: 2, username: "alice" };

export const SignedIn: Story = {
  parameters: {
    demo: { user: "alice" },
    contexts: storyContexts({ currentUser: { value: ALICE } }),
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Signed in as/)).toHaveTextContent("Signed in as alice");
    await expect(canvas.getByRole("button", { name: "Sign out" })).toBeEnabled();
    // Rendered by the server: nothing to fetch.
    await expect(demoOf({ loaded }).contextFetches).toEqual([]);
  },
};

export const SignedOut: Story = {
  parameters: { contexts: storyContexts({ currentUser: { value: null } }) },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Not signed in/)).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/profile");
    await expect(demoOf({ loaded }).contextFetches).toEqual([]);
  },
};

export const Loading: Story = {
  // No rendered value: the bar fetches currentUser, and the demo server holds the answer.
  parameters: { demo: { user: "alice", hold: ["currentUser"] } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Checking who is signed in…")).toBeVisible();
    const demo = demoOf({ loaded });
    await waitFor(() => expect(demo.contextFetches).toEqual([{ name: "currentUser", args: {} }]));
    demo.release();
    await canvas.findByText(/Signed in as/);
  },
};

export const LoadError: Story = {
  parameters: {
    demo: { user: "alice" },
    contexts: storyContexts({
      currentUser: { error: { code: "INTERNAL", message: "Internal server error." } },
    }),
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("alert")).toHaveTextContent(
      "Could not tell who is signed in: Internal server error.",
    );
    await expect(demoOf({ loaded }).contextFetches).toEqual([]);
    // Retry fetches it; the demo server answers this time.
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await canvas.findByText(/Signed in as/);
    await expect(demoOf({ loaded }).contextFetches).toHaveLength(1);
  },
};

export const SignOut: Story = {
  parameters: {
    demo: { user: "alice" },
    contexts: storyContexts({ currentUser: { value: ALICE } }),
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const demo = demoOf({ loaded });
    await userEvent.click(canvas.getByRole("button", { name: "Sign out" }));
    // session.logout's envelope invalidates currentUser: the bar refetches it, no reload.
    await canvas.findByText(/Not signed in/);
    await expect(demo.callsTo("session.logout")).toHaveLength(1);
    await expect(demo.contextFetches).toEqual([{ name: "currentUser", args: {} }]);
  },
};
