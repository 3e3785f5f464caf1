import {
  MaxHeaderSizeExceededError,
  MultipartParser,
  type MultipartPart,
} from "@remix-run/multipart-parser";
import { MizanError } from "../core/errors.js";

/** One part of a multipart/form-data body, whole. */
export interface FormPart {
  name: string;
  /** Set for file parts (`filename=""` included), `null` for text fields. */
  filename: string | null;
  contentType: string | null;
  /** The body, in the chunks it arrived in (no copy made). */
  content: Uint8Array[];
  size: number;
}

/** One part's header block; browsers send a few hundred bytes. */
const MAX_HEADER_BYTES = 16 * 1024;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;

function malformed(why: string, cause?: unknown): MizanError {
  return new MizanError("BAD_REQUEST", `Malformed multipart body: ${why}.`, null, cause);
}

/** The `boundary` parameter of a multipart Content-Type, or null when missing or invalid. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? "";
  // RFC 2046's bchars, stricter than the library's own lookup: anything else is a 400 here.
  return BOUNDARY.test(boundary) && !boundary.endsWith(" ") ? boundary : null;
}

/** WHATWG's multipart encoding escapes `"`, CR and LF in names as %22, %0D, %0A. */
function unescapeName(value: string): string {
  return value.replace(/%(22|0d|0a)/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/**
 * `form-data; name="a"; filename="b.txt"` → its parameters (lower-cased names). Read here, not
 * with the library's `part.name`/`part.filename`: those follow RFC 6266 (backslash escapes,
 * trimmed values), which disagrees with what browsers send (the WHATWG encoding: no
 * backslash escapes, `"` as %22), so a name like `a\b` or ` x` would arrive changed.
 */
function dispositionParams(value: string): Map<string, string> | null {
  const semicolon = value.indexOf(";");
  const kind = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (kind !== "form-data") return null;
  const params = new Map<string, string>();
  let i = semicolon === -1 ? value.length : semicolon + 1;
  while (i < value.length) {
    while (i < value.length && (value[i] === ";" || value[i] === " " || value[i] === "\t")) i++;
    const eq = value.indexOf("=", i);
    if (eq === -1) break;
    const key = value.slice(i, eq).trim().toLowerCase();
    let v = "";
    i = eq + 1;
    if (value[i] === '"') {
      const close = value.indexOf('"', i + 1);
      const end = close === -1 ? value.length : close;
      v = value.slice(i + 1, end);
      i = end + 1;
    } else {
      const end = value.indexOf(";", i);
      v = value.slice(i, end === -1 ? value.length : end).trim();
      i = end === -1 ? value.length : end;
    }
    if (!params.has(key)) params.set(key, v);
  }
  return params;
}

function formPart(part: MultipartPart): FormPart {
  let headers: MultipartPart["headers"];
  try {
    headers = part.headers;
  } catch (error) {
    throw malformed("part headers are not UTF-8", error);
  }
  const disposition = headers["content-disposition"];
  const params = disposition === undefined ? null : dispositionParams(disposition);
  const name = params?.get("name");
  if (!params || name === undefined) throw malformed("a part has no form-data name");
  const filename = params.get("filename");
  return {
    name: unescapeName(name),
    filename: filename === undefined ? null : unescapeName(filename),
    contentType: headers["content-type"] ?? null,
    content: part.content,
    size: part.size,
  };
}

/** The library has no "done?" query; `finish()` throws exactly while the closing delimiter is unseen. */
function finished(parser: MultipartParser): boolean {
  try {
    parser.finish();
    return true;
  } catch {
    return false;
  }
}

/**
 * A multipart/form-data body (RFC 7578), framed by `@remix-run/multipart-parser` as it streams
 * in, each part yielded once its closing delimiter has arrived. Stops at the closing delimiter
 * (the epilogue is not read); a body that ends before it, has a part header block over 16 KiB,
 * a preamble, or a part without a form-data name is a 400.
 *
 * The library holds each part whole until its delimiter: a part is never larger than the
 * body's own limit (`maxMultipartBytes`, enforced by `chunks`), but the library cannot drop a
 * part's bytes as they stream by (see docs/security.md, "Uploads over a field's size").
 *
 * @example
 * for await (const part of readMultipart(bodyChunks(request, max), boundary)) use(part);
 */
export async function* readMultipart(
  chunks: AsyncIterable<Uint8Array>,
  boundary: string,
): AsyncGenerator<FormPart, void, undefined> {
  const parser = new MultipartParser(boundary, {
    maxHeaderSize: MAX_HEADER_BYTES,
    // Sizes and counts are capped by the body limit upstream (413), not per part here.
    maxFileSize: Number.POSITIVE_INFINITY,
    maxTotalSize: Number.POSITIVE_INFINITY,
    maxParts: Number.POSITIVE_INFINITY,
  });
  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    let parts: MultipartPart[];
    try {
      parts = [...parser.write(chunk)];
    } catch (error) {
      if (error instanceof MaxHeaderSizeExceededError) throw malformed("part headers too long");
      throw malformed(error instanceof Error ? error.message : "unreadable", error);
    }
    for (const part of parts) yield formPart(part);
    // Stop reading at the closing delimiter: the parser throws on any later byte, and the
    // epilogue (often just the last CRLF) may come in a chunk of its own.
    if (finished(parser)) return;
  }
  throw malformed("the body ends before the closing delimiter");
}
