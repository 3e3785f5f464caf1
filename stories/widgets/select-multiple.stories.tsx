import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Select multiple",
  ...widgetMeta,
  args: { form: "widgetSelectMultiple" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole("listbox", { name: "Toppings" }), [
      "Olives",
      "Feta",
    ]);
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: ["olives", "feta"] });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
  },
};

export const Disabled: Story = {
  args: { form: "widgetSelectMultipleDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole("listbox", { name: "Toppings" });
    await expect(list).toBeDisabled();
    await expect(canvas.getByRole("option", { name: "Feta" })).toHaveProperty("selected", true);
    await expect(canvas.getByRole("option", { name: "Za'atar" })).toHaveProperty("selected", false);
  },
};
