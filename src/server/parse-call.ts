import { MizanError } from "../core/errors.js";
import { exceedsDepth } from "./json-depth.js";
import type { Limits } from "./limits.js";
import { JSON_TYPE, MULTIPART_TYPE, mediaType, URLENCODED_TYPE } from "./media-type.js";
import { boundaryOf, type PartInfo, type PartSink, readMultipart } from "./multipart.js";
import { bodyChunks, readBody } from "./read-body.js";
import { setAtPath } from "./set-path.js";

/** A decoded call: the function name and its arguments object. */
export interface CallEnvelope {
  fn: string;
  args: Record<string, unknown>;
}

const FILE_PART_PREFIX = "args.";
const utf8 = new TextDecoder("utf-8", { fatal: true });

function bad(message: string, cause?: unknown): MizanError {
  return new MizanError("BAD_REQUEST", message, null, cause);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

function envelope(fn: unknown, args: unknown): CallEnvelope {
  if (typeof fn !== "string" || fn === "") throw bad('The call needs a "fn" string.');
  if (args === undefined) return { fn, args: {} };
  if (!isPlainObject(args)) throw bad('"args" must be a JSON object.');
  return { fn, args };
}

function fromJson(text: string, limits: Readonly<Limits>): CallEnvelope {
  const body = parseJson(text, limits, "Request body");
  if (!isPlainObject(body)) throw bad('The body must be a JSON object {"fn", "args"}.');
  return envelope(
    Object.hasOwn(body, "fn") ? body.fn : undefined,
    Object.hasOwn(body, "args") ? body.args : undefined,
  );
}

function argsField(value: string | null, limits: Readonly<Limits>): unknown {
  if (value === null) return undefined;
  return parseJson(value, limits, 'The "args" field');
}

/** The largest file `fn` accepts at a path in its args (`data.avatar`), when it says. */
export type FileLimitLookup = (fn: string, path: string) => number | undefined;

/**
 * Stands in for an upload larger than its field's limit: its bytes were counted and dropped
 * as they arrived, so it reports the real size (the field's `max_size` check then fails with
 * its own message) but holds no content.
 */
function oversizedFile(name: string, type: string, size: number): File {
  const file = new File([], name, { type });
  Object.defineProperty(file, "size", { value: size, enumerable: true });
  return file;
}

/** A text part: `fn` and `args` are kept (the first of each), any other is dropped unread. */
function textPart(name: string, fields: Map<string, string>): PartSink {
  const keep = (name === "fn" || name === "args") && !fields.has(name);
  const chunks: Uint8Array[] = [];
  return {
    write(chunk) {
      if (keep) chunks.push(chunk);
    },
    end() {
      if (keep) fields.set(name, decode(joinChunks(chunks)));
    },
  };
}

/** A file part, kept up to `maxBytes`; past it, only counted. */
function filePart(info: PartInfo, maxBytes: number | undefined, done: (file: File) => void) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const name = info.filename ?? "";
  const type = info.contentType ?? "text/plain";
  return {
    write(chunk: Uint8Array) {
      size += chunk.byteLength;
      if (over) return;
      if (maxBytes !== undefined && size > maxBytes) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    },
    end() {
      done(over ? oversizedFile(name, type, size) : new File(chunks as BlobPart[], name, { type }));
    },
  };
}

function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
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

/**
 * Multipart, read as it streams: `fn` and `args` text parts, and file parts named
 * `args.<dotted path>`. Once `fn` is known (mizan's client sends it first), each file is kept
 * only up to the limit that function gives for its path; an upload past it is counted, never
 * buffered, and arrives as an empty File reporting its real size.
 */
async function parseMultipart(
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
  await readMultipart(bodyChunks(request, maxBytes), boundary, (info) => {
    if (info.filename === null) return textPart(info.name, fields);
    if (!info.name.startsWith(FILE_PART_PREFIX)) {
      throw bad(`File part "${info.name}" must be named "args.<path>".`);
    }
    const path = info.name.slice(FILE_PART_PREFIX.length);
    const fn = fields.get("fn");
    const max = fn === undefined ? undefined : fileLimit?.(fn, path);
    return filePart(info, max, (file) => files.push({ path, file }));
  });
  const call = envelope(fields.get("fn"), argsField(fields.get("args") ?? null, limits));
  for (const { path, file } of files) setAtPath(call.args, path, file);
  return call;
}

function parseUrlEncoded(text: string, limits: Readonly<Limits>): CallEnvelope {
  const params = new URLSearchParams(text);
  return envelope(params.get("fn") ?? undefined, argsField(params.get("args"), limits));
}

/**
 * Read and decode a call request: `application/json` `{"fn", "args"}`, or a form
 * (`multipart/form-data` / `application/x-www-form-urlencoded`) with an `fn` field, an `args`
 * field holding JSON, and, for multipart, file parts named `args.<dotted path>` that are put
 * into args at that path (`args.data.avatar` → `args.data.avatar = File`); `fileLimit`
 * caps each file as it streams (see `parseMultipart`).
 * Throws 415, 413 or 400 as DESIGN.md's table says.
 */
export async function parseCall(
  request: Request,
  limits: Readonly<Limits>,
  maxBytes: number,
  fileLimit?: FileLimitLookup,
): Promise<CallEnvelope> {
  const contentType = request.headers.get("content-type") ?? "";
  const type = mediaType(contentType);
  if (type !== JSON_TYPE && type !== MULTIPART_TYPE && type !== URLENCODED_TYPE) {
    request.body?.cancel().catch(() => {});
    throw new MizanError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Unsupported content type "${type || "none"}": send ${JSON_TYPE}, ${MULTIPART_TYPE} or ${URLENCODED_TYPE}.`,
    );
  }
  if (type === MULTIPART_TYPE) {
    return parseMultipart(request, contentType, limits, maxBytes, fileLimit);
  }
  const bytes = await readBody(request, maxBytes);
  const text = decode(bytes);
  return type === JSON_TYPE ? fromJson(text, limits) : parseUrlEncoded(text, limits);
}
