/** The contact page with Conform + `zod/mini` (`@conform-to/zod/v4` takes any Zod 4 schema), same endpoint. */
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import * as z from "zod/mini";

const contactSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "This field is required."), z.maxLength(100)),
  email: z.email("Enter a valid email address."),
  topic: z.enum(["sales", "support", "press"]),
  message: z.string().check(z.trim(), z.minLength(10)),
});

function csrfToken(): string {
  return /(?:^|; )csrftoken=([^;]*)/.exec(document.cookie)?.[1] ?? "";
}

function ContactPage() {
  const [ticket, setTicket] = useState<number | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [form, fields] = useForm({
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
    onSubmit: async (event, { submission }) => {
      event.preventDefault();
      if (submission?.status !== "success") return;
      const response = await fetch("/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrftoken": csrfToken() },
        body: JSON.stringify({ fn: "contact.submit", args: { data: submission.value } }),
      });
      const body = await response.json();
      if (response.ok) setTicket(body.result.ticket);
      else setServerError(body.error?.message ?? "Failed.");
    },
  });
  return (
    <form {...getFormProps(form)} noValidate>
      <label htmlFor={fields.name.id}>Name</label>
      <input {...getInputProps(fields.name, { type: "text" })} />
      {fields.name.errors && <p role="alert">{fields.name.errors[0]}</p>}
      <label htmlFor={fields.email.id}>Email</label>
      <input {...getInputProps(fields.email, { type: "email" })} />
      {fields.email.errors && <p role="alert">{fields.email.errors[0]}</p>}
      <label htmlFor={fields.topic.id}>Topic</label>
      <select {...getSelectProps(fields.topic)}>
        <option value="sales">Sales</option>
        <option value="support">Support</option>
        <option value="press">Press</option>
      </select>
      {fields.topic.errors && <p role="alert">{fields.topic.errors[0]}</p>}
      <label htmlFor={fields.message.id}>Message</label>
      <textarea {...getTextareaProps(fields.message)} rows={4} />
      {fields.message.errors && <p role="alert">{fields.message.errors[0]}</p>}
      {serverError && <p role="alert">{serverError}</p>}
      <button type="submit">Send</button>
      {ticket !== null && <p>Sent: ticket {ticket}</p>}
    </form>
  );
}

export function App() {
  return <ContactPage />;
}
