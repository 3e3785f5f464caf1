import type { Meta, StoryObj } from "@storybook/react-vite";
import { formDefaults, MizanForm } from "mizan/react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  type ProfileFormValues,
  profileFormMeta,
  useProfileForm,
} from "../../examples/demo/client/src/mizan/index.js";
import { demoOf, ResultView, withDemo } from "../support/with-demo.js";

function ProfileStory({ initial }: { initial?: Partial<ProfileFormValues> }) {
  const form = useProfileForm({
    defaultValues: { ...formDefaults(profileFormMeta), ...initial } as ProfileFormValues,
  });
  return (
    <MizanForm
      form={form}
      submitLabel="Save"
      renderResult={(result) => <ResultView result={result} />}
    />
  );
}

/** A 1×1 PNG, as a user would pick it. */
function png(name = "avatar.png", bytes = 68): File {
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

const FILLED = { displayName: "Alice" } as Partial<ProfileFormValues>;

const meta = {
  title: "Forms/Profile",
  component: ProfileStory,
  ...withDemo,
  // The profile form has `auth: true`: the stories sign in as the demo user "alice".
  parameters: { demo: { user: "alice" } },
} satisfies Meta<typeof ProfileStory>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const avatar = (canvas: Canvas) => canvas.getByLabelText(/^Avatar/) as HTMLInputElement;
const submit = (canvas: Canvas) => canvas.getByRole("button", { name: "Save" });

export const Empty: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("textbox", { name: "Display name" })).toHaveValue("");
    await expect(avatar(canvas)).toHaveAttribute("type", "file");
    await expect(avatar(canvas)).toHaveAccessibleDescription("PNG, JPEG or GIF, at most 200 KB.");
    await expect(demoOf({ loaded }).calls).toEqual([]);
  },
};

export const Filled: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(avatar(canvas), png());
    await expect(avatar(canvas).files?.[0]?.name).toBe("avatar.png");
    await expect(canvas.getByRole("textbox", { name: "Display name" })).toHaveValue("Alice");
  },
};

/** Whitespace is stripped before `required` runs, as in Django; no request is made. */
export const ClientErrors: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByRole("textbox", { name: "Display name" });
    await expect(name).toHaveAttribute("maxlength", "50");
    await userEvent.type(name, "   ");
    await userEvent.click(submit(canvas));
    await waitFor(() => expect(canvas.getAllByText("This field is required.")).toHaveLength(2));
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(avatar(canvas)).toHaveAttribute("aria-invalid", "true");
    await expect(demoOf({ loaded }).calls).toEqual([]);
  },
};

/** Signed out, the server refuses with 401; the form shows its message and keeps the input. */
export const ServerErrors: Story = {
  args: { initial: FILLED },
  parameters: { demo: { user: "" } }, // signed out
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(avatar(canvas), png());
    await userEvent.click(submit(canvas));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Authentication required.");
    await expect(demoOf({ loaded }).callsTo("profile.submit")).toHaveLength(1);
    await expect(canvas.getByRole("textbox", { name: "Display name" })).toHaveValue("Alice");
  },
};

export const Submitting: Story = {
  args: { initial: FILLED },
  parameters: { demo: { user: "alice", hold: ["profile.submit"] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(avatar(canvas), png());
    await userEvent.click(submit(canvas));
    await waitFor(() => expect(submit(canvas)).toBeDisabled());
    await expect(avatar(canvas)).toBeDisabled();
    await expect(canvas.getByRole("textbox", { name: "Display name" })).toBeDisabled();
  },
};

export const Success: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(avatar(canvas), png());
    await userEvent.click(submit(canvas));
    const status = canvas.getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("Submitted."));
    await expect(status).toHaveTextContent('"name": "avatar.png"');
    const demo = demoOf({ loaded });
    const alice = demo.store.users.get("alice");
    await expect(alice && demo.store.avatars.get(alice.id)).toEqual({
      name: "avatar.png",
      size: 68,
      type: "image/png",
    });
  },
};
