import type { MizanWidgetProps } from "../components.js";
import { widgetAttrs } from "../html-attrs.js";
import type { FieldDescriptor, WidgetDescriptor } from "../meta.js";
import { useRendererText } from "../renderer-text.js";
import { ariaProps, inputText } from "./aria.js";

/** What a part of a MultiWidget is called to assistive technology, by its widget class. */
const PART_NAMES: Record<string, "ui.date" | "ui.time"> = {
  DateInput: "ui.date",
  TimeInput: "ui.time",
};

/** The parts' widgets (`subwidgets` in the descriptor of a server MultiWidget). */
function subwidgetsOf(widget: WidgetDescriptor): WidgetDescriptor[] {
  const parts = (widget as { subwidgets?: unknown }).subwidgets;
  return Array.isArray(parts) ? (parts as WidgetDescriptor[]) : [];
}

/**
 * The parts a value shows: an array as it is; a single value (an initial datetime the form
 * was given as one string) split at the date/time boundary, like Django's `decompress`.
 */
function partsOf(value: unknown, count: number): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string" && value && count === 2) {
    const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/.exec(value);
    if (match) return [match[1], match[2]];
  }
  return [];
}

/**
 * Django's MultiWidget (and SplitDateTimeWidget): one `<input>` per part, of the part's
 * input type (`date` and `time` for SplitDateTimeWidget), holding the array of parts. The
 * row around it is a fieldset whose legend is the field's label; each input is named for
 * assistive technology ("Date", "Time", else "<label> (1 of 2)", in the form's language) and
 * marked required as the
 * descriptor's `required_parts` says (Django's per-part `required` attribute).
 */
export function MizanMultiWidget(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  const parts = subwidgetsOf(field.widget);
  const current = partsOf(value, parts.length);
  const requiredParts = Array.isArray(field.required_parts) ? field.required_parts : [];
  const text = useRendererText();
  return (
    <div className="mizan-multi">
      {parts.map((part, i) => {
        const partId = `${id}_${i}`;
        const known = PART_NAMES[part.type];
        const label = known
          ? text(known)
          : text("ui.part_of", { label: field.label, index: i + 1, count: parts.length });
        return (
          <input
            {...attrs}
            {...widgetAttrs({ widget: part } as FieldDescriptor)}
            {...ariaProps(props)}
            key={partId}
            ref={i === 0 ? inputRef : undefined}
            id={partId}
            name={`${name}_${i}`}
            type={part.input_type ?? "text"}
            aria-label={label}
            className={["mizan-input", attrs.className].filter(Boolean).join(" ")}
            value={inputText(current[i])}
            onChange={(event) => {
              const next = parts.map((_, j) => (j < current.length ? current[j] : ""));
              next[i] = event.target.value;
              onChange(next);
            }}
            onBlur={onBlur}
            disabled={disabled}
            required={requiredParts.length ? requiredParts[i] === true : required}
          />
        );
      })}
    </div>
  );
}
