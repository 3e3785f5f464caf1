import type { FormatModule } from "./types.js";

/**
 * Arabic (Django's django/conf/locale/ar/formats.py): only the separators; the input formats
 * and the grouping are the project defaults.
 */
export const ar: FormatModule = {
  decimalSeparator: ",",
  thousandSeparator: ".",
};
