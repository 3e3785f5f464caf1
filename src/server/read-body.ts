import { MizanError } from "../core/errors.js";

/** The 413 for a body over `maxBytes` (adapters refusing a stream early throw the same). */
export function payloadTooLarge(maxBytes: number): MizanError {
  return new MizanError("PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes.`, {
    max_bytes: maxBytes,
  });
}

function ignore(): void {}

/**
 * Read a request body into memory, refusing it with 413 as soon as it passes `maxBytes`:
 * first by its Content-Length, then by counting the streamed bytes, cancelling the stream
 * once over so the rest is never read.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    request.body?.cancel().catch(ignore);
    throw payloadTooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(ignore);
        throw payloadTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof MizanError) throw error;
    throw new MizanError("BAD_REQUEST", "Could not read the request body.", null, error);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
