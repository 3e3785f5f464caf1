import type { MizanWidgetProps } from "../components.js";
import { ariaProps } from "./aria.js";

/** A single checkbox holding a boolean. */
export function MizanCheckboxInput(props: MizanWidgetProps) {
  const { id, name, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  return (
    <input
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      type="checkbox"
      className={["mizan-checkbox", attrs.className].filter(Boolean).join(" ")}
      checked={value === true}
      onChange={(event) => onChange(event.target.checked)}
      onBlur={onBlur}
      disabled={disabled}
      required={required}
    />
  );
}
