import type { FormatModule } from "./types.js";

/** German (Django's django/conf/locale/de/formats.py); the time formats are the defaults. */
export const de: FormatModule = {
  dateInputFormats: [
    "%d.%m.%Y", // 25.10.2006
    "%d.%m.%y", // 25.10.06
  ],
  datetimeInputFormats: [
    "%d.%m.%Y %H:%M:%S", // 25.10.2006 14:30:59
    "%d.%m.%Y %H:%M:%S.%f", // 25.10.2006 14:30:59.000200
    "%d.%m.%Y %H:%M", // 25.10.2006 14:30
  ],
  decimalSeparator: ",",
  thousandSeparator: ".",
  numberGrouping: 3,
};
