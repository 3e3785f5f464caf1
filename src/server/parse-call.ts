import { MizanError } from "../core/errors.js";
import { isRecord } from "../core/is-plain-object.js";
import { exceedsDepth } from "./json-depth.js";
import type { Limits } from "./limits.js";
import { JSON_TYPE, MULTIPART_TYPE, mediaType, URLENCODED_TYPE } from "./media-type.js";
import { boundaryOf, type FormPart, readMultipart } from "./multipart.js";
import { bodyChunks } from "./read-body.js";
import { setAtPath } from "./set-path.js";

/**
 * A decoded call body: the `fn` and `args` it carried, not yet checked; `dispatch` checks them
 * (a non-empty string, an object), with the same words for every transport.
 */
export interface CallEnvelope {
  fn: unknown;
  args: unknown;
}

const FILE_PART_PREFIX = "args.";
const utf8 = new TextDecoder("utf-8", { fatal: true });

function bad(message: string, cause?: unknown): MizanError {
  return new MizanError("BAD_REQUEST", message, null, cause);
}

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw bad("Request body is not valid UTF-8.", error);
  }
}

function parseJson(text: string, limits: Readonly<Limits>, what: string): unknown {
  if (exceedsDepth(text, limits.maxDepth)) {
    throw bad(`${what} nests deeper than ${limits.maxDepth} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw bad(`${what} is not valid JSON.`, error);
  }
}

function fromJson(text: string, limits: Readonly<Limits>): CallEnvelope {
  const body = parseJson(text, limits, "Request body");
  if (!isRecord(body)) throw bad('The body must be a JSON object {"fn", "args"}.');
  return {
    fn: Object.hasOwn(body, "fn") ? body.fn : undefined,
    args: Object.hasOwn(body, "args") ? body.args : undefined,
  };
}

function argsField(value: string | null, limits: Readonly<Limits>): unknown {
  if (value === null) return undefined;
  return parseJson(value, limits, 'The "args" field');
}

/**
 * Reads a whole body under `maxBytes`, for an adapter that reads it itself: its bytes, or its
 * text when the adapter has decoded them already (valid UTF-8, no BOM: exactly what decoding
 * the bytes here would give); `null` when it is larger than `maxBytes` (the handler answers
 * the 413, in the language of the request served).
 */
export interface BodyReader {
  readBody(maxBytes: number): Promise<Uint8Array | string | null>;
  /**
   * When present, a call's answer (or what its steps threw) is handed here where it is made,
   * instead of through the promise `serveLight` would return (it then returns undefined).
   */
  answered?(answer: unknown): void;
  failed?(error: unknown): void;
}

/** The largest file `fn` accepts at a path in its args (`data.avatar`), when it says. */
export type FileLimitLookup = (fn: string, path: string) => number | undefined;

/**
 * Stands in for an upload larger than its field's limit: its bytes are dropped, so it reports
 * the real size (the field's `max_size` check then fails with its own message) but holds no
 * content.
 */
function oversizedFile(name: string, type: string, size: number): File {
  const file = new File([], name, { type });
  Object.defineProperty(file, "size", { value: size, enumerable: true });
  return file;
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** A file part as a File; past `maxBytes`, an empty stand-in with its real size. */
function fileOf(part: FormPart, maxBytes: number | undefined): File {
  const name = part.filename ?? "";
  const type = part.contentType ?? "text/plain";
  if (maxBytes !== undefined && part.size > maxBytes) return oversizedFile(name, type, part.size);
  return new File(part.content as BlobPart[], name, { type });
}

/**
 * Multipart: `fn` and `args` text parts (the first of each; other text parts are dropped), and
 * file parts named `args.<dotted path>`. Once `fn` is known (mizan's client sends it first),
 * each file over the limit that function gives for its path is dropped as soon as its part
 * ends and arrives as an empty File reporting its real size. (The parser holds a part whole
 * until then: memory is bounded by `maxMultipartBytes`, not by the field's limit.)
 */
export async function parseMultipart(
  request: Request,
  contentType: string,
  limits: Readonly<Limits>,
  maxBytes: number,
  fileLimit: FileLimitLookup | undefined,
): Promise<CallEnvelope> {
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    request.body?.cancel().catch(() => {});
    throw bad("Malformed multipart body: no valid boundary.");
  }
  const fields = new Map<string, string>();
  const files: Array<{ path: string; file: File }> = [];
  for await (const part of readMultipart(bodyChunks(request, maxBytes), boundary)) {
    if (part.filename === null) {
      if ((part.name === "fn" || part.name === "args") && !fields.has(part.name)) {
        fields.set(part.name, decode(joinChunks(part.content)));
      }
      continue;
    }
    if (!part.name.startsWith(FILE_PART_PREFIX)) {
      throw bad(`File part "${part.name}" must be named "args.<path>".`);
    }
    const path = part.name.slice(FILE_PART_PREFIX.length);
    const fn = fields.get("fn");
    files.push({ path, file: fileOf(part, fn === undefined ? undefined : fileLimit?.(fn, path)) });
  }
  const args = argsField(fields.get("args") ?? null, limits) ?? (files.length > 0 ? {} : undefined);
  // Args that are not an object get no files: dispatch refuses them with a 400 anyway.
  if (isRecord(args)) for (const { path, file } of files) setAtPath(args, path, file);
  return { fn: fields.get("fn"), args };
}

function parseUrlEncoded(text: string, limits: Readonly<Limits>): CallEnvelope {
  const params = new URLSearchParams(text);
  return { fn: params.get("fn") ?? undefined, args: argsField(params.get("args"), limits) };
}

/**
 * The media type of a call request (`contentType` is its Content-Type header, `""` when
 * absent): `application/json`, `multipart/form-data` or `application/x-www-form-urlencoded`;
 * anything else throws 415 and cancels the body. A JSON or urlencoded body is then read whole
 * and decoded by `decodeCall`; a multipart one streamed through `parseMultipart`. Together
 * they read a call: `{"fn", "args"}` as JSON, or a form with an `fn` field, an `args` field
 * holding JSON, and, for multipart, file parts named `args.<dotted path>` that are put into
 * args at that path (`args.data.avatar` → `args.data.avatar = File`), each capped by
 * `fileLimit` as it streams. They throw 415, 413 or 400 as the status table of
 * docs/protocol.md says.
 */
export function callMediaType(request: Request, contentType: string): string {
  const type = mediaType(contentType);
  if (type !== JSON_TYPE && type !== MULTIPART_TYPE && type !== URLENCODED_TYPE) {
    request.body?.cancel().catch(() => {});
    throw new MizanError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Unsupported content type "${type || "none"}": send ${JSON_TYPE}, ${MULTIPART_TYPE} or ${URLENCODED_TYPE}.`,
    );
  }
  return type;
}

/** A whole JSON or urlencoded call body (`type` from `callMediaType`), decoded. */
export function decodeCall(
  type: string,
  body: Uint8Array | string,
  limits: Readonly<Limits>,
): CallEnvelope {
  const text = typeof body === "string" ? body : decode(body);
  return type === JSON_TYPE ? fromJson(text, limits) : parseUrlEncoded(text, limits);
}
