import { formatTemplate } from "./message-cache.js";
import { formatMessage, type MessageTemplate } from "./messages.js";
import { type ErrorItem, errorFromItems, ValidationError } from "./validation-error.js";
import {
  plainRuleState,
  type RuleState,
  RuleValidator,
  ruleFailure,
  runValidator,
  type Validator,
} from "./validators/validator.js";

// Field's `run_validators`, with the error returned rather than raised (field.ts).

const RULE_VALIDATE = RuleValidator.prototype.validate;

/** A field's validators as last seen (`of`), each with its `plainRuleState`. */
export interface ValidatorChecks {
  of: Validator[];
  states: Array<RuleState | undefined>;
}

/** What a field's `validatorsError` reads: its validators, their checks, its overrides. */
export interface ValidatorParts {
  readonly validators: readonly Validator[];
  readonly checks: ValidatorChecks;
  readonly overrides: Readonly<Record<string, MessageTemplate>>;
}

/** A validator's error with the field's `errorMessages` override for its code, if any. */
function overridden(
  overrides: Readonly<Record<string, MessageTemplate>>,
  item: ErrorItem | undefined,
): ErrorItem | undefined {
  const code = item?.code ?? "";
  // Django's `e.code in self.error_messages`: a dict's keys, never Object.prototype's names.
  const override = Object.hasOwn(overrides, code) ? overrides[code] : undefined;
  if (!override) return undefined;
  const params = item?.params ?? {};
  // The item `new ValidationError(message, { code, params })` builds (it formats again).
  const message = formatMessage(formatTemplate(override, params), params);
  return { code: item?.code ?? "invalid", message, params };
}

/**
 * Runs every validator on a (non-empty) value: all their errors together, in order, as one
 * ValidationError (Django's `run_validators`), or undefined. A shared rule's failure is taken
 * as a value; any other validator is called and its ValidationError caught. `checks` keeps
 * each validator's rule state between calls, worked out again whenever the list changed.
 */
export function validatorsErrorOf(
  validators: readonly Validator[],
  value: unknown,
  checks: ValidatorChecks,
  overrides: Readonly<Record<string, MessageTemplate>>,
): ValidationError | undefined {
  const failure = validatorsFailureOf(validators, value, checks, overrides);
  return Array.isArray(failure) ? errorFromItems(failure) : failure;
}

/**
 * @internal `validatorsErrorOf`, with the error's items (a fresh array, in order) in place of
 * an error built around them; a lone error raised by a validator is still given as it is. A
 * form adds the items to its errors without the error object.
 */
export function validatorsFailureOf(
  validators: readonly Validator[],
  value: unknown,
  checks: ValidatorChecks,
  overrides: Readonly<Record<string, MessageTemplate>>,
): ValidationError | ErrorItem[] | undefined {
  return validatorsFailureAfter(validators, value, checks, overrides, 0, undefined);
}

/**
 * @internal `validatorsFailureOf` from the `from`th validator on, those before it having
 * passed but the last of them when its failure is given: a plain rule's `item`, or the error
 * another validator raised (`thrown`); or the items `found` so far (a fresh list, overrides
 * applied, at least one). A form's generated cleaner runs a field's validators itself until
 * one fails or changed.
 */
export function validatorsFailureAfter(
  validators: readonly Validator[],
  value: unknown,
  checks: ValidatorChecks,
  overrides: Readonly<Record<string, MessageTemplate>>,
  from: number,
  item: ErrorItem | undefined,
  thrown?: ValidationError,
  found?: ErrorItem[],
): ValidationError | ErrorItem[] | undefined {
  let items: ErrorItem[] | undefined;
  let raised: ValidationError | undefined; // the one error raised, while it is the only one
  let failures = 0;
  if (found) {
    items = found;
    failures = 1;
  } else if (item || thrown) {
    const found = item ? (overridden(overrides, item) ?? item) : foundOf(thrown, overrides);
    items = Array.isArray(found) ? [...found] : [found];
    raised = item ? undefined : raisedOf(thrown as ValidationError, found);
    failures = 1;
  }
  for (let i = from; i < validators.length; i++) {
    const validator = validators[i] as Validator;
    if (checks.of[i] !== validator || checks.of.length !== validators.length) {
      checks.of = [...validators];
      checks.states = validators.map(plainRuleState);
    }
    let found: ErrorItem | ErrorItem[];
    if (typeof validator !== "function" && validator.validate === RULE_VALIDATE) {
      // A shared rule reports its failure without a throw (it would raise exactly this item).
      const state = checks.states[i];
      const item = state ? ruleFailure(state, value) : (validator as RuleValidator).failure(value);
      if (!item) continue;
      found = overridden(overrides, item) ?? item;
      raised = undefined;
    } else {
      try {
        runValidator(validator, value);
        continue;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        found = foundOf(error, overrides);
        raised = raisedOf(error, found);
      }
    }
    items ??= [];
    if (Array.isArray(found)) items.push(...found);
    else items.push(found);
    failures++;
  }
  if (!items) return undefined;
  // Django wraps the list in a new error; a lone error raised as it is says the same.
  return failures === 1 && raised ? raised : items;
}

/** The items a validator's raised `error` adds (its lone item with the field's override). */
function foundOf(
  error: ValidationError | undefined,
  overrides: Readonly<Record<string, MessageTemplate>>,
): ErrorItem | ErrorItem[] {
  const e = error as ValidationError;
  const item = e.errors.length === 1 ? overridden(overrides, e.errors[0]) : undefined;
  return item ?? raisedItems(e);
}

/** The items a raised `error` stands for: its own, or a mapping's, flattened in order. */
function raisedItems(error: ValidationError): ErrorItem[] {
  return error.fieldErrors ? Object.values(error.fieldErrors).flat() : error.errors;
}

/** `error` itself when it may stand for the list (`found` is its own items). */
function raisedOf(
  error: ValidationError,
  found: ErrorItem | ErrorItem[],
): ValidationError | undefined {
  return found === error.errors && !error.fieldErrors ? error : undefined;
}

/**
 * @internal Calls a validator that is not a plain rule (a function, or an object's
 * `validate`): the ValidationError it raised, or undefined. Any other throw goes on up.
 */
export function raisedBy(validator: Validator, value: unknown): ValidationError | undefined {
  try {
    runValidator(validator, value);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error;
  }
}

/**
 * @internal Adds what `error`, raised by a validator of a field without `errorMessages`
 * overrides, adds to its items (as `validatorsFailureAfter` would).
 */
export function pushRaised(items: ErrorItem[], error: ValidationError): void {
  for (const item of raisedItems(error)) items.push(item);
}
