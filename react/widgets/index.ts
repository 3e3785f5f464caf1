import type { ComponentType } from "react";
import type { MizanWidgetProps, WidgetType } from "../components.js";
import { MizanCheckboxInput } from "./checkbox-input.js";
import { MizanCheckboxSelectMultiple } from "./checkbox-select-multiple.js";
import { MizanFileInput } from "./file-input.js";
import { MizanHiddenInput } from "./hidden-input.js";
import { MizanMultiWidget } from "./multi-widget.js";
import { MizanRadioSelect } from "./radio-select.js";
import { MizanSelect, MizanSelectMultiple } from "./select.js";
import { MizanTextInput } from "./text-input.js";
import { MizanTextarea } from "./textarea.js";

/** The default component of each Django widget class. */
export const defaultWidgets: Record<WidgetType, ComponentType<MizanWidgetProps>> = {
  TextInput: MizanTextInput,
  NumberInput: MizanTextInput,
  EmailInput: MizanTextInput,
  URLInput: MizanTextInput,
  PasswordInput: MizanTextInput,
  DateInput: MizanTextInput,
  DateTimeInput: MizanTextInput,
  TimeInput: MizanTextInput,
  HiddenInput: MizanHiddenInput,
  FileInput: MizanFileInput,
  ClearableFileInput: MizanFileInput,
  Textarea: MizanTextarea,
  CheckboxInput: MizanCheckboxInput,
  Select: MizanSelect,
  NullBooleanSelect: MizanSelect,
  SelectMultiple: MizanSelectMultiple,
  RadioSelect: MizanRadioSelect,
  CheckboxSelectMultiple: MizanCheckboxSelectMultiple,
  MultiWidget: MizanMultiWidget,
  SplitDateTimeWidget: MizanMultiWidget,
};

export {
  MizanCheckboxInput,
  MizanCheckboxSelectMultiple,
  MizanFileInput,
  MizanHiddenInput,
  MizanMultiWidget,
  MizanRadioSelect,
  MizanSelect,
  MizanSelectMultiple,
  MizanTextarea,
  MizanTextInput,
};
