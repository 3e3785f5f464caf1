import { useFieldArray } from "react-hook-form";
import { MANAGEMENT_FORM_FIELDS, managementFieldName } from "../src/forms/native-names.js";
import { formDefaults } from "./default-values.js";
import { joinPath } from "./field-paths.js";
import type { FieldDescriptor, FormDescriptor } from "./meta.js";
import { MizanFields } from "./mizan-fields.js";
import { useNodeErrors } from "./mizan-nested-form.js";
import { fieldId, useRenderContext } from "./render-context.js";
import { useRendererText } from "./renderer-text.js";

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
  const text = useRendererText();
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
            aria-label={text("ui.remove_named", { legend })}
          >
            {text("ui.remove")}
          </Button>
        ) : null
      }
    >
      <MizanFields form={form} base={rowPath} />
    </Fieldset>
  );
}

/** Django's default `max_num` (the management form always carries a number). */
const DEFAULT_MAX_NUM = 1000;

/**
 * Django's ManagementForm: hidden `<prefix>-TOTAL_FORMS`, `-INITIAL_FORMS`, `-MIN_NUM_FORMS`
 * and `-MAX_NUM_FORMS` inputs, so a native post says how many rows it carries.
 */
function ManagementForm(props: { path: string; total: number; min: number; max: number }) {
  const values: Record<(typeof MANAGEMENT_FORM_FIELDS)[number], number> = {
    TOTAL_FORMS: props.total,
    INITIAL_FORMS: 0,
    MIN_NUM_FORMS: props.min,
    MAX_NUM_FORMS: Number.isFinite(props.max) ? props.max : DEFAULT_MAX_NUM,
  };
  return (
    <>
      {MANAGEMENT_FORM_FIELDS.map((key) => (
        <input
          key={key}
          type="hidden"
          name={managementFieldName(props.path, key)}
          value={values[key]}
          readOnly
        />
      ))}
    </>
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
  const text = useRendererText();
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
            aria-label={text("ui.add_named", { label: field.label })}
          >
            {text("ui.add")}
          </Button>
        ) : null
      }
    >
      <ManagementForm path={path} total={fields.length} min={min} max={max} />
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
