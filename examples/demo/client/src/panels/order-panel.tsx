import { formDefaults, MizanForm } from "mizan/react";
import { orderFormMeta, useOrderForm } from "../mizan/index.js";
import { useFormInitialState, usePageState } from "../page-state.js";
import { ResultBox } from "./result-box.js";

const MAX_ROWS = 5;

/**
 * How many line items the page starts with: `?items=3` (what the no-JavaScript "Add a line
 * item" link asks for), else the formset's own count.
 */
function useStartRows(): number | undefined {
  const wanted = Number(new URLSearchParams(usePageState().search).get("items"));
  return Number.isInteger(wanted) && wanted > 1 ? Math.min(wanted, MAX_ROWS) : undefined;
}

/** A nested address and a formset of line items, rendered by <MizanForm>. */
export function OrderPanel() {
  const rows = useStartRows();
  const defaults = formDefaults(orderFormMeta) as { items: Record<string, unknown>[] };
  const row = defaults.items[0] ?? {};
  const form = useOrderForm<{ orderId: number; units: number; city: string }>(
    rows
      ? { defaultValues: { ...defaults, items: Array.from({ length: rows }, () => ({ ...row })) } }
      : {},
  );
  const initialState = useFormInitialState("order");
  const shown = Array.isArray(initialState?.values?.items)
    ? initialState.values.items.length
    : (rows ?? defaults.items.length);
  return (
    <section aria-labelledby="order-title">
      <h2 id="order-title">Place an order</h2>
      <p className="demo-hint">Between one and five line items; errors land on the right row.</p>
      {shown < MAX_ROWS ? (
        // Without JavaScript the formset's Add button cannot add a row: a link asks the
        // server for a page with one more (what was typed so far is not kept).
        <noscript>
          <p>
            <a href={`/order?items=${shown + 1}`}>Add a line item</a>
          </p>
        </noscript>
      ) : null}
      <MizanForm
        form={form}
        submitLabel="Place order"
        initialState={initialState}
        renderResult={(result) => <ResultBox title="Order placed" value={result} />}
      />
    </section>
  );
}
