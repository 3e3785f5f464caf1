import type { FormatModule } from "./types.js";

/** Spanish (Django's django/conf/locale/es/formats.py); the time formats are the defaults. */
export const es: FormatModule = {
  dateInputFormats: [
    "%d/%m/%Y", // 31/12/2009
    "%d/%m/%y", // 31/12/09
  ],
  datetimeInputFormats: [
    "%d/%m/%Y %H:%M:%S", // 31/12/2009 14:30:59
    "%d/%m/%Y %H:%M:%S.%f", // 31/12/2009 14:30:59.000200
    "%d/%m/%Y %H:%M", // 31/12/2009 14:30
    "%d/%m/%y %H:%M:%S", // 31/12/09 14:30:59
    "%d/%m/%y %H:%M:%S.%f", // 31/12/09 14:30:59.000200
    "%d/%m/%y %H:%M", // 31/12/09 14:30
  ],
  decimalSeparator: ",",
  thousandSeparator: ".",
  numberGrouping: 3,
};
