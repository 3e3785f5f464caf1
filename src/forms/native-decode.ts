// Django's `QueryDict` + `widget.value_from_datadict`, for a native (pre-JavaScript) form post:
// the submitted name/value pairs become the data mizan's JSON clients send. The form decides
// what each name means; names it does not declare are never read. Browser-safe, no Node.
import type { BaseForm, FormOptions } from "./base-form.js";
import type { Field } from "./field.js";
import { FILE_INPUT_CONTRADICTION } from "./fields/file-field.js";
import { FormField } from "./form-field.js";
import { FormSet } from "./formsets.js";
import { formatMessage, lookupMessage } from "./messages.js";
import { clearCheckboxName, htmlFieldName, multiWidgetPartName } from "./native-names.js";
import type { ErrorItem } from "./validation-error.js";
import { MultiWidget } from "./widgets/multi-widget.js";
import {
  CheckboxInput,
  ClearableFileInput,
  FileInput,
  NullBooleanSelect,
  type Widget,
} from "./widgets/widget.js";

type FormCtor = new (options?: FormOptions) => BaseForm;
// biome-ignore lint/suspicious/noExplicitAny: any field type
type AnyField = Field<any, any>;

/** One submitted name/value pair: a text value, or a file from a multipart body. */
export type FormEntry = readonly [name: string, value: string | File];

/** What `decodeFormData` gives: the form's wire data, and ManagementForm errors by path. */
export interface DecodedFormData {
  /** What a JSON client would send as `data` (files as `File`s). */
  data: Record<string, unknown>;
  /**
   * Errors found while decoding, by wire path (a formset's path, e.g. `items`): a missing or
   * tampered ManagementForm (code `missing_management_form`), or a `TOTAL_FORMS` over
   * Django's `absolute_max` (code `too_many_forms`). Empty when none.
   */
  errors: Record<string, ErrorItem[]>;
}

/** Django's `DEFAULT_MAX_NUM`, which also makes `absolute_max = max_num + 1000`. */
const DEFAULT_MAX_NUM = 1000;
/** Nested forms deeper than this (only a form that contains itself gets there) read as empty. */
const MAX_DEPTH = 32;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const MISSING_MANAGEMENT_FORM =
  "ManagementForm data is missing or has been tampered with. Missing fields: %(field_names)s. You may need to file a bug report if the issue persists.";

class Lookup {
  readonly #values = new Map<string, Array<string | File>>();
  readonly names: string[] = [];
  constructor(entries: Iterable<FormEntry>) {
    for (const [name, value] of entries) {
      const list = this.#values.get(name);
      if (list) list.push(value);
      else {
        this.#values.set(name, [value]);
        this.names.push(name);
      }
    }
  }
  has(name: string): boolean {
    return this.#values.has(name);
  }
  /** QueryDict.get: the last text value. */
  text(name: string): string | undefined {
    const list = this.#values.get(name);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const value = list[i];
      if (typeof value === "string") return value;
    }
    return undefined;
  }
  texts(name: string): string[] {
    return (this.#values.get(name) ?? []).filter((v): v is string => typeof v === "string");
  }
  /** Uploaded files under `name`; a file input left empty (no file name) sends none. */
  files(name: string): File[] {
    return (this.#values.get(name) ?? []).filter(
      (v): v is File => typeof v !== "string" && v.name !== "",
    );
  }
}

/** Django's CheckboxInput: absent is false; "true"/"false" any case; else truthiness. */
function checkbox(lookup: Lookup, name: string): boolean {
  if (!lookup.has(name)) return false;
  const value = lookup.text(name) ?? "";
  const lower = value.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return value !== "";
}

const NULL_BOOLEAN: Record<string, boolean> = {
  True: true,
  true: true,
  "2": true,
  False: false,
  false: false,
  "3": false,
};

function widgetValue(widget: Widget, name: string, lookup: Lookup, required: boolean): unknown {
  if (widget instanceof MultiWidget) {
    return widget.widgets.map(
      (part, i) => widgetValue(part, multiWidgetPartName(name, i), lookup, required) ?? null,
    );
  }
  if (widget instanceof CheckboxInput) return checkbox(lookup, name);
  if (widget instanceof NullBooleanSelect) {
    const value = lookup.text(name);
    return value !== undefined && Object.hasOwn(NULL_BOOLEAN, value) ? NULL_BOOLEAN[value] : null;
  }
  if (widget instanceof FileInput) {
    const files = lookup.files(name);
    if (widget.allowMultipleSelected) return files;
    const upload = files.at(-1);
    if (
      !required &&
      widget instanceof ClearableFileInput &&
      checkbox(lookup, clearCheckboxName(name))
    ) {
      return upload ? FILE_INPUT_CONTRADICTION : false;
    }
    return upload;
  }
  if (widget.allowMultipleSelected) return lookup.texts(name);
  return lookup.text(name);
}

/** A row nobody filled in: every value empty, unticked or absent. */
function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false) return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every(isBlank);
  }
  return false;
}

/** Django's ManagementForm IntegerField: digits with optional sign and spaces, else invalid. */
function integer(value: string | undefined): number | null {
  if (value === undefined || !INTEGER.test(value)) return null;
  return Number(value.trim());
}

class Decoder {
  readonly #instances = new Map<FormCtor, BaseForm>();
  readonly errors: Record<string, ErrorItem[]> = {};

  constructor(readonly lookup: Lookup) {}

  /** One instance per form class: field declarations only, however many rows. */
  #instance(form: FormCtor, prefix: string | undefined): BaseForm {
    if (prefix !== undefined) return new form({ prefix });
    let instance = this.#instances.get(form);
    if (!instance) {
      instance = new form();
      this.#instances.set(form, instance);
    }
    return instance;
  }

  form(form: FormCtor, html: string, wire: string, prefix?: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (wire.split(".").length > MAX_DEPTH) return out;
    const instance = this.#instance(form, prefix);
    for (const [name, field] of instance.fields) {
      if (field.disabled) continue;
      const key = instance.addPrefix(name);
      const childHtml = html ? htmlFieldName([html, key]) : key;
      const childWire = wire ? `${wire}.${key}` : key;
      const value = this.field(field, childHtml, childWire);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  field(field: AnyField, html: string, wire: string): unknown {
    if (field instanceof FormSet) return this.formSet(field, html, wire);
    if (field instanceof FormField) {
      const sub = this.form(field.form as FormCtor, html, wire);
      // An optional nested form left blank is absent (it cleans to null), as a JSON client sends.
      return !field.required && isBlank(sub) ? undefined : sub;
    }
    return widgetValue(field.widget, html, this.lookup, field.required);
  }

  #error(wire: string, item: ErrorItem): undefined {
    const list = this.errors[wire] ?? [];
    list.push(item);
    this.errors[wire] = list;
    return undefined;
  }

  // biome-ignore lint/suspicious/noExplicitAny: any sub-form
  formSet(field: FormSet<any, boolean>, html: string, wire: string): unknown {
    const lookup = this.lookup;
    const totalName = `${html}-TOTAL_FORMS`;
    const initialName = `${html}-INITIAL_FORMS`;
    const total = integer(lookup.text(totalName));
    const initial = integer(lookup.text(initialName));
    const missing = [total === null ? totalName : null, initial === null ? initialName : null];
    const names = missing.filter((n): n is string => n !== null);
    if (names.length > 0) {
      const params = { field_names: names.join(", ") };
      const key = "FormSet.missing_management_form";
      const template = lookupMessage(key);
      const message = formatMessage(template === key ? MISSING_MANAGEMENT_FORM : template, params);
      return this.#error(wire, { code: "missing_management_form", message, params });
    }
    const maxNum = field.maxNum ?? DEFAULT_MAX_NUM;
    const absoluteMax = maxNum + DEFAULT_MAX_NUM;
    if ((total as number) > absoluteMax) {
      // Django caps the forms built at absolute_max and reports too many; none are built here.
      return this.#error(
        wire,
        field.error("too_many_forms", { num: maxNum }).errors[0] as ErrorItem,
      );
    }
    const count = Math.max(0, total as number);
    // Rows Django never lets go blank (initial forms, the first min_num): cleaned as they are.
    const kept = Math.min(count, Math.max(initial as number, field.minNum));
    // Past the last row anything was sent for, every row is blank: no need to build them.
    const rowPrefix = `${html}-`;
    let lastSent = -1;
    for (const name of lookup.names) {
      if (!name.startsWith(rowPrefix)) continue;
      const index = /^(0|[1-9]\d*)-/.exec(name.slice(rowPrefix.length));
      if (index) lastSent = Math.max(lastSent, Number(index[1]));
    }
    const rows: Record<string, unknown>[] = [];
    const built = Math.min(count, Math.max(kept, lastSent + 1));
    for (let i = 0; i < built; i++) {
      rows.push(this.form(field.form as FormCtor, `${html}-${i}`, `${wire}.${i}`));
    }
    // Django's extra forms are empty_permitted: trailing blank ones are dropped, not cleaned.
    while (rows.length > kept && isBlank(rows.at(-1))) rows.pop();
    return rows;
  }
}

/**
 * Decode a native form post (Django's `QueryDict`, as `request.formData()` gives it) into the
 * data mizan's JSON clients send, field by field as Django's widgets read it:
 * a text input is the last value under its name; SelectMultiple / CheckboxSelectMultiple
 * every value (a list); a CheckboxInput `false` when absent; a FileInput the uploaded `File`
 * (an empty file input sends none) and ClearableFileInput's `<name>-clear`; a MultiWidget
 * its `<name>_0`, `<name>_1`…; a nested FormField its sub-form under `<name>-<sub field>`; a
 * FormSet the rows `<name>-<i>-<field>` its ManagementForm (`<name>-TOTAL_FORMS`,
 * `-INITIAL_FORMS`) counts, capped at Django's `absolute_max` (`maxNum` + 1000, where `maxNum`
 * defaults to 1000) before anything is built. Trailing blank rows past the initial forms and
 * `minNum` are dropped (Django's empty_permitted extra forms). Names the form does not declare
 * (`__proto__` included) are never read.
 *
 * @example
 * const { data, errors } = decodeFormData(ContactForm, await request.formData());
 * // data: { name: "Ada", topics: ["a", "b"], subscribe: false, items: [{ qty: "2" }] }
 */
export function decodeFormData(
  form: FormCtor,
  entries: Iterable<FormEntry>,
  options: { prefix?: string } = {},
): DecodedFormData {
  const decoder = new Decoder(new Lookup(entries));
  const data = decoder.form(form, "", "", options.prefix);
  return { data, errors: decoder.errors };
}

/**
 * Decoded data as it can be shown back to the user: files (and a file input's "clear"
 * contradiction) left out, everything else as sent.
 *
 * @example
 * withoutFiles({ name: "Ada", avatar: file }); // { name: "Ada" }
 */
export function withoutFiles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFiles).filter((v) => v !== undefined);
  if (typeof value === "symbol") return undefined;
  if (typeof Blob !== "undefined" && value instanceof Blob) return undefined;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kept = withoutFiles(item);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return value;
}
