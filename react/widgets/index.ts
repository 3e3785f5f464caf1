import type { ComponentType } from "react";
import type { MizanWidgetProps, WidgetType } from "../components.js";
import { CheckboxInput } from "./checkbox-input.js";
import { CheckboxSelectMultiple } from "./checkbox-select-multiple.js";
import { FileInput } from "./file-input.js";
import { HiddenInput } from "./hidden-input.js";
import { MultiWidget } from "./multi-widget.js";
import { RadioSelect } from "./radio-select.js";
import { Select, SelectMultiple } from "./select.js";
import { TextInput } from "./text-input.js";
import { Textarea } from "./textarea.js";

/** The default component of each Django widget class. */
export const defaultWidgets: Record<WidgetType, ComponentType<MizanWidgetProps>> = {
  TextInput,
  NumberInput: TextInput,
  EmailInput: TextInput,
  URLInput: TextInput,
  PasswordInput: TextInput,
  DateInput: TextInput,
  DateTimeInput: TextInput,
  TimeInput: TextInput,
  HiddenInput,
  FileInput,
  ClearableFileInput: FileInput,
  Textarea,
  CheckboxInput,
  Select,
  NullBooleanSelect: Select,
  SelectMultiple,
  RadioSelect,
  CheckboxSelectMultiple,
  MultiWidget,
  SplitDateTimeWidget: MultiWidget,
};

export {
  CheckboxInput,
  CheckboxSelectMultiple,
  FileInput,
  HiddenInput,
  MultiWidget,
  RadioSelect,
  Select,
  SelectMultiple,
  Textarea,
  TextInput,
};
