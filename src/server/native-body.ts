import { MizanError } from "../core/errors.js";
import type { FormEntry } from "../forms/native-decode.js";
import type { Limits } from "./limits.js";
import { MULTIPART_TYPE, mediaType, URLENCODED_TYPE } from "./media-type.js";
import { boundaryOf, readMultipart } from "./multipart.js";
import { bodyChunks, readBody } from "./read-body.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bad(message: string, cause?: unknown): MizanError {
  return new MizanError("BAD_REQUEST", message, null, cause);
}

function text(bytes: Uint8Array | Uint8Array[]): string {
  let whole: Uint8Array;
  if (Array.isArray(bytes)) {
    whole = new Uint8Array(bytes.reduce((n, chunk) => n + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of bytes) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
  } else {
    whole = bytes;
  }
  try {
    return utf8.decode(whole);
  } catch (error) {
    throw bad("Request body is not valid UTF-8.", error);
  }
}

function tooMany(max: number): MizanError {
  return bad(`Too many fields: a form post may carry at most ${max} (limits.maxNumberOfFields).`);
}

/** `a=1&b=2` → pairs, refusing more than `max` before any is decoded (Django's check). */
function urlencoded(body: string, max: number): FormEntry[] {
  let count = 0;
  for (const pair of body.split("&")) if (pair !== "") count++;
  if (count > max) throw tooMany(max);
  return [...new URLSearchParams(body)];
}

/**
 * The name/value pairs of a native form post, in order: `application/x-www-form-urlencoded`
 * or `multipart/form-data` (files as `File`s). Throws 415 for other types, 413 past the body
 * limits, 400 for malformed bodies, invalid UTF-8 or more than `limits.maxNumberOfFields`
 * pairs (counted as they arrive: the rest of the body is never read).
 *
 * @example
 * const entries = await readFormEntries(request, handler.limits);
 */
export async function readFormEntries(
  request: Request,
  limits: Readonly<Limits>,
): Promise<FormEntry[]> {
  const contentType = request.headers.get("content-type") ?? "";
  const type = mediaType(contentType);
  if (type === URLENCODED_TYPE) {
    return urlencoded(text(await readBody(request, limits.maxBodyBytes)), limits.maxNumberOfFields);
  }
  if (type !== MULTIPART_TYPE) {
    request.body?.cancel().catch(() => {});
    throw new MizanError(
      "UNSUPPORTED_MEDIA_TYPE",
      `A form post is ${URLENCODED_TYPE} or ${MULTIPART_TYPE}, not "${type || "none"}".`,
    );
  }
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    request.body?.cancel().catch(() => {});
    throw bad("Malformed multipart body: no valid boundary.");
  }
  const entries: FormEntry[] = [];
  const chunks = bodyChunks(request, limits.maxMultipartBytes);
  for await (const part of readMultipart(chunks, boundary)) {
    if (entries.length >= limits.maxNumberOfFields) throw tooMany(limits.maxNumberOfFields);
    if (part.filename === null) {
      entries.push([part.name, text(part.content)]);
    } else {
      const type = part.contentType ?? "application/octet-stream";
      entries.push([part.name, new File(part.content as BlobPart[], part.filename, { type })]);
    }
  }
  return entries;
}
