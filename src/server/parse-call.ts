import { MizanError } from "../core/errors.js";
import { exceedsDepth } from "./json-depth.js";
import type { Limits } from "./limits.js";
import { JSON_TYPE, MULTIPART_TYPE, mediaType, URLENCODED_TYPE } from "./media-type.js";
import { readBody } from "./read-body.js";
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

function argsField(value: FormDataEntryValue | string | null, limits: Readonly<Limits>): unknown {
  if (value === null) return undefined;
  if (typeof value !== "string") throw bad('The "args" field must be a JSON string.');
  return parseJson(value, limits, 'The "args" field');
}

function fromForm(form: FormData, limits: Readonly<Limits>): CallEnvelope {
  const fn = form.get("fn");
  const call = envelope(
    typeof fn === "string" ? fn : undefined,
    argsField(form.get("args"), limits),
  );
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") continue;
    if (!name.startsWith(FILE_PART_PREFIX)) {
      throw bad(`File part "${name}" must be named "args.<path>".`);
    }
    setAtPath(call.args, name.slice(FILE_PART_PREFIX.length), value);
  }
  return call;
}

async function parseMultipart(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
  limits: Readonly<Limits>,
): Promise<CallEnvelope> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw bad("Malformed multipart body.", error);
  }
  return fromForm(form, limits);
}

function parseUrlEncoded(text: string, limits: Readonly<Limits>): CallEnvelope {
  const params = new URLSearchParams(text);
  return envelope(params.get("fn") ?? undefined, argsField(params.get("args"), limits));
}

/**
 * Read and decode a call request: `application/json` `{"fn", "args"}`, or a form
 * (`multipart/form-data` / `application/x-www-form-urlencoded`) with an `fn` field, an `args`
 * field holding JSON, and, for multipart, file parts named `args.<dotted path>` that are put
 * into args at that path (`args.data.avatar` → `args.data.avatar = File`).
 * Throws 415, 413 or 400 as DESIGN.md's table says.
 */
export async function parseCall(
  request: Request,
  limits: Readonly<Limits>,
  maxBytes: number,
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
  const bytes = await readBody(request, maxBytes);
  if (type === MULTIPART_TYPE) return parseMultipart(bytes, contentType, limits);
  const text = decode(bytes);
  return type === JSON_TYPE ? fromJson(text, limits) : parseUrlEncoded(text, limits);
}
