import type { ButtonProps } from "../components.js";

export function Button({ type = "button", className, children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={["mizan-button", className].filter(Boolean).join(" ")}>
      {children}
    </button>
  );
}
