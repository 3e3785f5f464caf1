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
  // Declared only: the constructor sets them (no class fields to ship).
  declare readonly code: ClientErrorCode;
  declare readonly status: number;
  declare readonly details: unknown;

  constructor(
    code: ClientErrorCode,
    status: number,
    message: string,
    details: unknown = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    Object.assign(this, { code, status, details, name: "MizanClientError" });
  }
}

export function isMizanClientError(value: unknown): value is MizanClientError {
  return value instanceof MizanClientError;
}

/**
 * The code of an error body: its own when the status table knows it, else the table read
 * backwards for the status (bodies that are not an envelope: a proxy's 502).
 */
export function codeFor(code: unknown, status: number): ErrorCode {
  if (typeof code === "string" && Object.hasOwn(ERROR_STATUS, code)) return code as ErrorCode;
  const known = Object.entries(ERROR_STATUS).find((entry) => entry[1] === status)?.[0];
  return (known as ErrorCode | undefined) ?? (status >= 500 ? "INTERNAL" : "BAD_REQUEST");
}
