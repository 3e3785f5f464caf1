import type { ReactNode } from "react";
import { type Choice, choiceByKey, choiceKey, choicesOf } from "../choices.js";
import type { MizanWidgetProps } from "../components.js";
import { useFormCatalog } from "../renderer-text.js";
import { ariaProps } from "./aria.js";

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)
  );
}

/** `<option>`s, with `<optgroup>`s for Django's grouped choices. */
function renderOptions(choices: Choice[]): ReactNode[] {
  const out: ReactNode[] = [];
  let group: { label: string; options: ReactNode[] } | undefined;
  const flush = () => {
    if (group) {
      out.push(
        <optgroup key={`group-${group.label}-${out.length}`} label={group.label}>
          {group.options}
        </optgroup>,
      );
    }
    group = undefined;
  };
  for (const choice of choices) {
    const option = (
      <option key={choiceKey(choice.value)} value={choiceKey(choice.value)}>
        {choice.label}
      </option>
    );
    if (choice.group === undefined) {
      flush();
      out.push(option);
    } else {
      if (group?.label !== choice.group) {
        flush();
        group = { label: choice.group, options: [] };
      }
      group.options.push(option);
    }
  }
  flush();
  return out;
}

/** `<select>` for Select and NullBooleanSelect; a blank option while nothing valid is chosen. */
export function MizanSelect(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  const choices = choicesOf(field, useFormCatalog());
  const hasBlank = choices.some((choice) => choice.value === "" || choice.value === null);
  const showBlank = !hasBlank && (!required || isEmpty(value));
  const known = choices.some((choice) => choiceKey(choice.value) === choiceKey(value));
  const selectedKey = known ? choiceKey(value) : "";
  return (
    <select
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      className={["mizan-select", attrs.className].filter(Boolean).join(" ")}
      value={selectedKey}
      onChange={(event) => onChange(choiceByKey(choices, event.target.value))}
      onBlur={onBlur}
      disabled={disabled}
      required={required}
    >
      {showBlank ? <option value="">---------</option> : null}
      {renderOptions(choices)}
    </select>
  );
}

/** `<select multiple>` holding an array of choice values. */
export function MizanSelectMultiple(props: MizanWidgetProps) {
  const { id, name, field, value, onChange, onBlur, inputRef, disabled, required, attrs } = props;
  const choices = choicesOf(field, useFormCatalog());
  const selected = Array.isArray(value) ? value.map(choiceKey) : [];
  return (
    <select
      {...attrs}
      {...ariaProps(props)}
      ref={inputRef}
      id={id}
      name={name}
      multiple
      className={["mizan-select", attrs.className].filter(Boolean).join(" ")}
      value={selected}
      onChange={(event) =>
        onChange(
          Array.from(event.target.selectedOptions, (option) => choiceByKey(choices, option.value)),
        )
      }
      onBlur={onBlur}
      disabled={disabled}
      required={required}
    >
      {renderOptions(choices)}
    </select>
  );
}
