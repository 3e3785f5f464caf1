import type { WireErrorItem } from "../src/core/errors.js";

/** A failed call as the UI sees it: never thrown into render, shown as a form-level error. */
export interface MizanServerError {
  /** The wire code (`UNAUTHENTICATED`, `INTERNAL`, ...), or `NETWORK_ERROR` when no answer came. */
  code: string;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  message: string;
  details: unknown;
}

const NETWORK_MESSAGE = "The server could not be reached. Check your connection and try again.";

/**
 * Any throw of a call as a MizanServerError. Errors of `mizan/client` carry
 * `{ code, status, message, details }`; anything else (a `TypeError` from `fetch`) is a
 * network failure whose text is not shown.
 */
export function toServerError(error: unknown): MizanServerError {
  const { code, status, message, details } = (
    error && typeof error === "object" ? error : {}
  ) as Partial<Record<"code" | "status" | "message" | "details", unknown>>;
  return typeof code === "string" && typeof status === "number"
    ? {
        code,
        status,
        message: typeof message === "string" && message ? message : NETWORK_MESSAGE,
        details: details ?? null,
      }
    : { code: "NETWORK_ERROR", status: 0, message: NETWORK_MESSAGE, details: null };
}

/**
 * Whether `value` is a non-empty list of error items (each an object with a string `message`):
 * the one shape check of a 422's details, a list of `fields` or `non_field`. The client hands
 * `details` on unchecked; the form drops whatever fails this (a non-list, an empty list, a list
 * with a malformed item).
 */
export const isItemList = (value: unknown): value is WireErrorItem[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => item && typeof item === "object" && typeof item.message === "string");

/** Whether a throw is the abort of our own signal (never shown). */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === "AbortError");
}
