import type { Meta, StoryObj } from "@storybook/react-vite";
import { formDefaults, MizanForm } from "mizan/react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  type SignupFormValues,
  signupFormMeta,
  useSignupForm,
} from "../../examples/demo/client/src/mizan/index.js";
import { demoOf, ResultView, withDemo } from "../support/with-demo.js";

function SignupStory({ initial }: { initial?: Partial<SignupFormValues> }) {
  const form = useSignupForm({
    defaultValues: { ...formDefaults(signupFormMeta), ...initial } as SignupFormValues,
  });
  return (
    <MizanForm
      form={form}
      submitLabel="Create account"
      renderResult={(result) => <ResultView result={result} />}
    />
  );
}

const FILLED = {
  username: "ada",
  email: "ada@example.com",
  password: "correct horse",
  confirm: "correct horse",
  age: "36",
  birthdate: "1815-12-10",
  terms: true,
} as Partial<SignupFormValues>;

const meta = {
  title: "Forms/Signup",
  component: SignupStory,
  ...withDemo,
} satisfies Meta<typeof SignupStory>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const username = (canvas: Canvas) => canvas.getByRole("textbox", { name: "Username" });
const password = (canvas: Canvas) => canvas.getByLabelText(/^Password/);
const confirm = (canvas: Canvas) => canvas.getByLabelText(/^Confirm password/);
const submit = (canvas: Canvas) => canvas.getByRole("button", { name: "Create account" });

export const Empty: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("form", { name: "Create an account" })).toBeVisible();
    await expect(username(canvas)).toHaveValue("");
    await expect(password(canvas)).toHaveAttribute("type", "password");
    await expect(canvas.getByRole("spinbutton", { name: "Age" })).toHaveValue(null);
    await expect(canvas.getByRole("checkbox", { name: "I accept the terms" })).not.toBeChecked();
    await expect(demoOf({ loaded }).calls).toEqual([]);
  },
};

export const Filled: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(username(canvas)).toHaveValue("ada");
    await expect(canvas.getByRole("spinbutton", { name: "Age" })).toHaveValue(36);
    await expect(canvas.getByRole("checkbox", { name: "I accept the terms" })).toBeChecked();
  },
};

/** Slug, length and bound rules run in the browser, with Django's messages; no request. */
export const ClientErrors: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.type(username(canvas), "not a slug");
    await userEvent.tab();
    await expect(
      await canvas.findByText(
        "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
      ),
    ).toBeVisible();

    await userEvent.type(canvas.getByRole("textbox", { name: "Email" }), "ada@");
    await userEvent.type(password(canvas), "short");
    await userEvent.type(canvas.getByRole("spinbutton", { name: "Age" }), "12");
    await userEvent.click(submit(canvas));
    await expect(await canvas.findByText("Enter a valid email address.")).toBeVisible();
    await expect(
      canvas.getByText("Ensure this value has at least 8 characters (it has 5)."),
    ).toBeVisible();
    await expect(
      canvas.getByText("Ensure this value is greater than or equal to 13."),
    ).toBeVisible();
    await expect(canvas.getByRole("checkbox", { name: "I accept the terms" })).toBeInvalid();
    const demo = demoOf({ loaded });
    await expect(demo.callsTo("signup.submit")).toEqual([]);
    await expect(demo.callsTo("signup.validate")).toEqual([]);
  },
};

/**
 * Server-only rules: `cleanUsername` (the user store) answers on blur through
 * `signup.validate`; `clean()` (the two passwords) answers on submit.
 */
export const ServerErrors: Story = {
  args: { initial: { ...FILLED, username: "", confirm: "correct horse battery" } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const demo = demoOf({ loaded });
    await userEvent.type(username(canvas), "alice");
    await userEvent.tab();
    await expect(await canvas.findByText("The username “alice” is already taken.")).toBeVisible();
    await expect(demo.callsTo("signup.validate").length).toBeGreaterThan(0);
    await expect(username(canvas)).toHaveAttribute("aria-invalid", "true");

    await userEvent.clear(username(canvas));
    await userEvent.type(username(canvas), "ada");
    await userEvent.click(submit(canvas));
    await expect(await canvas.findByText("The two passwords differ.")).toBeVisible();
    await expect(canvas.queryByText("The username “alice” is already taken.")).toBeNull();
    await expect(confirm(canvas)).toHaveAttribute("aria-invalid", "true");
    await expect(demo.callsTo("signup.submit")).toHaveLength(1);
    await expect(demo.store.users.has("ada")).toBe(false);
  },
};

export const Submitting: Story = {
  args: { initial: FILLED },
  parameters: { demo: { hold: ["signup.submit"] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submit(canvas));
    await waitFor(() => expect(submit(canvas)).toBeDisabled());
    await expect(username(canvas)).toBeDisabled();
    await expect(password(canvas)).toBeDisabled();
    await expect(canvas.getByRole("checkbox", { name: "I accept the terms" })).toBeDisabled();
  },
};

export const Success: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submit(canvas));
    const status = canvas.getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("Submitted."));
    await expect(status).toHaveTextContent('"username": "ada"');
    await expect(demoOf({ loaded }).store.users.has("ada")).toBe(true);
  },
};
