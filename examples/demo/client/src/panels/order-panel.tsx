import { MizanForm } from "mizan/react";
import { useOrderForm } from "../mizan/index.js";
import { ResultBox } from "./result-box.js";

/** A nested address and a formset of line items, rendered by <MizanForm>. */
export function OrderPanel() {
  const form = useOrderForm<{ orderId: number; units: number; city: string }>();
  return (
    <section aria-labelledby="order-title">
      <h2 id="order-title">Place an order</h2>
      <p className="demo-hint">Between one and five line items; errors land on the right row.</p>
      <MizanForm
        form={form}
        submitLabel="Place order"
        renderResult={(result) => <ResultBox title="Order placed" value={result} />}
      />
    </section>
  );
}
