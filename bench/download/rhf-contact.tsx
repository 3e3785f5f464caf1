/**
 * The hand-laid contact page on raw react-hook-form + `zodResolver`, shared by the classic-Zod
 * and `zod/mini` pages (each gives its schema), posting to the same endpoint as mizan's.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
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

export function ContactPage({ schema }: { schema: $ZodType<Contact, Contact> }) {
  const form = useForm<Contact>({ mode: "onTouched", resolver: zodResolver(schema) });
  const [ticket, setTicket] = useState<number | null>(null);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (data) => {
    const response = await fetch("/api/mizan/call/", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrftoken": csrfToken() },
      body: JSON.stringify({ fn: "contact.submit", args: { data } }),
    });
    const body = await response.json();
    if (response.ok) {
      setTicket(body.result.ticket);
      return;
    }
    const fields = (body.error?.details?.fields ?? {}) as Record<string, { message: string }[]>;
    for (const [name, items] of Object.entries(fields)) {
      form.setError(name as keyof Contact, { type: "server", message: items[0]?.message ?? "" });
    }
    if (!Object.keys(fields).length) {
      form.setError("root.server", { type: "server", message: body.error?.message ?? "" });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor="name">Name</label>
      <input id="name" {...form.register("name")} />
      {errors.name && <p role="alert">{errors.name.message}</p>}
      <label htmlFor="email">Email</label>
      <input id="email" type="email" {...form.register("email")} />
      {errors.email && <p role="alert">{errors.email.message}</p>}
      <label htmlFor="topic">Topic</label>
      <select id="topic" {...form.register("topic")}>
        <option value="sales">Sales</option>
        <option value="support">Support</option>
        <option value="press">Press</option>
      </select>
      {errors.topic && <p role="alert">{errors.topic.message}</p>}
      <label htmlFor="message">Message</label>
      <textarea id="message" rows={4} {...form.register("message")} />
      {errors.message && <p role="alert">{errors.message.message}</p>}
      {errors.root?.server && <p role="alert">{errors.root.server.message}</p>}
      <button type="submit" disabled={isSubmitting}>
        Send
      </button>
      {ticket !== null && <p>Sent: ticket {ticket}</p>}
    </form>
  );
}
