import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Select",
  ...widgetMeta,
  args: { form: "widgetSelect" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Country" }), "Morocco");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "ma" });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("option", { name: "---------" })).toBeInTheDocument();
    await submitAndExpectError(canvas, "This field is required.");
  },
};

export const Disabled: Story = {
  args: { form: "widgetSelectDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = canvas.getByRole("combobox", { name: "Country" });
    await expect(select).toBeDisabled();
    await expect(select).toHaveValue("jo");
  },
};
