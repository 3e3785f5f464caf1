import type { Meta } from "@storybook/react-vite";
import { expect, userEvent, waitFor, type within } from "storybook/test";
import * as widgetsClient from "../generated/widgets/index.js";
import { GeneratedFormView, generatedForm } from "../support/generated-form.js";
import { withDemo } from "../support/with-demo.js";

export interface WidgetStoryProps {
  /** The gallery form's registered name, e.g. `widgetText` or `widgetTextDisabled`. */
  form: string;
  /** Values that replace the form's initial ones. */
  initial?: Record<string, unknown>;
}

/** One gallery form, rendered as `use<Name>Form()` + `<MizanForm>` would render it. */
export function WidgetStory({ form, initial }: WidgetStoryProps) {
  const generated = generatedForm(widgetsClient, form);
  if (!generated) {
    return <p role="alert">No generated client for "{form}": run npm run generate:stories.</p>;
  }
  const view = initial
    ? {
        ...generated,
        meta: { ...generated.meta, fields: withInitial(generated.meta.fields, initial) },
      }
    : generated;
  return <GeneratedFormView key={form} form={view} />;
}

function withInitial<T extends Record<string, { initial?: unknown } | undefined>>(
  fields: T,
  initial: Record<string, unknown>,
): T {
  const out: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(initial)) {
    const field = fields[name];
    if (field) out[name] = { ...field, initial: value };
  }
  return out as T;
}

/** Meta shared by the widget galleries: the widget registry's server, in the page. */
export const widgetMeta = {
  component: WidgetStory,
  ...withDemo,
  parameters: { demo: { server: "widgets" } },
} satisfies Partial<Meta<typeof WidgetStory>>;

type Canvas = ReturnType<typeof within>;

/** Submits the form and returns the cleaned data the server echoed back. */
export async function submitAndReadCleaned(canvas: Canvas): Promise<Record<string, unknown>> {
  await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
  const status = canvas.getByRole("status");
  await waitFor(() => expect(status).toHaveTextContent("Submitted."));
  const text = status.querySelector("pre")?.textContent ?? "null";
  return (JSON.parse(text) as { cleaned: Record<string, unknown> }).cleaned;
}

/** Submits and expects the form to stay unsent, with this message at the field. */
export async function submitAndExpectError(canvas: Canvas, message: string): Promise<void> {
  await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
  await expect(await canvas.findByText(message)).toBeVisible();
  await expect(canvas.queryByText("Submitted.")).toBeNull();
}
