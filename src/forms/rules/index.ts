import { coreCoercers, coreRules } from "./core.js";
import { fileCoercers, fileRules } from "./file.js";
import { jsonCoercers, jsonRules } from "./json.js";
import { numericCoercers, numericRules } from "./numeric.js";
import { temporalCoercers, temporalRules } from "./temporal.js";
import { textCoercers, textRules } from "./text.js";
import type { CoerceFn, RuleFn } from "./types.js";

/** Every shared `to_python`, by the `kind` named in `x-mizan-coerce`. */
export const COERCERS: Readonly<Record<string, CoerceFn>> = {
  ...coreCoercers,
  ...textCoercers,
  ...numericCoercers,
  ...temporalCoercers,
  ...jsonCoercers,
  ...fileCoercers,
};

/** Every shared check, by the `rule` named in `x-mizan-validate` / `x-mizan-rules`. */
export const RULES: Readonly<Record<string, RuleFn>> = {
  ...coreRules,
  ...textRules,
  ...numericRules,
  ...temporalRules,
  ...jsonRules,
  ...fileRules,
};
