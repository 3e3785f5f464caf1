import { useFieldArray } from "react-hook-form";
import { formDefaults } from "./default-values.js";
import { joinPath } from "./field-paths.js";
import type { FieldDescriptor, FormDescriptor } from "./meta.js";
import { MizanFields } from "./mizan-fields.js";
import { useNodeErrors } from "./mizan-nested-form.js";
import { fieldId, useRenderContext } from "./render-context.js";

function FormSetRow({
  path,
  index,
  label,
  form,
  onRemove,
}: {
  path: string;
  index: number;
  label: string;
  form: FormDescriptor;
  onRemove: (() => void) | undefined;
}) {
  const { components, idPrefix, disabled } = useRenderContext();
  const rowPath = joinPath(path, index);
  const errors = useNodeErrors(rowPath);
  const id = fieldId(idPrefix, rowPath);
  const { Fieldset, Button } = components;
  const legend = `${label} ${index + 1}`;
  return (
    <Fieldset
      kind="row"
      legend={legend}
      required={false}
      helpText=""
      helpId={`${id}_helptext`}
      errors={errors}
      errorId={`${id}_error`}
      actions={
        onRemove ? (
          <Button
            className="mizan-remove"
            onClick={onRemove}
            disabled={disabled}
            aria-label={`Remove ${legend}`}
          >
            Remove
          </Button>
        ) : null
      }
    >
      <MizanFields form={form} base={rowPath} />
    </Fieldset>
  );
}

/** A FormSet: one fieldset per item, with add and remove buttons within `min_num`..`max_num`. */
export function MizanFormSet({
  path,
  field,
  form,
}: {
  path: string;
  field: FieldDescriptor;
  form: FormDescriptor;
}) {
  const { form: owner, components, idPrefix, disabled } = useRenderContext();
  const { fields, append, remove } = useFieldArray({ control: owner.control, name: path });
  const errors = useNodeErrors(path);
  const min = typeof field.min_num === "number" ? field.min_num : 0;
  const max = typeof field.max_num === "number" ? field.max_num : Number.POSITIVE_INFINITY;
  const id = fieldId(idPrefix, path);
  const { Fieldset, Button } = components;
  return (
    <Fieldset
      kind="formset"
      legend={field.label}
      required={min > 0}
      helpText={field.help_text}
      helpId={`${id}_helptext`}
      errors={errors}
      errorId={`${id}_error`}
      actions={
        fields.length < max ? (
          <Button
            className="mizan-add"
            onClick={() => append(formDefaults(form))}
            disabled={disabled}
            aria-label={`Add ${field.label}`}
          >
            Add
          </Button>
        ) : null
      }
    >
      {fields.map((row, index) => (
        <FormSetRow
          key={row.id}
          path={path}
          index={index}
          label={field.label}
          form={form}
          onRemove={fields.length > min ? () => remove(index) : undefined}
        />
      ))}
    </Fieldset>
  );
}
