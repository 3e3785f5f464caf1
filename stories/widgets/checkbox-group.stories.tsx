import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Checkbox group",
  ...widgetMeta,
  args: { form: "widgetCheckboxGroup" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const days = within(canvas.getByRole("group", { name: "Days" }));
    await userEvent.click(days.getByRole("checkbox", { name: "Friday" }));
    await userEvent.click(days.getByRole("checkbox", { name: "Monday" }));
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: ["mon", "fri"] });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
  },
};

export const Disabled: Story = {
  args: { form: "widgetCheckboxGroupDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("checkbox", { name: "Monday" })).toBeChecked();
    await expect(canvas.getByRole("checkbox", { name: "Wednesday" })).not.toBeChecked();
    for (const box of canvas.getAllByRole("checkbox")) await expect(box).toBeDisabled();
  },
};
