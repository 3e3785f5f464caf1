import { formatMessage } from "./message-format.js";
import type { MessageTemplate } from "./message-types.js";
import type { RuleSpec } from "./rules/types.js";

// What a field's JSON Schema says about its messages' locale keys (`x-mizan-message-keys`,
// `RuleSpec.key`), so a browser can show the text of another language. A message the form's
// author wrote has no key: it stays literal in every language, as in Django.

/**
 * The `defaultErrorMessages` of a field class and its ancestors, merged base first: code →
 * locale key (`{ required: "Field.required", invalid: "IntegerField.invalid" }`).
 */
export function classMessageKeys(cls: unknown): Record<string, string> {
  const chain: Array<Record<string, string>> = [];
  let current = cls as { defaultErrorMessages?: Record<string, string> } | null;
  while (current && current !== (Function.prototype as unknown)) {
    if (Object.hasOwn(current, "defaultErrorMessages") && current.defaultErrorMessages)
      chain.unshift(current.defaultErrorMessages);
    current = Object.getPrototypeOf(current);
  }
  return Object.assign({}, ...chain);
}

/** A validator's rule as the field exports it: the field's override replaces text and key. */
export function ruleWithOverride(spec: RuleSpec, override: MessageTemplate | undefined): RuleSpec {
  if (!override) return spec;
  const { key: _key, ...rest } = spec;
  return { ...rest, message: formatMessage(override, spec.params) };
}

/** A check from the field's `validate()`: it shows the field's message for its code. */
export function withFieldKey(spec: RuleSpec, keys: Record<string, string>): RuleSpec {
  const key = spec.key ?? keys[spec.code];
  return key === undefined ? spec : { ...spec, key };
}
