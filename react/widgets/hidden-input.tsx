import type { MizanWidgetProps } from "../components.js";
import { inputText } from "./aria.js";

export function MizanHiddenInput(props: MizanWidgetProps) {
  const { id, name, value, inputRef } = props;
  return (
    <input ref={inputRef} id={id} name={name} type="hidden" value={inputText(value)} readOnly />
  );
}
