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
