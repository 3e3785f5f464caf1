import { errorText } from "../core/error-text.js";
import { MizanError } from "../core/errors.js";

/** The 413 for a body over `maxBytes` (adapters refusing a stream early throw the same). */
export function payloadTooLarge(maxBytes: number): MizanError {
  const english = "Request body is larger than %(max_bytes)s bytes.";
  const params = { max_bytes: maxBytes };
  const message = errorText("PAYLOAD_TOO_LARGE", "http.PAYLOAD_TOO_LARGE.body", english, params);
  return new MizanError("PAYLOAD_TOO_LARGE", message, params);
}

function ignore(): void {}

/**
 * An adapter's 413 (`mizan/node` refuses the stream as the bytes arrive, in the socket's
 * callbacks) made again here, so its text is in the language of the request being served.
 */
function inScope(error: MizanError, maxBytes: number): MizanError {
  if (error.code !== "PAYLOAD_TOO_LARGE") return error;
  const max = (error.details as { max_bytes?: unknown } | null)?.max_bytes;
  return payloadTooLarge(typeof max === "number" ? max : maxBytes);
}

/**
 * A request body's chunks as they arrive, refused with 413 as soon as it passes `maxBytes`:
 * first by its Content-Length, then by counting the streamed bytes, cancelling the stream
 * once over so the rest is never read. Leaving the loop early cancels the stream too.
 */
export async function* bodyChunks(
  request: Request,
  maxBytes: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    request.body?.cancel().catch(ignore);
    throw payloadTooLarge(maxBytes);
  }
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        finished = true;
        if (error instanceof MizanError) throw inScope(error, maxBytes);
        throw new MizanError("BAD_REQUEST", "Could not read the request body.", null, error);
      }
      if (next.done) {
        finished = true;
        return;
      }
      total += next.value.byteLength;
      if (total > maxBytes) throw payloadTooLarge(maxBytes);
      yield next.value;
    }
  } finally {
    if (!finished) reader.cancel().catch(ignore);
  }
}

/**
 * Read a request body into memory, with `bodyChunks`' limits (413 by Content-Length, then as
 * the bytes arrive, the stream cancelled once over), in one loop over the stream's reader.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    request.body?.cancel().catch(ignore);
    throw payloadTooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      if (error instanceof MizanError) throw inScope(error, maxBytes);
      throw new MizanError("BAD_REQUEST", "Could not read the request body.", null, error);
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(ignore);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  // One chunk (a body given whole): it is the body; the stream hands it over, nothing shares it.
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
