import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Radio select",
  ...widgetMeta,
  args: { form: "widgetRadio" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = within(canvas.getByRole("group", { name: "Size" }));
    await expect(group.getAllByRole("radio")).toHaveLength(3);
    await userEvent.click(group.getByRole("radio", { name: "Large" }));
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "l" });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
  },
};

export const Disabled: Story = {
  args: { form: "widgetRadioDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const medium = canvas.getByRole("radio", { name: "Medium" });
    await expect(medium).toBeChecked();
    await expect(medium).toBeDisabled();
    await expect(canvas.getByRole("radio", { name: "Small" })).toBeDisabled();
  },
};
