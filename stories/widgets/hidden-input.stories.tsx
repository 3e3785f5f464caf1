import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { submitAndReadCleaned, type WidgetStory, widgetMeta } from "./widget-story.js";

const meta = {
  title: "Widgets/Hidden input",
  ...widgetMeta,
  args: { form: "widgetHidden" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing to see: the value travels with the form. */
export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const hidden = canvasElement.querySelector<HTMLInputElement>(
      'input[type="hidden"][name="value"]',
    );
    await expect(hidden?.value).toBe("csrf-1234");
    await expect(canvas.queryByText("Token")).toBeNull();
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "csrf-1234" });
  },
};

/** A hidden field's error is shown with the form's errors, named as Django names it. */
export const WithError: Story = {
  args: { initial: { value: "" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "(Hidden field value) This field is required.",
    );
  },
};

export const Disabled: Story = {
  args: { form: "widgetHiddenDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "csrf-1234" });
  },
};
