import { booleanCoercers } from "./boolean.js";
import { choiceCoercers, choiceRules } from "./choice.js";
import { coreCoercers, coreRules } from "./core.js";
import { emailRules } from "./email.js";
import { fileCoercers, fileRules } from "./file.js";
import { ipCoercers, ipRules } from "./ip.js";
import { jsonCoercers, jsonRules } from "./json.js";
import { numericCoercers, numericRules } from "./numeric.js";
import { temporalCoercers, temporalRules } from "./temporal.js";
import { textRules } from "./text.js";
import type { CoerceFn, RuleFn } from "./types.js";
import { urlCoercers, urlRules } from "./url.js";
import { uuidCoercers } from "./uuid.js";

/** Every shared `to_python`, by the `kind` named in `x-mizan-coerce`. */
export const COERCERS: Readonly<Record<string, CoerceFn>> = {
  ...coreCoercers,
  ...urlCoercers,
  ...uuidCoercers,
  ...ipCoercers,
  ...numericCoercers,
  ...booleanCoercers,
  ...choiceCoercers,
  ...temporalCoercers,
  ...jsonCoercers,
  ...fileCoercers,
};

/** Every shared check, by the `rule` named in `x-mizan-validate` / `x-mizan-rules`. */
export const RULES: Readonly<Record<string, RuleFn>> = {
  ...coreRules,
  ...textRules,
  ...emailRules,
  ...urlRules,
  ...ipRules,
  ...numericRules,
  ...choiceRules,
  ...temporalRules,
  ...jsonRules,
  ...fileRules,
};
