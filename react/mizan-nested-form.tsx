import { get, useFormState } from "react-hook-form";
import { errorMessages } from "./error-messages.js";
import type { FieldDescriptor, FormDescriptor } from "./meta.js";
import { MizanFields } from "./mizan-fields.js";
import { fieldId, useRenderContext } from "./render-context.js";

/** Errors on a nested form or formset as a whole (`address`, `address.root`). */
export function useNodeErrors(path: string): string[] {
  const { form } = useRenderContext();
  const { errors } = useFormState({ control: form.control, name: path });
  const own = errorMessages(get(errors, path));
  const root = errorMessages(get(errors, `${path}.root`));
  return [...own, ...root.filter((message) => !own.includes(message))];
}

/** A FormField: its sub-form's fields in a fieldset. */
export function MizanNestedForm({
  path,
  field,
  form,
}: {
  path: string;
  field: FieldDescriptor;
  form: FormDescriptor;
}) {
  const { components, idPrefix } = useRenderContext();
  const errors = useNodeErrors(path);
  const id = fieldId(idPrefix, path);
  const { Fieldset } = components;
  return (
    <Fieldset
      kind="form"
      legend={field.label}
      required={field.required}
      helpText={field.help_text}
      helpId={`${id}_helptext`}
      errors={errors}
      errorId={`${id}_error`}
    >
      <MizanFields form={form} base={path} />
    </Fieldset>
  );
}
