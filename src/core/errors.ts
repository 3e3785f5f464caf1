import { messageIn } from "../forms/locale-registry.js";
import { activeLocale } from "../forms/message-format.js";

/** Every error code the wire protocol knows, with its HTTP status (the table in docs/protocol.md). */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request.",
  UNAUTHENTICATED: "Authentication required.",
  FORBIDDEN: "You do not have permission to perform this action.",
  CSRF_FAILED: "CSRF verification failed.",
  NOT_FOUND: "Not found.",
  METHOD_NOT_ALLOWED: "Method not allowed.",
  CONFLICT: "Conflict.",
  PAYLOAD_TOO_LARGE: "Request body too large.",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type.",
  VALIDATION_FAILED: "Validation failed.",
  RATE_LIMITED: "Too many requests.",
  INTERNAL: "Internal server error.",
  UNAVAILABLE: "Service unavailable.",
};

/**
 * A code's default text in the current language: the `http.<CODE>` key of its table, else of
 * English's, else the English above (also what a bundle that registered no table gets).
 */
function defaultMessage(code: ErrorCode): string {
  const key = `http.${code}`;
  const text = messageIn(key, activeLocale()) ?? messageIn(key, "en");
  return typeof text === "string" ? text : DEFAULT_MESSAGES[code];
}

/** One error message as it travels on the wire. */
export interface WireErrorItem {
  message: string;
  code: string;
}

/** `details` of a 422: Django's `errors.get_json_data()` with `__all__` named `non_field`. */
export interface ValidationDetails {
  fields: Record<string, WireErrorItem[]>;
  non_field: WireErrorItem[];
}

/** The body of every non-2xx response. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details: unknown };
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);
}

/**
 * The one transport error: a code from the status table, a client-safe message and details.
 *
 * @example
 * throw new MizanError("FORBIDDEN", "Only editors may publish.");
 */
export class MizanError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The original throw, kept for logs; never serialised unless `debug` is on. */
  override readonly cause: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown, cause?: unknown) {
    // Resolved when thrown, so in the language of the request being served.
    super(message ?? defaultMessage(code));
    this.name = "MizanError";
    this.code = code;
    this.details = details ?? null;
    this.cause = cause;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** Any throw as a MizanError; an unknown one becomes INTERNAL without leaking its text. */
  static fromUnknown(error: unknown): MizanError {
    if (error instanceof MizanError) return error;
    return new MizanError("INTERNAL", undefined, undefined, error);
  }

  toEnvelope(debug = false): ErrorEnvelope {
    const body: ErrorEnvelope = {
      error: { code: this.code, message: this.message, details: this.details },
    };
    if (debug && this.code === "INTERNAL" && this.cause !== undefined) {
      const cause = this.cause;
      body.error.details = {
        cause: cause instanceof Error ? cause.message : String(cause),
        stack: cause instanceof Error ? (cause.stack ?? null) : null,
      };
    }
    return body;
  }
}

/**
 * A MizanError for an expected refusal that mizan raises itself and answers at once (a form's
 * 422 with its field errors), made without capturing a stack trace: its stack would only
 * show mizan's own frames, and capturing one costs more than the rest of a small call's
 * error path. Errors a function throws keep their stacks.
 *
 * @example
 * throw refusal("VALIDATION_FAILED", undefined, form.errorDetails());
 */
export function refusal(code: ErrorCode, message?: string, details?: unknown): MizanError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new MizanError(code, message, details);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
