import { MizanForm } from "mizan/react";
import { useContactForm } from "../mizan/index.js";
import { useFormInitialState } from "../page-state.js";
import { ResultBox } from "./result-box.js";

/** Rendered entirely from the form's metadata by <MizanForm>. */
export function ContactPanel() {
  const form = useContactForm<{ sent: boolean; ticket: number }>();
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">Contact us</h2>
      <p className="demo-hint">
        Type a bad e-mail: Django's message shows at once, with no request.
      </p>
      <MizanForm
        form={form}
        submitLabel="Send"
        initialState={useFormInitialState("contact")}
        renderResult={(result) => <ResultBox title="Message sent" value={result} />}
      />
    </section>
  );
}
