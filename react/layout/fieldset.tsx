import type { FieldsetProps } from "../components.js";
import { ErrorList } from "./error-list.js";

/** A nested form, a formset, or one formset item, as a `<fieldset>` with a `<legend>`. */
export function Fieldset(props: FieldsetProps) {
  const { legend, required, kind, helpText, helpId, errors, errorId, actions, children } = props;
  return (
    <fieldset
      className={`mizan-fieldset mizan-fieldset--${kind}`}
      aria-describedby={
        [helpText ? helpId : "", errors.length ? errorId : ""].filter(Boolean).join(" ") ||
        undefined
      }
    >
      <legend className="mizan-legend">
        {legend}
        {required ? (
          <span className="mizan-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </legend>
      {helpText ? (
        <div id={helpId} className="mizan-help">
          {helpText}
        </div>
      ) : null}
      <ErrorList id={errorId} messages={errors} className="mizan-nonfield" />
      {children}
      {actions}
    </fieldset>
  );
}
