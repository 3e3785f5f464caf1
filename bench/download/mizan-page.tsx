/** The contact page on mizan: the generated hook, laid out by hand. */
import { MizanProvider } from "mizan/react";
import { useContactForm } from "mizan-bench-contact-client";

function ContactPage() {
  const form = useContactForm<{ sent: boolean; ticket: number }>();
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
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
      <button type="submit" disabled={form.isServerSubmitting}>
        Send
      </button>
      {form.result && <p>Sent: ticket {form.result.ticket}</p>}
    </form>
  );
}

export function App() {
  return (
    <MizanProvider baseUrl="/api/mizan" csrf>
      <ContactPage />
    </MizanProvider>
  );
}
