import { formatTemplate } from "../message-cache.js";
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
 * A validator made of a shared rule function: the server calls it here, the browser calls
 * the same function from generated code (the JSON Schema names it in `x-mizan-rules`).
 */
export class RuleValidator implements ValidatorObject {
  readonly rule: string;
  readonly code: string;
  readonly params: RuleParams;
  readonly #message: MessageTemplate | undefined;
  readonly #messageKey: string;
  readonly #paramKeys: Readonly<Record<string, string>>;
  readonly #fn: RuleFn;

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
    this.#fn = fn;
    this.code = options.code;
    this.params = options.params ?? {};
    this.#message = options.message;
    this.#messageKey = options.messageKey;
    this.#paramKeys = options.paramKeys ?? {};
  }

  /** The template in force: the override, else the active locale's (looked up late, like Django's lazy texts). */
  get message(): MessageTemplate {
    return this.#message ?? lookupMessage(this.#messageKey);
  }

  /**
   * @internal The error `validate` raises, as its one item, or undefined when the value
   * passes: a field collects it without a throw (a subclass overriding `validate` is called
   * through `validate` instead).
   */
  failure(value: unknown): ErrorItem | undefined {
    const failure = this.#fn(value, this.params);
    if (!failure) return undefined;
    const params: RuleParams = Object.assign({}, this.params, failure);
    for (const [name, key] of Object.entries(this.#paramKeys)) {
      const word = lookupMessage(key);
      if (typeof word === "string" && word !== key) params[name] = word;
    }
    // The item `new ValidationError(message, { code, params })` builds (it formats again).
    const message = formatMessage(formatTemplate(this.message, params), params);
    return { code: this.code, message, params };
  }

  validate(value: unknown): void {
    const item = this.failure(value);
    if (item) throw errorFromItems([item]);
  }

  toRule(): RuleSpec {
    const words: RuleParams = {};
    for (const [name, key] of Object.entries(this.#paramKeys)) {
      const word = lookupMessage(key);
      if (typeof word === "string" && word !== key) words[name] = word;
    }
    const spec: RuleSpec = {
      rule: this.rule,
      code: this.code,
      message: formatMessage(this.message, Object.assign({}, this.params, words)),
      params: this.params,
    };
    if (this.#message === undefined) spec.key = this.#messageKey;
    if (Object.keys(this.#paramKeys).length) spec.paramKeys = { ...this.#paramKeys };
    return spec;
  }
}
