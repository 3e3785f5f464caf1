import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Checkbox",
  ...widgetMeta,
  args: { form: "widgetCheckbox" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("checkbox", { name: "Subscribe to the newsletter" }));
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: true });
  },
};

/** A required BooleanField must be checked (Django's rule). */
export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
    await expect(
      canvas.getByRole("checkbox", { name: "Subscribe to the newsletter" }),
    ).toHaveAttribute("aria-invalid", "true");
  },
};

export const Disabled: Story = {
  args: { form: "widgetCheckboxDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole("checkbox", { name: "Subscribe to the newsletter" });
    await expect(box).toBeDisabled();
    await expect(box).toBeChecked();
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: true });
  },
};
