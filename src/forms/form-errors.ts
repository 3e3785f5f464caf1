import type { ValidationDetails, WireErrorItem } from "../core/errors.js";
import { allowsCodeGeneration } from "./code-generation.js";
import { sameStrings } from "./form-types.js";
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
  const failed = s.failed;
  if (failed !== undefined) {
    // Such a name comes first in the object (an index), whatever the list's order: use it.
    for (let i = 0; i < failed.length; i++) {
      if (indexLike(failed[i] as string)) return wireDetails(form, materialized(s), prefix);
    }
    const lists = s.lists as ErrorItem[][];
    const make = prefix === "" && failed.length > 0 ? makerOf(form, failed) : undefined;
    if (make) return { fields: make(lists, wireList), non_field: [] };
    const details: ValidationDetails = { fields: {}, non_field: [] };
    for (let i = 0; i < failed.length; i++) {
      wireEntry(form, details, failed[i] as string, lists[i] as ErrorItem[], prefix);
    }
    return details;
  }
  const details: ValidationDetails = { fields: {}, non_field: [] };
  const errors = s.errors;
  if (errors === undefined) return details;
  for (const key of Object.keys(errors)) {
    wireEntry(form, details, key, errors[key] as ErrorItem[], prefix);
  }
  return details;
}

/** A field's items as the wire carries them. */
function wireList(items: ErrorItem[]): WireErrorItem[] {
  return items.length === 1 ? [wireItem(items[0] as ErrorItem)] : items.map(wireItem);
}

// The wire's `fields` for a list of failing names seen before, made by a function compiled for
// those names: one object literal with constant keys, where a store per name under a different
// key each time costs a map transition through a megamorphic store (10 fields: ~450 ns
// against ~150). A form class's list of names gets its function the second time in a row the
// class fails with it, up to MAX_MAKERS lists per class (then no more); anything else, or a
// runtime that refuses code generation, takes the loop.

type FieldsMaker = (
  lists: ErrorItem[][],
  wire: (items: ErrorItem[]) => WireErrorItem[],
) => Record<string, WireErrorItem[]>;

interface Makers {
  readonly list: Array<{ readonly names: readonly string[]; readonly make: FieldsMaker }>;
  /** The names last seen without a maker. */
  candidate: readonly string[] | undefined;
}

const MAX_MAKERS = 8;
/** The most names a compiled literal takes. */
const MAX_NAMES = 64;
const byClass = new WeakMap<object, Makers>();

/** The maker for `names` (`form`'s failing names, in order), if there is or may now be one. */
function makerOf(form: object, names: readonly string[]): FieldsMaker | undefined {
  if (!allowsCodeGeneration()) return undefined;
  const key = Object.getPrototypeOf(form) as object;
  let makers = byClass.get(key);
  if (makers === undefined) {
    makers = { list: [], candidate: undefined };
    byClass.set(key, makers);
  }
  const list = makers.list;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as { names: readonly string[]; make: FieldsMaker };
    if (sameStrings(entry.names, names)) return entry.make;
  }
  if (list.length >= MAX_MAKERS) return undefined;
  if (makers.candidate === undefined || !sameStrings(makers.candidate, names)) {
    makers.candidate = names.length <= MAX_NAMES ? names.slice() : undefined;
    return undefined;
  }
  makers.candidate = undefined;
  const make = compileMaker(names);
  if (make) list.push({ names: names.slice(), make });
  return make;
}

function compileMaker(names: readonly string[]): FieldsMaker | undefined {
  // A key `__proto__` would set the prototype in a literal; `__all__` goes to `non_field`.
  if (names.some((name) => name === "__proto__" || name === NON_FIELD_ERRORS)) return undefined;
  const keys = names.map((name, i) => `${JSON.stringify(name)}: w(l[${i}])`);
  return new Function("l", "w", `"use strict"; return { ${keys.join(", ")} };`) as FieldsMaker;
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
  details.fields[name] = wireList(items);
}
