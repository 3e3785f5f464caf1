import type { BaseForm, FormOptions } from "./base-form.js";
import type { Field } from "./field.js";
import { FileField } from "./fields/file-field.js";
import { FormField } from "./form-field.js";
import { FormSet } from "./formsets.js";

type FormCtor = new (options?: FormOptions) => BaseForm;

const INDEX = /^(0|[1-9]\d*)$/;

/**
 * The `maxSize` of the FileField a submitted file lands on, found by its dotted data path
 * (`avatar`, `address.photo`, `items.0.scan`; each form's prefix applies to its own keys):
 * the HTTP handler asks it while the upload streams, so that a file over the limit is counted
 * rather than buffered. `undefined` when the path names no FileField with a `maxSize`.
 */
export function fileLimitAt(form: FormCtor, path: string): number | undefined {
  let current: FormCtor = form;
  const segments = path.split(".");
  for (let i = 0; i < segments.length; i++) {
    const instance = new current();
    let field: Field | undefined;
    for (const [name, candidate] of instance.fields) {
      if (instance.addPrefix(name) === segments[i]) field = candidate;
    }
    const last = i === segments.length - 1;
    if (field instanceof FileField) return last ? field.maxSize : undefined;
    if (field instanceof FormField && !last) {
      current = field.form as FormCtor;
    } else if (field instanceof FormSet && i + 2 < segments.length) {
      if (!INDEX.test(segments[i + 1] as string)) return undefined;
      current = field.form as FormCtor;
      i++;
    } else {
      return undefined;
    }
  }
  return undefined;
}
