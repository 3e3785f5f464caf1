import { ValidationError } from "../../src/forms/validation-error.js";
import type { ValidatorObject } from "../../src/forms/validators/validator.js";

/**
 * Whether `validator` accepts `value`: true when `validate` returns, false when it raises a
 * ValidationError; anything else it throws is rethrown, so a crash fails the test.
 */
export function passes(validator: ValidatorObject, value: unknown): boolean {
  try {
    validator.validate(value);
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}
