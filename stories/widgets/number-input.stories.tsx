import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { submitAndReadCleaned, type WidgetStory, widgetMeta } from "./widget-story.js";

const meta = {
  title: "Widgets/Number input",
  ...widgetMeta,
  args: { form: "widgetNumber" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** IntegerField cleans the input's text to a number. */
export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const quantity = canvas.getByRole("spinbutton", { name: "Quantity" });
    await expect(quantity).toHaveAttribute("min", "1");
    await expect(quantity).toHaveAttribute("max", "10");
    await userEvent.type(quantity, "4");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: 4 });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("spinbutton", { name: "Quantity" }), "11");
    await userEvent.tab();
    await expect(
      await canvas.findByText("Ensure this value is less than or equal to 10."),
    ).toBeVisible();
  },
};

export const Disabled: Story = {
  args: { form: "widgetNumberDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const quantity = canvas.getByRole("spinbutton", { name: "Quantity" });
    await expect(quantity).toBeDisabled();
    await expect(quantity).toHaveValue(3);
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: 3 });
  },
};
