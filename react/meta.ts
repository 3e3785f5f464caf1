import type { FieldDescriptor } from "../src/forms/field.js";
import type { FormDescriptor } from "../src/forms/form-schema.js";
import type { WidgetDescriptor } from "../src/forms/widgets/widget.js";

export type { FieldDescriptor, FormDescriptor, WidgetDescriptor };

/**
 * What the renderer and the hook read of a form: the result of `<name>.schema` (or the
 * manifest's form entry the generator embeds). `version` and `json_schema` are optional so
 * nested form descriptors fit too.
 */
export type MizanFormMeta = FormDescriptor & {
  version?: string;
  json_schema?: Record<string, unknown>;
};

/** A nested form's descriptor, when the field is a FormField or FormSet. */
export function subFormOf(field: FieldDescriptor): FormDescriptor | undefined {
  const form = field.form;
  if (form && typeof form === "object" && "fields" in form && "field_order" in form) {
    return form as FormDescriptor;
  }
  return undefined;
}

export function isFormSet(field: FieldDescriptor): boolean {
  return field.type === "FormSet" && subFormOf(field) !== undefined;
}

/**
 * Fields whose rules the browser cannot run: the descriptor's `server_rules`, which the
 * server sets (and the generator fills in for older manifests). When no field is marked
 * `true` but every field carries the mark, the form has no server-only rule: the answer is
 * its nested forms only (whose own fields may have some), often none. `undefined` when the
 * metadata is not marked, so the caller cannot tell and checks every field.
 */
export function serverRuleFields(meta: MizanFormMeta): string[] | undefined {
  const names = meta.field_order;
  const marked = names.filter((name) => meta.fields[name]?.server_rules === true);
  if (marked.length) return marked;
  const field = (name: string) => meta.fields[name];
  if (!names.every((name) => typeof field(name)?.server_rules === "boolean")) return undefined;
  return names.filter((name) => {
    const descriptor = field(name);
    return descriptor !== undefined && subFormOf(descriptor) !== undefined;
  });
}
