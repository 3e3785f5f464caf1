import { isRecord } from "../src/core/is-plain-object.js";
import { type FieldDescriptor, type FormDescriptor, isFormSet, subFormOf } from "./meta.js";

/** What an untouched input of this field holds (what a browser would submit for it). */
function emptyInputValue(field: FieldDescriptor): unknown {
  const widget = field.widget;
  if (widget.allow_multiple_selected) return [];
  if (widget.needs_multipart_form || widget.type === "NullBooleanSelect") return null;
  return widget.type === "CheckboxInput" ? false : "";
}

/** The default of a field that is not a nested form or formset, from its `initial`. */
function leafDefault(field: FieldDescriptor, initial: unknown): unknown {
  if (initial === null || initial === undefined) return emptyInputValue(field);
  if (field.widget.type === "CheckboxInput") return Boolean(initial);
  if (field.widget.allow_multiple_selected && !Array.isArray(initial)) return [initial];
  return initial;
}

function fieldDefault(field: FieldDescriptor, initial: unknown): unknown {
  const sub = subFormOf(field);
  if (sub && isFormSet(field)) {
    const rows = Array.isArray(initial) ? initial.filter(isRecord) : [];
    if (rows.length) return rows.map((row) => formDefaults(sub, row));
    const min = typeof field.min_num === "number" ? field.min_num : 0;
    const extra = typeof field.extra === "number" ? field.extra : 0;
    const max = typeof field.max_num === "number" ? field.max_num : Number.POSITIVE_INFINITY;
    return Array.from({ length: Math.min(Math.max(min, extra), max) }, () => formDefaults(sub));
  }
  if (sub) return formDefaults(sub, isRecord(initial) ? initial : undefined);
  return leafDefault(field, initial);
}

/**
 * Default values for react-hook-form from the schema metadata: each field's `initial`, or
 * what its empty input holds; nested forms as objects; formsets as `max(min_num, extra)` rows.
 *
 * @example
 * useForm({ defaultValues: formDefaults(meta) });
 */
export function formDefaults(
  form: FormDescriptor,
  initial?: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of form.field_order) {
    const field = form.fields[name];
    if (!field) continue;
    const given = initial && Object.hasOwn(initial, name) ? initial[name] : field.initial;
    values[name] = fieldDefault(field, given);
  }
  return values;
}

/**
 * `formDefaults` of a form without nested forms or formsets (what `useMizanFormBase` takes),
 * so a plain form page does not download the formset rows; one with them is refused with a
 * `TypeError` naming `useMizanForm`, which keeps them.
 */
export function flatFormDefaults(form: FormDescriptor): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of form.field_order) {
    const field = form.fields[name];
    if (!field) continue;
    if (subFormOf(field)) {
      throw new TypeError(
        `mizan: useMizanFormBase takes no nested form or formset ("${name}"): call useMizanForm.`,
      );
    }
    values[name] = leafDefault(field, field.initial);
  }
  return values;
}
