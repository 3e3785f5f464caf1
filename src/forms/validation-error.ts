import { formatTemplate } from "./message-cache.js";
import type { MessageParams } from "./messages.js";

/** One error as Django reports it: a code, the final message, and the params it was built from. */
export interface ErrorItem {
  code: string;
  message: string;
  params?: MessageParams;
}

export type ValidationErrorInput =
  | string
  | ErrorItem
  | ValidationError
  | ReadonlyArray<string | ErrorItem | ValidationError>;

export interface ValidationErrorOptions {
  code?: string;
  params?: MessageParams;
}

// Set by `errorFromItems` for the constructor it calls: the items, already built and in order.
let ready: ErrorItem[] | undefined;

/** The options of an error given none (only read). */
const NO_OPTIONS: ValidationErrorOptions = {};

function toItems(input: ValidationErrorInput, options: ValidationErrorOptions): ErrorItem[] {
  if (typeof input === "string") {
    const item: ErrorItem = {
      code: options.code ?? "invalid",
      // A message written in code is a template: its parts are split once, not per error.
      message: options.params ? formatTemplate(input, options.params) : input,
    };
    if (options.params) item.params = options.params;
    return [item];
  }
  if (input instanceof ValidationError) {
    if (input.fieldErrors) return Object.values(input.fieldErrors).flat();
    return [...input.errors];
  }
  if (Array.isArray(input)) {
    return input.flatMap((entry) => toItems(entry as ValidationErrorInput, {}));
  }
  return [{ ...(input as ErrorItem) }];
}

/**
 * What ValidationError extends: an ordinary object with `Error.prototype` on its prototype
 * chain (`instanceof Error`, `String(error)`, `name` and `message` as usual), which V8 does
 * not build as a native Error. A validation error is an answer, not a fault: constructing a
 * native Error costs more than a field's whole clean, even without a stack.
 */
function ErrorLikeBase() {}
ErrorLikeBase.prototype = Object.create(Error.prototype, {
  constructor: { value: ErrorLikeBase, writable: true, configurable: true },
});
const ErrorLike = ErrorLikeBase as unknown as ErrorConstructor;

/**
 * Django's ValidationError: one message (with a code and params), a list of them, or a
 * mapping of field name to messages (raised from `clean()` to target several fields).
 *
 * @example
 * throw new ValidationError("Usernames cannot contain %(char)s.", {
 *   code: "bad_char", params: { char: "@" },
 * });
 */
export class ValidationError extends ErrorLike {
  /** Every error, in order (for a mapping: all fields' errors, flattened). */
  readonly errors: ErrorItem[];
  /** Set when built from a mapping `{ field: messages }`; `null` means non-field errors. */
  readonly fieldErrors: Record<string, ErrorItem[]> | undefined;

  constructor(
    input: ValidationErrorInput | Record<string, ValidationErrorInput>,
    options: ValidationErrorOptions = NO_OPTIONS,
  ) {
    const given = ready;
    ready = undefined;
    const isMapping =
      given === undefined &&
      typeof input === "object" &&
      input !== null &&
      !Array.isArray(input) &&
      !(input instanceof ValidationError) &&
      !("message" in input && "code" in input);
    let errors: ErrorItem[];
    let fieldErrors: Record<string, ErrorItem[]> | undefined;
    if (given !== undefined) {
      errors = given;
    } else if (isMapping) {
      fieldErrors = {};
      for (const [field, value] of Object.entries(input as Record<string, ValidationErrorInput>)) {
        fieldErrors[field] = toItems(value, {});
      }
      errors = Object.values(fieldErrors).flat();
    } else {
      errors = toItems(input as ValidationErrorInput, options);
    }
    super();
    this.name = "ValidationError";
    this.errors = errors;
    this.fieldErrors = fieldErrors;
  }

  /** The messages alone, in order (Django's `.messages`). */
  get messages(): string[] {
    return this.errors.map((e) => e.message);
  }

  /** The codes alone, in order. */
  get codes(): string[] {
    return this.errors.map((e) => e.code);
  }
}

/** An accessor that an assignment replaces with an own property, as for a plain one. */
function readAs(key: string, get: (error: ValidationError) => string): PropertyDescriptor {
  return {
    get(this: ValidationError) {
      return get(this);
    },
    set(this: ValidationError, value: unknown) {
      Object.defineProperty(this, key, { value, writable: true, configurable: true });
    },
    configurable: true,
  };
}

Object.defineProperties(ValidationError.prototype, {
  // The messages joined, worked out when read (most form errors never are).
  message: readAs("message", (error) =>
    error.errors.length === 1
      ? (error.errors[0] as ErrorItem).message
      : error.errors.map((e) => e.message).join(" "),
  ),
  // No stack is captured: it reads as a native Error's would without frames.
  stack: readAs("stack", (error) => `${error.name}: ${error.message}`),
});

/**
 * @internal `new ValidationError(items)` for items the caller built itself (fresh objects, in
 * order): the same error, without copying every item first.
 */
export function errorFromItems(items: ErrorItem[]): ValidationError {
  ready = items;
  try {
    return new ValidationError(items);
  } finally {
    ready = undefined;
  }
}

export function isValidationError(value: unknown): value is ValidationError {
  return value instanceof ValidationError;
}
