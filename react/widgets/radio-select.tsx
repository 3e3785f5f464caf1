import { choiceByKey, choiceKey, choicesOf } from "../choices.js";
import type { MizanWidgetProps } from "../components.js";
import { useFormCatalog } from "../renderer-text.js";
import { ariaProps } from "./aria.js";

/** Radio buttons, one per choice; the row around it is a fieldset with a legend. */
export function MizanRadioSelect(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required } = props;
  const choices = choicesOf(field, useFormCatalog());
  const current = value === undefined ? undefined : choiceKey(value);
  return (
    <div className="mizan-choices mizan-radio">
      {choices.map((choice, i) => {
        const optionId = `${id}_${i}`;
        return (
          <div className="mizan-choice" key={optionId}>
            <input
              {...ariaProps(props)}
              ref={i === 0 ? inputRef : undefined}
              id={optionId}
              name={name}
              type="radio"
              value={choiceKey(choice.value)}
              checked={current === choiceKey(choice.value)}
              onChange={() => onChange(choiceByKey(choices, choiceKey(choice.value)))}
              onBlur={onBlur}
              disabled={disabled}
              required={required}
            />
            <label htmlFor={optionId}>{choice.label}</label>
          </div>
        );
      })}
    </div>
  );
}
