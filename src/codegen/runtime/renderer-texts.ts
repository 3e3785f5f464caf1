/**
 * The texts `<MizanForm>` shows of its own, in English (the locale tables' `en` wording), by
 * locale key. `mizan generate --languages` puts these keys in every other language's catalog;
 * the renderer shows the catalog's text when the page's language has one, else this.
 */
export const RENDERER_TEXTS = {
  // Django's wording: BaseForm's hidden-field prefix and NullBooleanSelect's choices.
  "Form.hidden_field_error": "(Hidden field %(name)s) %(error)s",
  "NullBooleanSelect.unknown": "Unknown",
  "NullBooleanSelect.yes": "Yes",
  "NullBooleanSelect.no": "No",
  // mizan's own: the buttons, their accessible names and MultiWidget's part names (Date and
  // Time, else "<label> (1 of 2)").
  "ui.submit": "Submit",
  "ui.add": "Add",
  "ui.remove": "Remove",
  "ui.add_named": "Add %(label)s",
  "ui.remove_named": "Remove %(legend)s",
  "ui.date": "Date",
  "ui.time": "Time",
  "ui.part_of": "%(label)s (%(index)d of %(count)d)",
} as const;

/** A key of one of the renderer's own texts. */
export type RendererTextKey = keyof typeof RENDERER_TEXTS;
