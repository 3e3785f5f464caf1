import { ERROR_STATUS, type ErrorCode } from "../core/errors.js";

/** A wire error code, or NETWORK_ERROR when no response arrived (status 0). */
export type ClientErrorCode = ErrorCode | "NETWORK_ERROR";

/**
 * Every failed call rejects with this: the server's `code`, `message` and `details`, and the
 * HTTP `status` (0 for a network failure).
 *
 * @example
 * try { await api.call("contact.submit", { data }); }
 * catch (e) { if (isMizanClientError(e) && e.code === "VALIDATION_FAILED") show(e.details); }
 */
export class MizanClientError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(
    code: ClientErrorCode,
    status: number,
    message: string,
    details: unknown = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MizanClientError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isMizanClientError(value: unknown): value is MizanClientError {
  return value instanceof MizanClientError;
}

/** The status table read backwards, for error bodies that are not an envelope (a proxy's 502). */
export function codeForStatus(status: number): ErrorCode {
  for (const [code, codeStatus] of Object.entries(ERROR_STATUS)) {
    if (codeStatus === status) return code as ErrorCode;
  }
  return status >= 500 ? "INTERNAL" : "BAD_REQUEST";
}
