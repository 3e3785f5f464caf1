import { MizanError } from "../core/errors.js";

/** A part's Content-Disposition and Content-Type, read before any of its body. */
export interface PartInfo {
  name: string;
  /** Set for file parts (`filename=""` included), `null` for text fields. */
  filename: string | null;
  contentType: string | null;
}

/** Where a part's body goes, chunk by chunk; `end()` when its closing delimiter is found. */
export interface PartSink {
  write(chunk: Uint8Array): void;
  end(): void;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;
const CRLF = new Uint8Array([CR, LF]);
const HEADERS_END = new Uint8Array([CR, LF, CR, LF]);
/** One part's header block; browsers send a few hundred bytes. */
const MAX_HEADER_BYTES = 16 * 1024;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;

const encoder = new TextEncoder();
const utf8 = new TextDecoder("utf-8", { fatal: true });

function malformed(why: string): MizanError {
  return new MizanError("BAD_REQUEST", `Malformed multipart body: ${why}.`);
}

/** The `boundary` parameter of a multipart Content-Type, or null when missing or invalid. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? "";
  return BOUNDARY.test(boundary) && !boundary.endsWith(" ") ? boundary : null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0] as number;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** WHATWG's multipart encoding escapes `"`, CR and LF in names as %22, %0D, %0A. */
function unescapeName(value: string): string {
  return value.replace(/%(22|0d|0a)/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** `form-data; name="a"; filename="b.txt"` → its parameters (lower-cased names). */
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
      // No backslash escapes: the WHATWG encoding percent-encodes `"` instead (unescapeName).
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

function partInfo(block: Uint8Array): PartInfo {
  let text: string;
  try {
    text = utf8.decode(block);
  } catch {
    throw malformed("part headers are not UTF-8");
  }
  let disposition: string | undefined;
  let contentType: string | null = null;
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition") disposition ??= value;
    else if (name === "content-type") contentType ??= value;
  }
  const params = disposition === undefined ? null : dispositionParams(disposition);
  const name = params?.get("name");
  if (!params || name === undefined) throw malformed("a part has no form-data name");
  const filename = params.get("filename");
  return {
    name: unescapeName(name),
    filename: filename === undefined ? null : unescapeName(filename),
    contentType,
  };
}

type State = "preamble" | "delimiter" | "headers" | "body" | "done";

/**
 * A streaming multipart/form-data reader (RFC 7578): each part's headers go to `open`, which
 * returns the sink for its body, fed chunk by chunk as bytes arrive. Nothing is buffered but
 * a part's header block and the few bytes that may start a delimiter, so the caller decides
 * what to keep. Stops at the closing delimiter (the epilogue is not read); a body that ends
 * before it, or with broken headers, is a 400.
 */
export async function readMultipart(
  chunks: AsyncIterable<Uint8Array>,
  boundary: string,
  open: (info: PartInfo) => PartSink,
): Promise<void> {
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const keep = delimiter.length - 1;
  let state: State = "preamble";
  // A leading CRLF lets the first delimiter (which may open the body) match like the others.
  let buf: Uint8Array = CRLF;
  let sink: PartSink | null = null;

  const step = (): boolean => {
    switch (state) {
      case "preamble": {
        const at = indexOf(buf, delimiter);
        if (at === -1) {
          buf = buf.subarray(Math.max(0, buf.length - keep));
          return false;
        }
        buf = buf.subarray(at + delimiter.length);
        state = "delimiter";
        return true;
      }
      case "delimiter": {
        let i = 0;
        while (i < buf.length && (buf[i] === SPACE || buf[i] === TAB)) i++;
        if (i + 2 > buf.length) {
          buf = buf.subarray(i);
          return false;
        }
        if (buf[i] === DASH && buf[i + 1] === DASH) {
          state = "done";
          return false;
        }
        if (buf[i] !== CR || buf[i + 1] !== LF) throw malformed("bad delimiter");
        buf = buf.subarray(i + 2);
        state = "headers";
        return true;
      }
      case "headers": {
        const empty = buf.length >= 2 && buf[0] === CR && buf[1] === LF;
        const end = empty ? -2 : indexOf(buf, HEADERS_END);
        if (end === -1) {
          if (buf.length > MAX_HEADER_BYTES) throw malformed("part headers too long");
          return false;
        }
        sink = open(partInfo(empty ? new Uint8Array(0) : buf.subarray(0, end)));
        buf = buf.subarray(end + 4);
        state = "body";
        return true;
      }
      case "body": {
        const current = sink as PartSink;
        const at = indexOf(buf, delimiter);
        if (at === -1) {
          const safe = buf.length - keep;
          if (safe > 0) {
            current.write(buf.subarray(0, safe));
            buf = buf.subarray(safe);
          }
          return false;
        }
        if (at > 0) current.write(buf.subarray(0, at));
        current.end();
        sink = null;
        buf = buf.subarray(at + delimiter.length);
        state = "delimiter";
        return true;
      }
      default:
        return false;
    }
  };

  const finished = (): boolean => state === "done";
  for await (const chunk of chunks) {
    buf = concat(buf, chunk);
    while (step()) {
      // each step consumes what it can; false waits for more bytes
    }
    if (finished()) return;
  }
  throw malformed("the body ends before the closing delimiter");
}
