import type { ComponentType } from "react";
import { useController } from "react-hook-form";
import { htmlFieldName } from "../src/forms/native-names.js";
import type { MizanWidgetProps } from "./components.js";
import { useFieldError } from "./field-error.js";
import { widgetAttrs } from "./html-attrs.js";
import { type FieldDescriptor, isFormSet, subFormOf } from "./meta.js";
import { MizanFormSet } from "./mizan-formset.js";
import { MizanNestedForm } from "./mizan-nested-form.js";
import { fieldId, type RenderContextValue, useRenderContext } from "./render-context.js";
import { defaultWidgets } from "./widgets/index.js";

// Several inputs under one label: a fieldset whose legend is the label.
const GROUP_WIDGETS = new Set([
  "RadioSelect",
  "CheckboxSelectMultiple",
  "MultiWidget",
  "SplitDateTimeWidget",
]);

function isGroup(field: FieldDescriptor): boolean {
  const { type, input_type, allow_multiple_selected } = field.widget;
  if (GROUP_WIDGETS.has(type)) return true;
  if (type in defaultWidgets) return false;
  return input_type === "radio" || (input_type === "checkbox" && allow_multiple_selected);
}

/** The component for a widget: `components.widgets[type]`, else by input type. */
function widgetFor(
  field: FieldDescriptor,
  components: RenderContextValue["components"],
): ComponentType<MizanWidgetProps> {
  const { type, input_type, allow_multiple_selected } = field.widget;
  const given = components.widgets[type];
  if (given) return given;
  const byInput: Record<string, string> = {
    checkbox: allow_multiple_selected ? "CheckboxSelectMultiple" : "CheckboxInput",
    radio: "RadioSelect",
    select: allow_multiple_selected ? "SelectMultiple" : "Select",
    file: "FileInput",
    hidden: "HiddenInput",
  };
  const fallback = input_type ? byInput[input_type] : undefined;
  return (
    (fallback && components.widgets[fallback]) ||
    components.widgets.TextInput ||
    defaultWidgets.TextInput
  );
}

function ControlledField({ path, field }: { path: string; field: FieldDescriptor }) {
  const { form, components, idPrefix, disabled } = useRenderContext();
  const { field: control } = useController({ control: form.control, name: path });
  // Client and server messages, with those a field whose value is an array (MultiWidget,
  // SelectMultiple) gets at `<path>.root` (react-hook-form's field-array convention; see
  // errorTarget); only this field re-renders when they change.
  const errors = useFieldError(path, form);
  const id = fieldId(idPrefix, path);
  const helpId = `${id}_helptext`;
  const errorId = `${id}_error`;
  const invalid = errors.length > 0;
  const describedBy =
    [field.help_text ? helpId : "", invalid ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const Widget = widgetFor(field, components);
  const group = isGroup(field);
  const hidden = field.widget.is_hidden;
  const { FieldRow } = components;
  return (
    <FieldRow
      id={id}
      field={field}
      label={field.label}
      required={field.required}
      group={group}
      hidden={hidden}
      invalid={invalid}
      helpText={field.help_text}
      helpId={helpId}
      errors={errors}
      errorId={errorId}
    >
      <Widget
        id={id}
        name={htmlFieldName(path)}
        field={field}
        value={control.value}
        onChange={control.onChange}
        onBlur={() => {
          control.onBlur();
          form.onFieldBlur(path);
        }}
        inputRef={control.ref}
        disabled={disabled || field.disabled}
        required={field.required}
        invalid={invalid}
        describedBy={describedBy}
        attrs={widgetAttrs(field)}
      />
    </FieldRow>
  );
}

/** One field of the schema metadata at a dotted path: a widget, a nested form or a formset. */
export function MizanField({ path, field }: { path: string; field: FieldDescriptor }) {
  const sub = subFormOf(field);
  if (sub && isFormSet(field)) return <MizanFormSet path={path} field={field} form={sub} />;
  if (sub) return <MizanNestedForm path={path} field={field} form={sub} />;
  return <ControlledField path={path} field={field} />;
}
