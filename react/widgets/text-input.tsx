import type { MizanWidgetProps } from "../components.js";
import { ariaProps, inputText } from "./aria.js";

/** `<input>` for TextInput, NumberInput, EmailInput, URLInput, PasswordInput and date/time inputs. */
export function MizanTextInput(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  return (
    <input
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      type={field.widget.input_type ?? "text"}
      className={["mizan-input", attrs.className].filter(Boolean).join(" ")}
      value={inputText(value)}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      required={required}
    />
  );
}
