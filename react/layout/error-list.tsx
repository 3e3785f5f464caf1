import type { ErrorListProps } from "../components.js";

/** Django's `<ul class="errorlist">`. */
export function ErrorList({ id, messages, className }: ErrorListProps) {
  if (!messages.length) return null;
  return (
    <ul id={id} className={["mizan-errorlist", className].filter(Boolean).join(" ")}>
      {messages.map((message) => (
        <li key={message} className="mizan-error">
          {message}
        </li>
      ))}
    </ul>
  );
}
