import { localeVersion } from "../locale-registry.js";
import { fillTwice, partsOf, type TextParts } from "../message-cache.js";
import { activeLocale, templateText } from "../message-format.js";
import { formatMessage, lookupMessage, type MessageTemplate } from "../messages.js";
import type { RuleFn, RuleParams, RuleSpec } from "../rules/types.js";
import { type ErrorItem, errorFromItems } from "../validation-error.js";

/** An object validator; those with `toRule()` are shared with the browser. */
export interface ValidatorObject {
  validate(value: unknown): void;
  toRule?(): RuleSpec;
}

/** A plain function (server-only) or a validator object. Throw ValidationError to reject. */
export type Validator = ((value: unknown) => void) | ValidatorObject;

export function runValidator(validator: Validator, value: unknown): void {
  if (typeof validator === "function") validator(value);
  else validator.validate(value);
}

export function ruleOf(validator: Validator): RuleSpec | undefined {
  return typeof validator === "function" ? undefined : validator.toRule?.();
}

/**
 * @internal A failure's params (`Object.assign({}, params, failure)`) as one literal, for the
 * params a built-in validator made itself; undefined when `failure` has another shape.
 */
export type ParamsLiteral = (
  params: RuleParams,
  failure: Record<string, unknown>,
) => RuleParams | undefined;

/**
 * @internal Whether `failure`'s keys are `keys`, in order (a rule's failure is its own
 * literal: string keys only).
 */
export function keysAre(failure: Record<string, unknown>, keys: readonly string[]): boolean {
  let n = 0;
  for (const key in failure) if (key !== keys[n++]) return false;
  return n === keys.length;
}

/** @internal The keys of most rules' failure: `{ value }`. */
export const VALUE_KEY: readonly string[] = ["value"];

/** @internal A rule validator's state, in one shape for every subclass (see `ruleFailure`). */
export interface RuleState {
  readonly fn: RuleFn;
  params: RuleParams;
  /**
   * Set by a built-in subclass for the params it made, while no one else holds them: the
   * `params` accessors and `toRule` drop it, so a copy always has every key (symbols too).
   */
  literal: ParamsLiteral | undefined;
  readonly code: string;
  readonly message: MessageTemplate | undefined;
  readonly messageKey: string;
  /** Undefined when the rule has no params to translate. */
  readonly paramKeys: Readonly<Record<string, string>> | undefined;
  /** The locale template of `messageKey` last looked up: its language and registry version. */
  language: string | undefined;
  version: number;
  template: MessageTemplate | undefined;
  /** The last template text formatted, and its `partsOf`. */
  text: string | undefined;
  parts: TextParts | undefined;
}

/** `lookupMessage(state.messageKey)`, remembered while the language and the registry stay. */
function localeTemplate(state: RuleState): MessageTemplate {
  const language = activeLocale();
  const version = localeVersion();
  if (state.language !== language || state.version !== version) {
    state.template = lookupMessage(state.messageKey, language);
    state.language = language;
    state.version = version;
  }
  return state.template as MessageTemplate;
}

/**
 * @internal The item a rule validator's `validate` raises, or undefined when `value` passes.
 * A field calls it on the validator's state: the same reads whatever the subclass.
 */
export function ruleFailure(state: RuleState, value: unknown): ErrorItem | undefined {
  const failure = state.fn(value, state.params);
  return failure ? ruleItem(state, failure) : undefined;
}

/**
 * @internal The item for a rule's `failure` (what `state.fn` returned for a value): the part
 * of `ruleFailure` after the check, for a caller that made the check itself.
 */
export function ruleItem(state: RuleState, failure: Record<string, unknown>): ErrorItem {
  const params: RuleParams =
    (state.literal !== undefined ? state.literal(state.params, failure) : undefined) ??
    Object.assign({}, state.params, failure);
  const paramKeys = state.paramKeys;
  if (paramKeys) {
    for (const name of Object.keys(paramKeys)) {
      const key = paramKeys[name] as string;
      const word = lookupMessage(key);
      if (typeof word === "string" && word !== key) params[name] = word;
    }
  }
  const template = state.message ?? localeTemplate(state);
  // formatTemplate(template, params), the split parts kept with the state; then the item
  // `new ValidationError(message, { code, params })` builds (it formats again, which changes
  // something only when a placeholder is left).
  let message = templateText(template, params);
  // The text last formatted holds a `%(` (it was searched then): a text is searched only when
  // it changed (another plural form, language or override).
  if (message === state.text) {
    message = fillTwice(message, params, state.parts);
  } else if (message.includes("%(")) {
    state.parts = partsOf(message);
    state.text = message;
    message = fillTwice(message, params, state.parts);
  }
  return { code: state.code, message, params };
}

let stateOf: (validator: RuleValidator) => RuleState;

/**
 * @internal For a built-in subclass's constructor, right after `super()`: its params (made
 * there, held by no one else) take their failures' params as `literal` builds them.
 */
export function setParamsLiteral(validator: RuleValidator, literal: ParamsLiteral): void {
  stateOf(validator).literal = literal;
}

/**
 * @internal The state of `validator` when its `failure` is RuleValidator's own (a field may
 * then call `ruleFailure` on it), else undefined.
 */
export function plainRuleState(validator: Validator): RuleState | undefined {
  return validator instanceof RuleValidator && validator.failure === RULE_FAILURE
    ? stateOf(validator)
    : undefined;
}

/**
 * A validator made of a shared rule function: the server calls it here, the browser calls
 * the same function from generated code (the JSON Schema names it in `x-mizan-rules`).
 */
export class RuleValidator implements ValidatorObject {
  readonly rule: string;
  readonly code: string;
  readonly #s: RuleState;

  constructor(
    rule: string,
    fn: RuleFn,
    options: {
      code: string;
      params?: RuleParams;
      message?: MessageTemplate;
      messageKey: string;
      /**
       * Params that are words to translate (Django's `params={"protocol": _("IPv4 or IPv6")}`):
       * param → locale key, looked up in the current language when the validator fails.
       */
      paramKeys?: Record<string, string>;
    },
  ) {
    this.rule = rule;
    this.code = options.code;
    const paramKeys = options.paramKeys;
    this.#s = {
      fn,
      params: options.params ?? {},
      literal: undefined,
      code: options.code,
      message: options.message,
      messageKey: options.messageKey,
      paramKeys: paramKeys && Object.keys(paramKeys).length ? { ...paramKeys } : undefined,
      language: undefined,
      version: 0,
      template: undefined,
      text: undefined,
      parts: undefined,
    };
  }

  static {
    stateOf = (validator) => validator.#s;
  }

  /** The rule's params (what the check and the schema read). */
  get params(): RuleParams {
    this.#s.literal = undefined; // handed out: they may change in any way from now on
    return this.#s.params;
  }

  set params(params: RuleParams) {
    this.#s.literal = undefined;
    this.#s.params = params;
  }

  /** The template in force: the override, else the active locale's (looked up late, like Django's lazy texts). */
  get message(): MessageTemplate {
    return this.#s.message ?? lookupMessage(this.#s.messageKey);
  }

  /**
   * @internal The error `validate` raises, as its one item, or undefined when the value
   * passes: a field collects it without a throw (a subclass overriding `validate` is called
   * through `validate` instead).
   */
  failure(value: unknown): ErrorItem | undefined {
    return ruleFailure(this.#s, value);
  }

  validate(value: unknown): void {
    const item = this.failure(value);
    if (item) throw errorFromItems([item]);
  }

  toRule(): RuleSpec {
    const words: RuleParams = {};
    const paramKeys = this.#s.paramKeys ?? {};
    for (const [name, key] of Object.entries(paramKeys)) {
      const word = lookupMessage(key);
      if (typeof word === "string" && word !== key) words[name] = word;
    }
    const s = this.#s;
    const spec: RuleSpec = {
      rule: this.rule,
      code: this.code,
      message: formatMessage(this.message, Object.assign({}, s.params, words)),
      // Params no one else holds stay so (a copy, the same keys and values).
      params: s.literal === undefined ? s.params : Object.assign({}, s.params),
    };
    if (s.message === undefined) spec.key = s.messageKey;
    if (s.paramKeys) spec.paramKeys = { ...s.paramKeys };
    return spec;
  }
}

const RULE_FAILURE = RuleValidator.prototype.failure;
