export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export type RuleParams = Record<string, JsonValue>;

/**
 * A shareable check: pure, synchronous, browser-safe. Returns `null` when the value passes,
 * or the dynamic message params (e.g. `{ show_value: 11 }`) when it fails. The same function
 * runs in the server's validator and in the generated client schema.
 */
export type RuleFn = (value: unknown, params: RuleParams) => null | Record<string, unknown>;

export type CoerceResult =
  | { ok: true; value: unknown }
  | { ok: false; code: string; params?: Record<string, unknown> };

/**
 * A shareable `to_python`: turns submitted input into the field's value, or names the error
 * code (looked up in the field's `errorMessage`).
 */
export type CoerceFn = (value: unknown, params: RuleParams) => CoerceResult;

/** One validator as the JSON Schema carries it (`x-mizan-validate` / `x-mizan-rules`). */
export interface RuleSpec {
  rule: string;
  code: string;
  /** Static params already filled in; dynamic ones (`%(show_value)d`) left for the caller. */
  message: string;
  params: RuleParams;
  /**
   * The message's locale key (`"MaxLengthValidator.max_length"`), so a browser can show the
   * text of another language's catalog; absent when the form's author gave the message.
   */
  key?: string;
  /**
   * Params that are words to translate (`{ protocol: "validate_ipv46_address.protocol" }`):
   * param → locale key; another language's text replaces the param's English value.
   */
  paramKeys?: Record<string, string>;
}

/** A field's `to_python` as the JSON Schema carries it (`x-mizan-coerce`). */
export interface CoerceSpec {
  kind: string;
  params: RuleParams;
}
