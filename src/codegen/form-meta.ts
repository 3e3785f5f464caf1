import type { FormPayload } from "./generate.js";

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The field descriptors, each with `server_rules` as the server decided it
 * (`fieldHasServerRules`). A manifest from before descriptors carried it has the same answer
 * in the JSON Schema's `x-mizan-server-rules`, which is copied over.
 */
export function markServerRules(form: FormPayload): Record<string, unknown> {
  const properties = (form.json_schema.properties ?? {}) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  const fields: Record<string, unknown> = {};
  const all = form.fields ?? {};
  const order = [
    ...(form.field_order ?? []).filter((k) => Object.hasOwn(all, k)),
    ...Object.keys(all).sort(byCodeUnit),
  ];
  for (const key of new Set(order)) {
    const descriptor = all[key];
    const unmarked =
      descriptor && typeof descriptor === "object" && !("server_rules" in descriptor);
    fields[key] =
      unmarked && properties[key]?.["x-mizan-server-rules"] === true
        ? { ...descriptor, server_rules: true }
        : descriptor;
  }
  return fields;
}

/**
 * Whether the form's hook needs live server validation: some field has server-only rules
 * (`server_rules: true`), a field is unmarked (an older server cannot tell) or holds a nested
 * form (whose own fields may have some). The same answer as the React hook's
 * `serverRuleFields` being non-empty.
 */
export function needsLiveChecks(fields: Record<string, unknown>): boolean {
  return Object.values(fields).some((descriptor) => {
    if (!descriptor || typeof descriptor !== "object") return true;
    const { server_rules: rules, form } = descriptor as { server_rules?: unknown; form?: unknown };
    if (rules !== false) return true;
    return !!form && typeof form === "object" && "fields" in form && "field_order" in form;
  });
}

/**
 * Whether a form (or a nested form or formset in it) has a file field, whose data the
 * generated hook sends as `multipart/form-data` (it passes `multipartBody`).
 */
export function hasFileFields(fields: Record<string, unknown>): boolean {
  return Object.values(fields).some((descriptor) => {
    if (!descriptor || typeof descriptor !== "object") return false;
    const { widget, form } = descriptor as {
      widget?: { needs_multipart_form?: unknown };
      form?: unknown;
    };
    if (widget?.needs_multipart_form === true) return true;
    const sub = form as { fields?: unknown } | null | undefined;
    return (
      !!sub &&
      typeof sub.fields === "object" &&
      hasFileFields(sub.fields as Record<string, unknown>)
    );
  });
}

/** Forms with more top-level fields than this parse a field's events field by field. */
export const FIELD_LEVEL_MIN_FIELDS = 20;

/**
 * The second argument a generated `useMizanFormBase` call gets without catalogs:
 * `fieldLevelResolver` for a form of more than `FIELD_LEVEL_MIN_FIELDS` fields (a keystroke
 * parses one field), none for a smaller one (it parses whole, and its page does not download
 * the field-level resolver). `useMizanForm` has field-level parsing built in.
 */
export function baseResolverPart(hook: string, fieldOrder: readonly string[]): string {
  return hook === "useMizanFormBase" && fieldOrder.length > FIELD_LEVEL_MIN_FIELDS
    ? "fieldLevelResolver"
    : "";
}
