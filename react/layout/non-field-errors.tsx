import type { NonFieldErrorsProps } from "../components.js";

/** Errors of the form as a whole, announced at once. */
export function NonFieldErrors({ messages }: NonFieldErrorsProps) {
  if (!messages.length) return null;
  return (
    <div role="alert" className="mizan-nonfield">
      <ul className="mizan-errorlist">
        {messages.map((message) => (
          <li key={message} className="mizan-error">
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
