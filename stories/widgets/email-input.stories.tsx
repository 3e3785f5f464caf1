import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { submitAndReadCleaned, type WidgetStory, widgetMeta } from "./widget-story.js";

const meta = {
  title: "Widgets/Email input",
  ...widgetMeta,
  args: { form: "widgetEmail" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const email = canvas.getByRole("textbox", { name: "Email" });
    await expect(email).toHaveAttribute("type", "email");
    await userEvent.type(email, "grace@example.com");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "grace@example.com" });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Email" }), "grace@");
    await userEvent.tab();
    await expect(await canvas.findByText("Enter a valid email address.")).toBeVisible();
    await expect((loaded.demo as { calls: unknown[] }).calls).toEqual([]);
  },
};

export const Disabled: Story = {
  args: { form: "widgetEmailDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const email = canvas.getByRole("textbox", { name: "Email" });
    await expect(email).toBeDisabled();
    await expect(email).toHaveValue("ada@example.com");
  },
};
