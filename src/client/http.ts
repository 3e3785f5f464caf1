import type { ContextEnvelope } from "../core/context-key.js";
import { isErrorCode } from "../core/errors.js";
import { isRecord } from "../core/is-plain-object.js";
import { codeForStatus, MizanClientError } from "./client-error.js";
import { envelopeOf, headerEnvelope } from "./envelopes.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function isJson(response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());
}

/**
 * `work()` (a fetch, or reading a body): a failure becomes NETWORK_ERROR (status 0), an abort
 * rejects with the signal's reason, and a MizanClientError (an in-process fetch's) passes as is.
 */
async function network<T>(work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof MizanClientError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new MizanClientError("NETWORK_ERROR", 0, `Network error: ${why}`, null, { cause: error });
  }
}

/** Send a request; a failure to get any response becomes NETWORK_ERROR. */
export const send = (
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
): Promise<Response> => network(() => fetchImpl(url, signal ? { ...init, signal } : init), signal);

/** The MizanClientError a non-2xx response stands for; bodies that are not an envelope too. */
export async function errorFrom(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<MizanClientError> {
  const text = await network(() => response.text(), signal);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const { status, statusText } = response;
  return new MizanClientError(
    isErrorCode(error?.code) ? error.code : codeForStatus(status),
    status,
    typeof error?.message === "string"
      ? error.message
      : `HTTP ${status}${statusText ? ` ${statusText}` : ""}`,
    error ? (error.details ?? null) : null,
  );
}

/** A 2xx JSON body, parsed; malformed JSON is an INTERNAL error. */
export async function jsonFrom(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const text = await network(() => response.text(), signal);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MizanClientError(
      "INTERNAL",
      response.status,
      "The server sent a malformed JSON response.",
      null,
      { cause: error },
    );
  }
}

/**
 * A call's result: the `result` of the success envelope. A 2xx that is not JSON is a handler's
 * own Response (a download, a redirect target) and is returned as the Response itself.
 * `onEnvelope` hears the envelope's `invalidate`/`merge` (or the `X-Mizan-Invalidate` header of
 * a function's own Response, or of a JSON body that is not an envelope) when they name a context.
 */
export async function resultFrom(
  response: Response,
  signal: AbortSignal | undefined,
  onEnvelope?: ((envelope: ContextEnvelope) => void) | undefined,
): Promise<unknown> {
  if (!response.ok) throw await errorFrom(response, signal);
  const body = isJson(response) ? await jsonFrom(response, signal) : response;
  // A Response has no own `result`: only a success envelope does.
  const wrapped = isRecord(body) && Object.hasOwn(body, "result");
  const envelope = wrapped ? envelopeOf(body) : headerEnvelope(response.headers);
  if (envelope) onEnvelope?.(envelope);
  return wrapped ? body.result : body;
}
