// The names a native (pre-JavaScript) form post uses, Django's way. Pure and import-free: the
// server decodes with it and the React bindings render `name` attributes with it.

/** One step of a wire data path: a form's key (prefix applied) or a formset row index. */
export type FieldPathSegment = string | number;

/** Django's hidden CSRF field, compared with the `csrftoken` cookie on a native post. */
export const CSRF_FIELD_NAME = "csrfmiddlewaretoken";

/** The form field (or query parameter) naming where to go after a successful native post. */
export const NEXT_FIELD_NAME = "next";

/**
 * Where a native `<form method="post">` of the form `name` posts: the handler's
 * `POST {basePath}/form/<name>/` endpoint.
 *
 * @example
 * formActionUrl("contact");               // "/api/mizan/form/contact/"
 * formActionUrl("contact", "/rpc");       // "/rpc/form/contact/"
 */
export function formActionUrl(name: string, basePath = "/api/mizan"): string {
  return `${basePath.replace(/\/+$/, "")}/form/${encodeURIComponent(name)}/`;
}

/** Django's ManagementForm fields of a formset, in its order. */
export const MANAGEMENT_FORM_FIELDS = [
  "TOTAL_FORMS",
  "INITIAL_FORMS",
  "MIN_NUM_FORMS",
  "MAX_NUM_FORMS",
] as const;

export type ManagementFormField = (typeof MANAGEMENT_FORM_FIELDS)[number];

function segments(path: string | readonly FieldPathSegment[]): FieldPathSegment[] {
  return typeof path === "string" ? path.split(".") : [...path];
}

/**
 * The HTML `name` of a field, from its wire data path (the path its errors use): segments
 * joined with `-`, as Django's `add_prefix` and formset prefixes do. Each segment is a key as
 * its own form spells it (a form prefix already applied: `p-email`), or a formset row index.
 * A dotted string is split on `.`.
 *
 * @example
 * htmlFieldName("email");              // "email"
 * htmlFieldName(["p-email"]);          // "p-email" (a form with prefix "p")
 * htmlFieldName("address.street");     // "address-street" (a nested FormField)
 * htmlFieldName(["items", 0, "qty"]);  // "items-0-qty" (a formset row)
 */
export function htmlFieldName(path: string | readonly FieldPathSegment[]): string {
  return segments(path).map(String).join("-");
}

/**
 * The name of one ManagementForm field of the formset at `path`: `<prefix>-TOTAL_FORMS`, the
 * formset's prefix being its own HTML name.
 *
 * @example
 * managementFieldName("items", "TOTAL_FORMS");                // "items-TOTAL_FORMS"
 * managementFieldName(["order", "lines"], "INITIAL_FORMS");   // "order-lines-INITIAL_FORMS"
 */
export function managementFieldName(
  path: string | readonly FieldPathSegment[],
  field: ManagementFormField,
): string {
  return `${htmlFieldName(path)}-${field}`;
}

/**
 * The name of part `index` of a MultiWidget (a SplitDateTimeField's date and time inputs):
 * Django's `<name>_<index>`.
 *
 * @example
 * multiWidgetPartName("when", 1); // "when_1"
 */
export function multiWidgetPartName(name: string, index: number): string {
  return `${name}_${index}`;
}

/**
 * The "clear" checkbox of a ClearableFileInput named `name`: Django's `<name>-clear`.
 *
 * @example
 * clearCheckboxName("avatar"); // "avatar-clear"
 */
export function clearCheckboxName(name: string): string {
  return `${name}-clear`;
}
