/** HTML attributes a renderer puts on the input. */
export type WidgetAttrs = Record<string, string | number | boolean>;

/** What a renderer reads of a widget (`fields[name].widget` in `<name>.schema`). */
export interface WidgetDescriptor {
  type: string;
  input_type: string | null;
  attrs: WidgetAttrs;
  is_hidden: boolean;
  allow_multiple_selected: boolean;
  needs_multipart_form: boolean;
}

/**
 * A widget is metadata for renderers (mizan renders in React, not on the server): Django's
 * class names, input types and attrs.
 *
 * @example
 * new CharField({ widget: new Textarea({ rows: 4 }) });
 */
export class Widget {
  static readonly widgetType: string = "Widget";
  readonly inputType: string | null = null;
  readonly isHidden: boolean = false;
  readonly allowMultipleSelected: boolean = false;
  readonly needsMultipartForm: boolean = false;
  attrs: WidgetAttrs;

  constructor(attrs: WidgetAttrs = {}) {
    this.attrs = { ...attrs };
  }

  describe(): WidgetDescriptor {
    return {
      type: (this.constructor as typeof Widget).widgetType,
      input_type: this.inputType,
      attrs: { ...this.attrs },
      is_hidden: this.isHidden,
      allow_multiple_selected: this.allowMultipleSelected,
      needs_multipart_form: this.needsMultipartForm,
    };
  }
}

export class Input extends Widget {
  static override readonly widgetType: string = "Input";
  override readonly inputType: string = "text";
}

export class TextInput extends Input {
  static override readonly widgetType: string = "TextInput";
}
export class NumberInput extends Input {
  static override readonly widgetType: string = "NumberInput";
  override readonly inputType = "number";
}
export class EmailInput extends Input {
  static override readonly widgetType: string = "EmailInput";
  override readonly inputType = "email";
}
export class URLInput extends Input {
  static override readonly widgetType: string = "URLInput";
  override readonly inputType = "url";
}
export class PasswordInput extends Input {
  static override readonly widgetType: string = "PasswordInput";
  override readonly inputType = "password";
}
export class HiddenInput extends Input {
  static override readonly widgetType: string = "HiddenInput";
  override readonly inputType = "hidden";
  override readonly isHidden = true;
}
export class DateInput extends Input {
  static override readonly widgetType: string = "DateInput";
  override readonly inputType = "date";
}
export class DateTimeInput extends Input {
  static override readonly widgetType: string = "DateTimeInput";
  override readonly inputType = "datetime-local";
}
export class TimeInput extends Input {
  static override readonly widgetType: string = "TimeInput";
  override readonly inputType = "time";
}
export class FileInput extends Input {
  static override readonly widgetType: string = "FileInput";
  override readonly inputType = "file";
  override readonly needsMultipartForm = true;
}
export class ClearableFileInput extends FileInput {
  static override readonly widgetType: string = "ClearableFileInput";
}
export class Textarea extends Widget {
  static override readonly widgetType: string = "Textarea";
  constructor(attrs: WidgetAttrs = {}) {
    super({ cols: 40, rows: 10, ...attrs });
  }
}
export class CheckboxInput extends Input {
  static override readonly widgetType: string = "CheckboxInput";
  override readonly inputType = "checkbox";
}
export class Select extends Widget {
  static override readonly widgetType: string = "Select";
  override readonly inputType: string = "select";
}
export class NullBooleanSelect extends Select {
  static override readonly widgetType: string = "NullBooleanSelect";
}
export class SelectMultiple extends Select {
  static override readonly widgetType: string = "SelectMultiple";
  override readonly allowMultipleSelected = true;
}
export class RadioSelect extends Select {
  static override readonly widgetType: string = "RadioSelect";
  override readonly inputType = "radio";
}
export class CheckboxSelectMultiple extends SelectMultiple {
  static override readonly widgetType: string = "CheckboxSelectMultiple";
  override readonly inputType = "checkbox";
}
