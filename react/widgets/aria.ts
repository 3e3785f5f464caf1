import type { MizanWidgetProps } from "../components.js";

/** The aria wiring every focusable element of a widget carries. */
export function ariaProps(props: Pick<MizanWidgetProps, "invalid" | "describedBy" | "required">) {
  return {
    "aria-invalid": props.invalid ? (true as const) : undefined,
    "aria-describedby": props.describedBy,
  };
}

/** A value as an `<input>` shows it (`null` → empty). */
export function inputText(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return String(value);
}
