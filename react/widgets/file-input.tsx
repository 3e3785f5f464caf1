import type { MizanWidgetProps } from "../components.js";
import { ariaProps } from "./aria.js";

/** `<input type="file">` holding a `File` (or `File[]` with `multiple`); the form goes multipart. */
export function MizanFileInput(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  const multiple = field.widget.allow_multiple_selected || attrs.multiple === true;
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <input
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      type="file"
      className={["mizan-file", attrs.className].filter(Boolean).join(" ")}
      multiple={multiple}
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        onChange(multiple ? files : (files[0] ?? null));
      }}
      onBlur={onBlur}
      disabled={disabled}
      required={required && chosen.length === 0}
    />
  );
}
