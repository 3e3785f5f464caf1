import type { FormatModule } from "./types.js";

/** French (Django's django/conf/locale/fr/formats.py); the time formats are the defaults. */
export const fr: FormatModule = {
  dateInputFormats: [
    "%d/%m/%Y", // 25/10/2006
    "%d/%m/%y", // 25/10/06
    "%d.%m.%Y", // 25.10.2006 (Swiss)
    "%d.%m.%y", // 25.10.06 (Swiss)
  ],
  datetimeInputFormats: [
    "%d/%m/%Y %H:%M:%S", // 25/10/2006 14:30:59
    "%d/%m/%Y %H:%M:%S.%f", // 25/10/2006 14:30:59.000200
    "%d/%m/%Y %H:%M", // 25/10/2006 14:30
    "%d.%m.%Y %H:%M:%S", // 25.10.2006 14:30:59 (Swiss)
    "%d.%m.%Y %H:%M:%S.%f", // 25.10.2006 14:30:59.000200 (Swiss)
    "%d.%m.%Y %H:%M", // 25.10.2006 14:30 (Swiss)
  ],
  decimalSeparator: ",",
  thousandSeparator: "\u00a0", // no-break space
  numberGrouping: 3,
};
