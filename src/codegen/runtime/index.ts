/**
 * `mizan/runtime`: what generated clients import. The field pipeline over Zod, plus the
 * server's own shared coercers, rules and message formatter, re-exported by name so that a
 * bundler keeps only what a generated form uses. Browser-safe; no React, no Node.
 */

export { coerceBool, coerceNullBool } from "../../forms/rules/boolean.js";
export { choice, choiceList, coerceStrList } from "../../forms/rules/choice.js";
export { coerceStr, maxLength, minLength, nullCharacters } from "../../forms/rules/core.js";
export { emailRule } from "../../forms/rules/email.js";
export { coerceFile, fileContentType, fileMaxSize } from "../../forms/rules/file.js";
export { COERCERS, RULES } from "../../forms/rules/index.js";
export { coerceIp, ipv4Rule, ipv6Rule, ipv46Rule } from "../../forms/rules/ip.js";
export { coerceJson } from "../../forms/rules/json.js";
export {
  coerceDecimal,
  coerceFloat,
  coerceInt,
  decimalMaxDecimalPlaces,
  decimalMaxDigits,
  decimalMaxWholeDigits,
  finite,
  maxValue,
  minValue,
  stepSize,
} from "../../forms/rules/numeric.js";
export {
  coerceDate,
  coerceDateTime,
  coerceDuration,
  coerceTime,
} from "../../forms/rules/temporal.js";
export { regexRule } from "../../forms/rules/text.js";
export type { CoerceFn, JsonValue, RuleFn, RuleParams } from "../../forms/rules/types.js";
export { coerceUrl, urlRule } from "../../forms/rules/url.js";
export { coerceUuid } from "../../forms/rules/uuid.js";
export {
  catalogLoader,
  type MessageCatalog,
  type MessageCatalogs,
  messageText,
  withCatalog,
} from "./catalog.js";
export { cleanField, type FieldSpec, field, type RuleCall } from "./field.js";
export { type FormSetSpec, formset, type SubformSpec, subform } from "./formset.js";
