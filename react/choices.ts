import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import type { FieldDescriptor } from "./meta.js";
import { rendererText } from "./renderer-text.js";

export interface Choice {
  /** The value as the form holds it (a string, number, boolean or null). */
  value: unknown;
  label: string;
  /** Django's grouped choices: the `<optgroup>` label. */
  group?: string;
}

/** NullBooleanSelect's choices, worded as Django's (`NullBooleanSelect.unknown`, ...). */
function nullBooleanChoices(catalog: MessageCatalog | undefined): Choice[] {
  return [
    { value: null, label: rendererText(catalog, "NullBooleanSelect.unknown") },
    { value: true, label: rendererText(catalog, "NullBooleanSelect.yes") },
    { value: false, label: rendererText(catalog, "NullBooleanSelect.no") },
  ];
}

/**
 * A field's choices, flattened (`[group, [[value, label], ...]]` entries keep their group).
 * A NullBooleanSelect's Unknown/Yes/No are `catalog`'s (the form's, `form.catalog`) when
 * given, else English.
 *
 * @example
 * choicesOf(field, form.catalog); // [{ value: null, label: "مجهول" }, ...] in Arabic
 */
export function choicesOf(field: FieldDescriptor, catalog?: MessageCatalog): Choice[] {
  const raw = Array.isArray(field.grouped_choices) ? field.grouped_choices : field.choices;
  if (!Array.isArray(raw) || raw.length === 0) {
    return field.widget.type === "NullBooleanSelect" ? nullBooleanChoices(catalog) : [];
  }
  const out: Choice[] = [];
  for (const entry of raw as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [value, label] = entry as [unknown, unknown];
    if (Array.isArray(label)) {
      for (const inner of label as unknown[]) {
        if (Array.isArray(inner))
          out.push({ value: inner[0], label: String(inner[1]), group: String(value) });
      }
    } else {
      out.push({ value, label: String(label) });
    }
  }
  return out;
}

/** The DOM `value` of a choice; maps back with `choiceByKey`. */
export function choiceKey(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value);
}

/**
 * The value a choice's DOM value stands for. Numbers travel as their string, as a browser
 * submits them (Django's ChoiceField cleans to `str(value)`); booleans and `null`
 * (NullBooleanSelect) keep their type.
 */
export function choiceByKey(choices: Choice[], key: string): unknown {
  const found = choices.find((choice) => choiceKey(choice.value) === key);
  if (!found) return key;
  return typeof found.value === "number" ? String(found.value) : found.value;
}
