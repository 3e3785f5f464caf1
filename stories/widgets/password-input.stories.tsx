import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

const meta = {
  title: "Widgets/Password input",
  ...widgetMeta,
  args: { form: "widgetPassword" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `strip: false`: a password keeps its spaces. */
export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const password = canvas.getByLabelText(/^Password/, { selector: "input" });
    await expect(password).toHaveAttribute("type", "password");
    await userEvent.type(password, " open sesame ");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: " open sesame " });
  },
};

export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^Password/, { selector: "input" }), "short");
    await submitAndExpectError(canvas, "Ensure this value has at least 8 characters (it has 5).");
  },
};

export const Disabled: Story = {
  args: { form: "widgetPasswordDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^Password/, { selector: "input" })).toBeDisabled();
  },
};
