import type { ValidationDetails, WireErrorItem } from "../src/core/errors.js";

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
  const e = (error && typeof error === "object" ? error : {}) as Partial<
    Record<"code" | "status" | "message" | "details", unknown>
  >;
  const known = typeof e.code === "string" && typeof e.status === "number";
  return {
    code: known ? (e.code as string) : "NETWORK_ERROR",
    status: known ? (e.status as number) : 0,
    message: known && typeof e.message === "string" && e.message ? e.message : NETWORK_MESSAGE,
    details: known ? (e.details ?? null) : null,
  };
}

function isItemList(value: unknown): value is WireErrorItem[] {
  return (
    Array.isArray(value) &&
    value.every((item) => item && typeof item === "object" && typeof item.message === "string")
  );
}

/** The `{ fields, non_field }` details of a 422, or `undefined` for any other error. */
export function validationDetails(error: MizanServerError): ValidationDetails | undefined {
  if (error.status !== 422 && error.code !== "VALIDATION_FAILED") return undefined;
  const details = error.details as Partial<ValidationDetails> | null;
  if (!details || typeof details !== "object") return undefined;
  const fields: Record<string, WireErrorItem[]> = {};
  for (const [key, items] of Object.entries(details.fields ?? {})) {
    if (isItemList(items)) fields[key] = items;
  }
  return { fields, non_field: isItemList(details.non_field) ? details.non_field : [] };
}

/** Whether a throw is the abort of our own signal (never shown). */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === "AbortError");
}
