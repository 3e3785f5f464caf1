import { choiceByKey, choiceKey, choicesOf } from "../choices.js";
import type { MizanWidgetProps } from "../components.js";
import { useFormCatalog } from "../renderer-text.js";
import { ariaProps } from "./aria.js";

/** A checkbox per choice, holding the array of checked values. */
export function MizanCheckboxSelectMultiple(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled } = props;
  const choices = choicesOf(field, useFormCatalog());
  const selected = Array.isArray(value) ? value : [];
  const keys = selected.map(choiceKey);
  return (
    <div className="mizan-choices mizan-checkboxes">
      {choices.map((choice, i) => {
        const optionId = `${id}_${i}`;
        const key = choiceKey(choice.value);
        const checked = keys.includes(key);
        return (
          <div className="mizan-choice" key={optionId}>
            <input
              {...ariaProps(props)}
              ref={i === 0 ? inputRef : undefined}
              id={optionId}
              name={name}
              type="checkbox"
              value={key}
              checked={checked}
              onChange={() =>
                onChange(
                  checked
                    ? selected.filter((item) => choiceKey(item) !== key)
                    : choices
                        .map((c) => choiceKey(c.value))
                        .filter((k) => k === key || keys.includes(k))
                        .map((k) => choiceByKey(choices, k)),
                )
              }
              onBlur={onBlur}
              disabled={disabled}
            />
            <label htmlFor={optionId}>{choice.label}</label>
          </div>
        );
      })}
    </div>
  );
}
