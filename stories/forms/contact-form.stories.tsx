import type { Meta, StoryObj } from "@storybook/react-vite";
import { formDefaults, MizanForm } from "mizan/react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  type ContactFormValues,
  contactFormMeta,
  useContactForm,
} from "../../examples/demo/client/src/mizan/index.js";
import { demoOf, ResultView, withDemo } from "../support/with-demo.js";

function ContactStory({ initial }: { initial?: Partial<ContactFormValues> }) {
  const form = useContactForm({
    defaultValues: { ...formDefaults(contactFormMeta), ...initial } as ContactFormValues,
  });
  return (
    <MizanForm
      form={form}
      submitLabel="Send"
      renderResult={(result) => <ResultView result={result} />}
    />
  );
}

const FILLED: ContactFormValues = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  topic: "support",
  message: "The analytical engine needs a new gear.",
};

const meta = {
  title: "Forms/Contact",
  component: ContactStory,
  ...withDemo,
} satisfies Meta<typeof ContactStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("form", { name: "Contact us" })).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: "Name" })).toHaveValue("");
    await expect(canvas.getByRole("textbox", { name: "Email" })).toHaveAccessibleDescription(
      "We reply within a day.",
    );
    await expect(canvas.getByRole("combobox", { name: "Topic" })).toHaveValue("");
    await expect(demoOf({ loaded }).calls).toEqual([]);
  },
};

export const Filled: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("textbox", { name: "Email" })).toHaveValue("ada@example.com");
    await expect(canvas.getByRole("combobox", { name: "Topic" })).toHaveValue("support");
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** The shared rules run in the browser with the server's wording, and no request is made. */
export const ClientErrors: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const email = canvas.getByRole("textbox", { name: "Email" });
    await userEvent.type(email, "not-an-email");
    await userEvent.tab();
    await expect(await canvas.findByText("Enter a valid email address.")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");

    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Too short");
    await userEvent.tab();
    await expect(
      await canvas.findByText("Ensure this value has at least 10 characters (it has 9)."),
    ).toBeVisible();

    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(canvas.getAllByText("This field is required.")).toHaveLength(2));
    await expect(canvas.getByRole("textbox", { name: "Name" })).toHaveFocus();
    await expect(demoOf({ loaded }).callsTo("contact.submit")).toEqual([]);
    await expect(demoOf({ loaded }).callsTo("contact.validate")).toEqual([]);
  },
};

/** A valid form the server cannot process: its generic 500 message, shown as a form error. */
export const ServerErrors: Story = {
  args: { initial: FILLED },
  parameters: { demo: { storeDown: true } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Internal server error.");
    await expect(alert).not.toHaveTextContent("store is down");
    await expect(demoOf({ loaded }).callsTo("contact.submit")).toHaveLength(1);
    await expect(canvas.getByRole("textbox", { name: "Name" })).toHaveValue("Ada Lovelace");
  },
};

/** While `contact.submit` is in flight every input and the button are disabled. */
export const Submitting: Story = {
  args: { initial: FILLED },
  parameters: { demo: { hold: ["contact.submit"] } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const demo = demoOf({ loaded });
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(canvas.getByRole("button", { name: "Send" })).toBeDisabled());
    await expect(canvas.getByRole("form")).toHaveAttribute("aria-busy", "true");
    for (const name of ["Name", "Email", "Message"]) {
      await expect(canvas.getByRole("textbox", { name })).toBeDisabled();
    }
    await expect(canvas.getByRole("combobox", { name: "Topic" })).toBeDisabled();
    await expect(demo.callsTo("contact.submit")).toHaveLength(1);
  },
};

export const Success: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const status = canvas.getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("Submitted."));
    await expect(status).toHaveTextContent('"ticket": 1');
    await expect(demoOf({ loaded }).store.messages).toHaveLength(1);
    await expect(canvas.getByRole("button", { name: "Send" })).toBeEnabled();
  },
};

/** The toolbar's Language set to Arabic: the form lays out right to left. */
export const ArabicRightToLeft: Story = {
  globals: { locale: "ar" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const form = canvas.getByRole("form", { name: "Contact us" });
    await waitFor(() => expect(form).toHaveAttribute("dir", "rtl"));
    await expect(form.closest("[lang]")).toHaveAttribute("lang", "ar");
    await expect(document.documentElement).toHaveAttribute("dir", "rtl");
    // The browser's own checks speak Arabic too (the generated catalog, loaded on demand).
    await userEvent.type(canvas.getByRole("textbox", { name: "Email" }), "not-an-email");
    await userEvent.tab();
    await expect(await canvas.findByText("أدخل عنوان بريد إلكتروني صحيحًا.")).toBeVisible();
  },
};

/** In Arabic the server's own texts arrive in Arabic too: here the generic 500 message. */
export const ArabicServerError: Story = {
  globals: { locale: "ar" },
  args: { initial: FILLED },
  parameters: { demo: { storeDown: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("خطأ داخلي في الخادم.");
    await expect(alert).not.toHaveTextContent("Internal server error.");
  },
};
