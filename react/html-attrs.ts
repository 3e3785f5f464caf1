import type { FieldDescriptor } from "./meta.js";

/** HTML attribute names (as Django's widgets spell them) whose React name differs. */
const REACT_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  maxlength: "maxLength",
  minlength: "minLength",
  readonly: "readOnly",
  tabindex: "tabIndex",
  autocomplete: "autoComplete",
  autofocus: "autoFocus",
  autocapitalize: "autoCapitalize",
  spellcheck: "spellCheck",
  inputmode: "inputMode",
  enterkeyhint: "enterKeyHint",
  accesskey: "accessKey",
  contenteditable: "contentEditable",
  novalidate: "noValidate",
};

/** Attributes the renderer owns; a widget's attrs cannot override them. */
const OWNED = new Set([
  "id",
  "name",
  "type",
  "value",
  "checked",
  "onChange",
  "onBlur",
  "disabled",
  "required",
  "multiple",
]);

export type HtmlAttrs = Record<string, string | number | boolean>;

/**
 * The props a widget puts on its element: the widget's `attrs` (React-cased) plus the
 * attributes Django derives from the field (`maxlength`, `minlength`, `min`, `max`, `step`).
 */
export function widgetAttrs(field: FieldDescriptor): HtmlAttrs {
  const out: HtmlAttrs = {};
  const put = (key: string, value: unknown) => {
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
      out[key] = value;
    }
  };
  put("maxLength", field.max_length);
  put("minLength", field.min_length);
  put("min", field.min_value);
  put("max", field.max_value);
  put("step", field.step_size);
  for (const [name, value] of Object.entries(field.widget.attrs ?? {})) {
    const key = REACT_NAMES[name.toLowerCase()] ?? name;
    if (OWNED.has(key)) continue;
    if (value === false) continue;
    put(key, value);
  }
  return out;
}
