import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { submitAndExpectError, submitAndReadCleaned, WidgetStory, widgetMeta } from "./widget-story.js";

const meta = {
  title: "Widgets/Text input",
  ...widgetMeta,
  args: { form: "widgetText" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** CharField strips surrounding whitespace, as Django does. */
export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Full name" }), "  Grace Hopper ");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "Grace Hopper" });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole("textbox", { name: "Full name" });
    await userEvent.type(input, "Augusta Ada King-Noel");
    await userEvent.tab();
    await expect(
      await canvas.findByText("Ensure this value has at most 20 characters (it has 21)."),
    ).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await userEvent.clear(input);
    await submitAndExpectError(canvas, "This field is required.");
  },
};

/** A disabled field keeps its initial value, whatever is sent (Django's `disabled`). */
export const Disabled: Story = {
  args: { form: "widgetTextDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole("textbox", { name: "Full name" });
    await expect(input).toBeDisabled();
    await expect(input).toHaveValue("Ada Lovelace");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "Ada Lovelace" });
  },
};
