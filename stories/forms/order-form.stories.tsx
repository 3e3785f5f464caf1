import type { Meta, StoryObj } from "@storybook/react-vite";
import { formDefaults, MizanForm } from "mizan/react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  type OrderFormValues,
  orderFormMeta,
  useOrderForm,
} from "../../examples/demo/client/src/mizan/index.js";
import { demoOf, ResultView, withDemo } from "../support/with-demo.js";

function OrderStory({ initial }: { initial?: Partial<OrderFormValues> }) {
  const form = useOrderForm({
    defaultValues: { ...formDefaults(orderFormMeta), ...initial } as OrderFormValues,
  });
  return (
    <MizanForm
      form={form}
      submitLabel="Place order"
      renderResult={(result) => <ResultView result={result} />}
    />
  );
}

const FILLED = {
  shipping: { street: "12 St James's Square", city: "London", postcode: "SW1Y 4LB" },
  items: [
    { product: "tea", quantity: 2 },
    { product: "mug", quantity: 1 },
  ],
  note: "Leave it with the porter.",
} as Partial<OrderFormValues>;

const meta = {
  title: "Forms/Order",
  component: OrderStory,
  ...withDemo,
} satisfies Meta<typeof OrderStory>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const shipping = (canvas: Canvas) =>
  within(canvas.getByRole("group", { name: "Shipping address" }));
const row = (canvas: Canvas, n: number) =>
  within(canvas.getByRole("group", { name: `Line items ${n}` }));
const submit = (canvas: Canvas) => canvas.getByRole("button", { name: "Place order" });

/** A nested form (the address) and a formset with one empty row (`extra: 1`). */
export const Empty: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(shipping(canvas).getByRole("textbox", { name: "City" })).toHaveValue("");
    await expect(row(canvas, 1).getByRole("spinbutton", { name: "Quantity" })).toHaveValue(1);
    await expect(canvas.queryByRole("group", { name: "Line items 2" })).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Remove Line items 1" })).toBeNull();
    await expect(demoOf({ loaded }).calls).toEqual([]);
  },
};

export const Filled: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(shipping(canvas).getByRole("textbox", { name: "City" })).toHaveValue("London");
    await expect(row(canvas, 2).getByRole("combobox", { name: "Product" })).toHaveValue("mug");
    await expect(canvas.getByRole("button", { name: "Remove Line items 2" })).toBeVisible();
  },
};

/** Rows come and go within `minNum: 1` .. `maxNum: 5`. */
export const AddAndRemoveRows: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (let n = 2; n <= 5; n++) {
      await userEvent.click(canvas.getByRole("button", { name: "Add Line items" }));
      await expect(canvas.getByRole("group", { name: `Line items ${n}` })).toBeVisible();
    }
    await expect(canvas.queryByRole("button", { name: "Add Line items" })).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Remove Line items 5" }));
    await expect(canvas.queryByRole("group", { name: "Line items 5" })).toBeNull();
    await expect(canvas.getByRole("button", { name: "Add Line items" })).toBeVisible();
  },
};

/** Nested fields and formset rows are checked in the browser, each at its own path. */
export const ClientErrors: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const quantity = row(canvas, 1).getByRole("spinbutton", { name: "Quantity" });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "0");
    await userEvent.click(submit(canvas));
    await expect(
      await row(canvas, 1).findByText("Ensure this value is greater than or equal to 1."),
    ).toBeVisible();
    await expect(row(canvas, 1).getByText("This field is required.")).toBeVisible();
    await expect(shipping(canvas).getAllByText("This field is required.")).toHaveLength(3);
    await expect(shipping(canvas).getByRole("textbox", { name: "Street" })).toHaveFocus();
    await expect(demoOf({ loaded }).callsTo("order.submit")).toEqual([]);
  },
};

export const ServerErrors: Story = {
  args: { initial: FILLED },
  parameters: { demo: { storeDown: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submit(canvas));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Internal server error.");
    await expect(row(canvas, 2).getByRole("combobox", { name: "Product" })).toHaveValue("mug");
  },
};

export const Submitting: Story = {
  args: { initial: FILLED },
  parameters: { demo: { hold: ["order.submit"] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submit(canvas));
    await waitFor(() => expect(submit(canvas)).toBeDisabled());
    await expect(shipping(canvas).getByRole("textbox", { name: "Street" })).toBeDisabled();
    await expect(row(canvas, 1).getByRole("spinbutton", { name: "Quantity" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Add Line items" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Remove Line items 2" })).toBeDisabled();
  },
};

export const Success: Story = {
  args: { initial: FILLED },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submit(canvas));
    const status = canvas.getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("Submitted."));
    await expect(status).toHaveTextContent('"units": 3');
    await expect(status).toHaveTextContent('"city": "London"');
    await expect(demoOf({ loaded }).store.orders).toEqual([{ id: 1, items: 2 }]);
  },
};
