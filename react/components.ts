import type { ComponentType, ReactNode } from "react";
import type { HtmlAttrs } from "./html-attrs.js";
import type { FieldDescriptor } from "./meta.js";

/** What every widget component receives; a UI kit's input only needs these. */
export interface MizanWidgetProps {
  /** The element id the label's `for` points at (groups: the first option's id). */
  id: string;
  /**
   * The input's HTML `name`, Django's (`items-0-qty` for the field at the dotted path
   * `items.0.qty`), which a native post without JavaScript sends.
   */
  name: string;
  field: FieldDescriptor;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  /** Give it to the focusable element, so focus can move to the first invalid field. */
  inputRef: (element: HTMLElement | null) => void;
  disabled: boolean;
  required: boolean;
  invalid: boolean;
  /** Ids of the help text and the error list; the input's `aria-describedby`. */
  describedBy: string | undefined;
  /** HTML attributes from the server (widget attrs, `maxLength`, `min`, ...), React-cased. */
  attrs: HtmlAttrs;
}

export interface FieldRowProps {
  id: string;
  field: FieldDescriptor;
  label: string;
  required: boolean;
  /** Radio and checkbox groups: a `<fieldset>` with a `<legend>` instead of `<label for>`. */
  group: boolean;
  hidden: boolean;
  invalid: boolean;
  helpText: string;
  helpId: string;
  errors: string[];
  errorId: string;
  children: ReactNode;
}

export interface ErrorListProps {
  id?: string;
  messages: string[];
  className?: string;
}

export interface NonFieldErrorsProps {
  messages: string[];
}

export interface FieldsetProps {
  legend: string;
  required: boolean;
  /** `"form"` for a nested form, `"formset"` around a formset, `"row"` for one of its items. */
  kind: "form" | "formset" | "row";
  helpText: string;
  helpId: string;
  errors: string[];
  errorId: string;
  /** Formset rows: the remove button. */
  actions?: ReactNode;
  children: ReactNode;
}

export interface ButtonProps {
  onClick?: () => void;
  type?: "button" | "submit";
  disabled?: boolean;
  "aria-label"?: string;
  className?: string;
  children: ReactNode;
}

/** Django's widget class names, each rendered by one component. */
export type WidgetType =
  | "TextInput"
  | "NumberInput"
  | "EmailInput"
  | "URLInput"
  | "PasswordInput"
  | "HiddenInput"
  | "DateInput"
  | "DateTimeInput"
  | "TimeInput"
  | "FileInput"
  | "ClearableFileInput"
  | "Textarea"
  | "CheckboxInput"
  | "Select"
  | "NullBooleanSelect"
  | "SelectMultiple"
  | "RadioSelect"
  | "CheckboxSelectMultiple"
  | "MultiWidget"
  | "SplitDateTimeWidget";

/** Every part `<MizanForm>` renders; replace any of them through its `components` prop. */
export interface MizanComponents {
  /** Widgets by widget class name; custom widget classes add their own names. */
  widgets: Partial<Record<WidgetType, ComponentType<MizanWidgetProps>>> &
    Record<string, ComponentType<MizanWidgetProps> | undefined>;
  FieldRow: ComponentType<FieldRowProps>;
  ErrorList: ComponentType<ErrorListProps>;
  NonFieldErrors: ComponentType<NonFieldErrorsProps>;
  Fieldset: ComponentType<FieldsetProps>;
  Button: ComponentType<ButtonProps>;
}

export type MizanComponentsOverride = Partial<MizanComponents>;
