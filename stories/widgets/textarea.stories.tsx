import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Textarea",
  ...widgetMeta,
  args: { form: "widgetTextarea" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bio = canvas.getByRole("textbox", { name: "Bio" });
    await expect(bio.tagName).toBe("TEXTAREA");
    await expect(bio).toHaveAttribute("rows", "3");
    await userEvent.type(bio, "Wrote the first program.");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "Wrote the first program." });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Bio" }), "Short");
    await submitAndExpectError(canvas, "Ensure this value has at least 10 characters (it has 5).");
  },
};

export const Disabled: Story = {
  args: { form: "widgetTextareaDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bio = canvas.getByRole("textbox", { name: "Bio" });
    await expect(bio).toBeDisabled();
    await expect(bio).toHaveValue("Poet of mathematics.");
  },
};
