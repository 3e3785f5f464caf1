import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  submitAndExpectError,
  submitAndReadCleaned,
  type WidgetStory,
  widgetMeta,
} from "./widget-story.js";

/** DateField, TimeField and DateTimeField with the browser's own pickers. */
const meta = {
  title: "Widgets/Date and time",
  ...widgetMeta,
  args: { form: "widgetDate" },
} satisfies Meta<typeof WidgetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const input = (canvas: Canvas, label: RegExp) => canvas.getByLabelText(label) as HTMLInputElement;

export const DateNormal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const day = input(canvas, /^Day/);
    await expect(day).toHaveAttribute("type", "date");
    await userEvent.type(day, "2024-03-01");
    await expect(await submitAndReadCleaned(canvas)).toEqual({ value: "2024-03-01" });
  },
};

export const DateWithError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submitAndExpectError(canvas, "This field is required.");
    await expect(input(canvas, /^Day/)).toHaveAttribute("aria-invalid", "true");
  },
};

export const DateDisabled: Story = {
  args: { form: "widgetDateDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(input(canvas, /^Day/)).toBeDisabled();
    await expect(input(canvas, /^Day/)).toHaveValue("2024-02-29");
  },
};

export const TimeNormal: Story = {
  args: { form: "widgetTime" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const time = input(canvas, /^Start time/);
    await expect(time).toHaveAttribute("type", "time");
    await userEvent.type(time, "14:45");
    const cleaned = await submitAndReadCleaned(canvas);
    await expect(String(cleaned.value)).toMatch(/^14:45/);
  },
};

export const TimeWithError: Story = {
  args: { form: "widgetTime" },
  play: async ({ canvasElement }) => {
    await submitAndExpectError(within(canvasElement), "This field is required.");
  },
};

export const TimeDisabled: Story = {
  args: { form: "widgetTimeDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(input(canvas, /^Start time/)).toBeDisabled();
    await expect(input(canvas, /^Start time/)).toHaveValue("09:30");
  },
};

export const DateTimeNormal: Story = {
  args: { form: "widgetDateTime" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const when = input(canvas, /^Appointment/);
    await expect(when).toHaveAttribute("type", "datetime-local");
    await userEvent.type(when, "2024-03-01T14:45");
    const cleaned = await submitAndReadCleaned(canvas);
    await expect(String(cleaned.value)).toMatch(/^2024-03-01T14:45/);
  },
};

export const DateTimeWithError: Story = {
  args: { form: "widgetDateTime" },
  play: async ({ canvasElement }) => {
    await submitAndExpectError(within(canvasElement), "This field is required.");
  },
};

export const DateTimeDisabled: Story = {
  args: { form: "widgetDateTimeDisabled" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(input(canvas, /^Appointment/)).toBeDisabled();
    await expect(input(canvas, /^Appointment/)).toHaveValue("2024-02-29T09:30");
  },
};
