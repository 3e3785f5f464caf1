import type { FieldRowProps } from "../components.js";
import { ErrorList } from "./error-list.js";

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span className="mizan-required" aria-hidden="true">
      *
    </span>
  ) : null;
}

/** Label, widget, help text and errors of one field. */
export function FieldRow(props: FieldRowProps) {
  const {
    id,
    field,
    label,
    required,
    group,
    hidden,
    invalid,
    helpText,
    helpId,
    errors,
    errorId,
    children,
  } = props;
  if (hidden) return <>{children}</>;
  const className = [
    "mizan-field",
    `mizan-field--${field.widget.type}`,
    required ? "mizan-field--required" : "",
    invalid ? "mizan-field--invalid" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const help = helpText ? (
    <div id={helpId} className="mizan-help">
      {helpText}
    </div>
  ) : null;
  const errorList = <ErrorList id={errorId} messages={errors} />;
  if (group) {
    return (
      <fieldset className={`${className} mizan-group`}>
        <legend className="mizan-label">
          {label}
          <RequiredMark required={required} />
        </legend>
        {children}
        {help}
        {errorList}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={id} className="mizan-label">
        {label}
        <RequiredMark required={required} />
      </label>
      {children}
      {help}
      {errorList}
    </div>
  );
}
