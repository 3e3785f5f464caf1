import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

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

/** `maxLength` reaches the input as `maxlength`, so the browser stops at 20 characters. */
export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole("textbox", { name: "Full name" });
    await expect(input).toHaveAttribute("maxlength", "20");
    await userEvent.type(input, "Augusta Ada King-Noel");
    await expect(input).toHaveValue("Augusta Ada King-Noe");
    await userEvent.clear(input);
    await userEvent.tab();
    await expect(await canvas.findByText("This field is required.")).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
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
