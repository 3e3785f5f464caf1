import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";

/** A plain React component: proves the Storybook + Vitest + Chromium pipeline on its own. */
function Greeter() {
  const [name, setName] = useState("");
  return (
    <label>
      Name <input value={name} onChange={(event) => setName(event.target.value)} />
      <output>{name ? `Hello, ${name}!` : ""}</output>
    </label>
  );
}

const meta = {
  title: "Infrastructure/Smoke",
  component: Greeter,
} satisfies Meta<typeof Greeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TypesAName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Name"), "Ada");
    await expect(canvas.getByText("Hello, Ada!")).toBeVisible();
  },
};
