import type { MizanWidgetProps } from "../components.js";
import { ariaProps, inputText } from "./aria.js";

export function MizanTextarea(props: MizanWidgetProps) {
  const { id, name, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  return (
    <textarea
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      className={["mizan-input", "mizan-textarea", attrs.className].filter(Boolean).join(" ")}
      value={inputText(value)}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      required={required}
    />
  );
}
