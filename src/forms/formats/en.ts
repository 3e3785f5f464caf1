import type { FormatModule } from "./types.js";

/** English (Django's django/conf/locale/en/formats.py). */
export const en: FormatModule = {
  dateInputFormats: [
    "%Y-%m-%d", // 2006-10-25
    "%m/%d/%Y", // 10/25/2006
    "%m/%d/%y", // 10/25/06
    "%b %d %Y", // Oct 25 2006
    "%b %d, %Y", // Oct 25, 2006
    "%d %b %Y", // 25 Oct 2006
    "%d %b, %Y", // 25 Oct, 2006
    "%B %d %Y", // October 25 2006
    "%B %d, %Y", // October 25, 2006
    "%d %B %Y", // 25 October 2006
    "%d %B, %Y", // 25 October, 2006
  ],
  datetimeInputFormats: [
    "%Y-%m-%d %H:%M:%S", // 2006-10-25 14:30:59
    "%Y-%m-%d %H:%M:%S.%f", // 2006-10-25 14:30:59.000200
    "%Y-%m-%d %H:%M", // 2006-10-25 14:30
    "%m/%d/%Y %H:%M:%S", // 10/25/2006 14:30:59
    "%m/%d/%Y %H:%M:%S.%f", // 10/25/2006 14:30:59.000200
    "%m/%d/%Y %H:%M", // 10/25/2006 14:30
    "%m/%d/%y %H:%M:%S", // 10/25/06 14:30:59
    "%m/%d/%y %H:%M:%S.%f", // 10/25/06 14:30:59.000200
    "%m/%d/%y %H:%M", // 10/25/06 14:30
  ],
  timeInputFormats: [
    "%H:%M:%S", // 14:30:59
    "%H:%M:%S.%f", // 14:30:59.000200
    "%H:%M", // 14:30
  ],
  decimalSeparator: ".",
  thousandSeparator: ",",
  numberGrouping: 3,
};
