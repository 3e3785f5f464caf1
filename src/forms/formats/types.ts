/**
 * A language's number and date input formats, as Django's `django/conf/locale/<lang>/formats.py`
 * defines them (only what form input needs). A name the language leaves out falls back to
 * the project-wide default (Django's settings), as Django's `get_format` does.
 */
export interface FormatModule {
  /** Python `strptime` formats DateField tries, in order (Django's DATE_INPUT_FORMATS). */
  dateInputFormats?: readonly string[];
  /** TimeField's formats (TIME_INPUT_FORMATS). */
  timeInputFormats?: readonly string[];
  /** DateTimeField's formats, tried before the date formats (DATETIME_INPUT_FORMATS). */
  datetimeInputFormats?: readonly string[];
  /** DECIMAL_SEPARATOR, e.g. "," in French. */
  decimalSeparator?: string;
  /** THOUSAND_SEPARATOR, e.g. "\u00a0" (no-break space) in French. */
  thousandSeparator?: string;
  /** NUMBER_GROUPING: digits per group when numbers are displayed (0: no grouping). */
  numberGrouping?: number;
}

/** The names of a {@link FormatModule}. */
export type FormatName = keyof FormatModule;
