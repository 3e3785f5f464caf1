import type { ContextEnvelope } from "../core/context-key.js";
import { isRecord } from "../core/is-plain-object.js";
import { codeFor, MizanClientError } from "./client-error.js";
import { envelopeOf, headerEnvelope } from "./envelopes.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

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

/**
 * A response's JSON body, read once. A non-2xx rejects with the MizanClientError it stands for:
 * the envelope's code, message and details, or for a body that is not an envelope (a proxy's
 * 502) the status's code and `HTTP <status> <text>`; a 2xx whose JSON is malformed rejects as
 * INTERNAL.
 */
export async function bodyFrom(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const { ok, status, statusText } = response;
  const text = await network(() => response.text(), signal);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    if (ok) {
      throw new MizanClientError(
        "INTERNAL",
        status,
        "The server sent a malformed JSON response.",
        null,
        { cause },
      );
    }
  }
  if (ok) return body;
  // The body is any JSON value (undefined when malformed): only an object has an `error`.
  const sent = (body as { error?: unknown } | null | undefined)?.error;
  const error = isRecord(sent) ? sent : undefined;
  throw new MizanClientError(
    codeFor(error?.code, status),
    status,
    typeof error?.message === "string"
      ? error.message
      : `HTTP ${status}${statusText ? ` ${statusText}` : ""}`,
    error?.details ?? null,
  );
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
  const json =
    !response.ok ||
    /^\s*application\/([\w.+-]+\+)?json\b/i.test(response.headers.get("content-type") ?? "");
  const body = json ? await bodyFrom(response, signal) : response;
  // A Response has no own `result`: only a success envelope does.
  const wrapped = isRecord(body) && Object.hasOwn(body, "result");
  const envelope = wrapped ? envelopeOf(body) : headerEnvelope(response.headers);
  if (envelope) onEnvelope?.(envelope);
  return wrapped ? body.result : body;
}
