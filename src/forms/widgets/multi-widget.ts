import { coerceDateTime } from "../rules/temporal.js";
import { DateInput, TimeInput, Widget, type WidgetAttrs, type WidgetDescriptor } from "./widget.js";

/** A MultiWidget as renderers read it: its own descriptor plus one per part, in order. */
export interface MultiWidgetDescriptor extends WidgetDescriptor {
  /** The parts' widgets; the value is an array with one item per part. */
  subwidgets: WidgetDescriptor[];
}

/**
 * Django's MultiWidget: several widgets that hold one array value together (item `i` is
 * what widget `i` shows), for a MultiValueField. `decompress()` splits a stored value that
 * is not yet an array (a disabled field's initial, an initial the renderer must show) into
 * the parts; a subclass that is given such values implements it.
 *
 * @example
 * class PhoneWidget extends MultiWidget {
 *   constructor() { super([new TextInput({ size: 3 }), new TextInput()]); }
 *   override decompress(value: unknown) {
 *     return typeof value === "string" ? value.split("-", 2) : [null, null];
 *   }
 * }
 */
export class MultiWidget extends Widget {
  static override readonly widgetType: string = "MultiWidget";
  readonly widgets: readonly Widget[];
  /** Django: hidden only when every part is. */
  override readonly isHidden: boolean;
  /** Django: multipart when any part needs it. */
  override readonly needsMultipartForm: boolean;

  constructor(widgets: readonly Widget[], attrs: WidgetAttrs = {}) {
    super(attrs);
    this.widgets = [...widgets];
    this.isHidden = this.widgets.length > 0 && this.widgets.every((w) => w.isHidden);
    this.needsMultipartForm = this.widgets.some((w) => w.needsMultipartForm);
  }

  /**
   * Django's `decompress`: the parts of a single stored value. The base class knows no
   * stored form, like Django's: each subclass says how a value splits into parts.
   */
  decompress(_value: unknown): unknown[] {
    throw new Error(
      `${(this.constructor as typeof Widget).widgetType} must implement decompress().`,
    );
  }

  override describe(): MultiWidgetDescriptor {
    return { ...super.describe(), subwidgets: this.widgets.map((w) => w.describe()) };
  }
}

export interface SplitDateTimeWidgetOptions {
  /** Attributes of both inputs (Django's `attrs`), unless `dateAttrs`/`timeAttrs` are given. */
  attrs?: WidgetAttrs;
  /** Attributes of the date input (Django's `date_attrs`). */
  dateAttrs?: WidgetAttrs;
  /** Attributes of the time input (Django's `time_attrs`). */
  timeAttrs?: WidgetAttrs;
}

/**
 * Django's SplitDateTimeWidget: a DateInput and a TimeInput (`<input type="date">` and
 * `<input type="time">` in mizan's renderer) holding `[date, time]`. `decompress()` turns a
 * datetime (ISO string or JS `Date`) into `["YYYY-MM-DD", "HH:MM:SS[.ffffff]"]`; an offset is
 * dropped and the wall-clock time kept (mizan has no current time zone to convert to).
 *
 * @example
 * new SplitDateTimeField({ widget: new SplitDateTimeWidget({ timeAttrs: { step: 1 } }) });
 */
export class SplitDateTimeWidget extends MultiWidget {
  static override readonly widgetType: string = "SplitDateTimeWidget";

  constructor(options: SplitDateTimeWidgetOptions = {}) {
    super([
      new DateInput(options.dateAttrs ?? options.attrs ?? {}),
      new TimeInput(options.timeAttrs ?? options.attrs ?? {}),
    ]);
  }

  override decompress(value: unknown): [string | null, string | null] {
    if (value === null || value === undefined || value === "") return [null, null];
    const result = coerceDateTime(value, { input_formats: [] });
    if (!result.ok) return [null, null];
    const iso = result.value as string;
    const [date, rest = ""] = iso.split("T");
    // "HH:MM:SS[.ffffff]" then an optional "+HH:MM" offset.
    const time = /^[0-9:.]+/.exec(rest)?.[0] ?? null;
    return [date ?? null, time];
  }
}
