import { joinPath } from "./field-paths.js";
import type { FormDescriptor } from "./meta.js";
import { MizanField } from "./mizan-field.js";

/** Every field of a (nested) form in `field_order`, under the dotted path `base`. */
export function MizanFields({ form, base = "" }: { form: FormDescriptor; base?: string }) {
  return (
    <>
      {form.field_order.map((name) => {
        const field = form.fields[name];
        return field ? <MizanField key={name} path={joinPath(base, name)} field={field} /> : null;
      })}
    </>
  );
}
