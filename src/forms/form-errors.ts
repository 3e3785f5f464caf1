import type { ValidationDetails, WireErrorItem } from "../core/errors.js";
import type { ErrorItem } from "./validation-error.js";

// A form's errors while the pipeline runs: two lists, the names (each once, in the order of
// its first error) and their items (two arrays of up to 17 cost less than one of 41), made
// into the `form.errors` object when first read.
// A validate call never reads the object: it goes straight to the wire details, without a
// store into a fresh object under a different key per failing field.

/** Django's key for errors that belong to no field. */
export const NON_FIELD_ERRORS = "__all__";

/** The error slots of a form's state. */
export interface ErrorSlots {
  /** The object, once made (or once given errors before a cleaning began). */
  errors: Record<string, ErrorItem[]> | undefined;
  /** The failing names since the cleaning began, while nobody read the object... */
  failed: string[] | undefined;
  /** ...and their items. */
  lists: ErrorItem[][] | undefined;
}

/** The `failed` of a cleaning with no error yet (shared: replaced by the first error's list). */
const NONE: string[] = [];

/** The errors object (made from the list on first read); undefined before any cleaning. */
export function errorsOf(s: ErrorSlots): Record<string, ErrorItem[]> | undefined {
  const failed = s.failed;
  if (failed !== undefined) {
    const lists = s.lists as ErrorItem[][];
    const errors: Record<string, ErrorItem[]> = {};
    for (let i = 0; i < failed.length; i++) errors[failed[i] as string] = lists[i] as ErrorItem[];
    s.errors = errors;
    s.failed = undefined;
    s.lists = undefined;
  }
  return s.errors;
}

/** Starts a cleaning: no errors yet, kept as a list. */
export function clearErrors(s: ErrorSlots): void {
  s.errors = undefined;
  s.failed = NONE;
  s.lists = undefined;
}

/** Adds `items` to `key`'s errors (`fresh`: the caller's own list, adopted as it is). */
export function addErrors(s: ErrorSlots, key: string, items: ErrorItem[], fresh: boolean): void {
  let failed = s.failed;
  if (failed !== undefined) {
    if (failed === NONE) {
      s.failed = failed = [];
      s.lists = [];
    }
    const lists = s.lists as ErrorItem[][];
    const at = failed.indexOf(key);
    if (at >= 0) {
      const list = lists[at] as ErrorItem[];
      for (const item of items) list.push(item);
      return;
    }
    failed.push(key);
    lists.push(fresh ? items : copied(items));
    return;
  }
  s.errors ??= {};
  const list = s.errors[key];
  if (list) for (const item of items) list.push(item);
  else s.errors[key] = fresh ? items : copied(items);
}

/** A copy of `items` (most lists have one item: a literal costs less than `slice`). */
function copied(items: ErrorItem[]): ErrorItem[] {
  return items.length === 1 ? [items[0] as ErrorItem] : items.slice();
}

const wireItem = (item: ErrorItem): WireErrorItem => ({ message: item.message, code: item.code });

/** Whether an object may order `name` before the others (an array index starts with a digit). */
function indexLike(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * The errors as the wire carries them: prefixed names (`prefix`, or the form's own
 * `addPrefix` when undefined), dotted paths, `non_field`; in the order of `form.errors`.
 */
export function wireDetails(
  form: { addPrefix(name: string): string },
  s: ErrorSlots,
  prefix: string | undefined,
): ValidationDetails {
  const details: ValidationDetails = { fields: {}, non_field: [] };
  const failed = s.failed;
  if (failed !== undefined) {
    // Such a name comes first in the object (an index), whatever the list's order: use it.
    for (let i = 0; i < failed.length; i++) {
      if (indexLike(failed[i] as string)) return wireDetails(form, materialized(s), prefix);
    }
    const lists = s.lists as ErrorItem[][];
    for (let i = 0; i < failed.length; i++) {
      wireEntry(form, details, failed[i] as string, lists[i] as ErrorItem[], prefix);
    }
    return details;
  }
  const errors = s.errors;
  if (errors === undefined) return details;
  for (const key of Object.keys(errors)) {
    wireEntry(form, details, key, errors[key] as ErrorItem[], prefix);
  }
  return details;
}

function materialized(s: ErrorSlots): ErrorSlots {
  errorsOf(s);
  return s;
}

function wireEntry(
  form: { addPrefix(name: string): string },
  details: ValidationDetails,
  key: string,
  items: ErrorItem[],
  prefix: string | undefined,
): void {
  if (key === NON_FIELD_ERRORS) {
    for (const item of items) details.non_field.push(wireItem(item));
    return;
  }
  const name = prefix === undefined ? form.addPrefix(key) : prefix ? `${prefix}-${key}` : key;
  details.fields[name] =
    items.length === 1 ? [wireItem(items[0] as ErrorItem)] : items.map(wireItem);
}
