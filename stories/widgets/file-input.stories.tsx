import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/File input",
  ...widgetMeta,
  args: { form: "widgetFile" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const note = (bytes: number) => new File(["x".repeat(bytes)], "note.txt", { type: "text/plain" });

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(canvas.getByLabelText(/^Attachment/), note(12));
    await expect(await submitAndReadCleaned(canvas)).toEqual({
      value: { name: "note.txt", size: 12, type: "text/plain" },
    });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
    await expect(canvas.getByLabelText(/^Attachment/)).toHaveAttribute("aria-invalid", "true");
  },
};

export const Disabled: Story = {
  args: { form: "widgetFileDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^Attachment/)).toBeDisabled();
  },
};
