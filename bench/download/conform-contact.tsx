/**
 * The hand-laid contact page on Conform + `@conform-to/zod/v4`, shared by the classic-Zod and
 * `zod/mini` pages (each gives its schema), posting to the same endpoint as mizan's.
 */
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import type { $ZodType } from "zod/v4/core";

interface Contact {
  name: string;
  email: string;
  topic: "sales" | "support" | "press";
  message: string;
}

function csrfToken(): string {
  return /(?:^|; )csrftoken=([^;]*)/.exec(document.cookie)?.[1] ?? "";
}

export function ContactPage({ schema }: { schema: $ZodType<Contact> }) {
  const [ticket, setTicket] = useState<number | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [form, fields] = useForm<Contact>({
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
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
