import type { IncomingMessage, ServerResponse } from "node:http";
import { payloadTooLarge } from "../server/read-body.js";

/** An IncomingMessage as Express and Connect hand it over. */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

const STREAM_HIGH_WATER_MARK = 64 * 1024;

/** The request URL (Express's `originalUrl` when mounted under a prefix). */
export function requestUrl(req: NodeRequest): URL {
  const encrypted = "encrypted" in req.socket && Boolean(req.socket.encrypted);
  const origin = `${encrypted ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
  const path = req.originalUrl ?? req.url ?? "/";
  const absolute = path.startsWith("/") ? path : `/${path}`;
  try {
    // Concatenated, not resolved: "//other.host/x" stays a path on this host.
    return new URL(`${origin}${absolute}`);
  } catch {
    return new URL(`http://localhost${absolute}`);
  }
}

/** The request's headers as Web `Headers` (repeated ones appended; HTTP/2 pseudo-headers left out). */
export function requestHeaders(req: Pick<IncomingMessage, "headers">): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}

/** `a[b][0]=c` back from what qs/querystring (express.urlencoded()) made of it. */
function appendForm(form: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendForm(form, key, item);
  } else if (typeof value === "object") {
    for (const [name, item] of Object.entries(value)) appendForm(form, `${key}[${name}]`, item);
  } else {
    form.append(key, String(value));
  }
}

function urlencoded(body: object): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) appendForm(form, name, value);
  return form.toString();
}

/**
 * A body parser (express.json(), express.urlencoded(), express.text(), express.raw()) already
 * consumed the stream: re-encode what it left, in the request's own media type.
 */
function preParsedBody(req: NodeRequest): BodyInit | undefined {
  const body = req.body;
  if (body === undefined || !req.readableEnded) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded") && body && typeof body === "object") {
    return urlencoded(body);
  }
  return JSON.stringify(body);
}

/**
 * The body as a Web stream that reads the socket only as fast as it is consumed, and errors
 * with 413 the moment more than `maxBytes` arrive: the rest is never read or buffered.
 * Cancelling pauses the socket instead of destroying it, so the 413 can still be written.
 */
function bodyStream(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let size = 0;
  let done = false;
  let cleanup = (): void => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const finish = (): void => {
          done = true;
          cleanup();
        };
        const onData = (chunk: Buffer): void => {
          if (done) return;
          size += chunk.byteLength;
          if (size > maxBytes) {
            finish();
            req.pause();
            controller.error(payloadTooLarge(maxBytes));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = (): void => {
          if (done) return;
          finish();
          controller.close();
        };
        const onError = (error: Error): void => {
          if (done) return;
          finish();
          controller.error(error);
        };
        cleanup = () => {
          req.off("data", onData);
          req.off("end", onEnd);
          req.off("error", onError);
          req.off("aborted", onAborted);
        };
        const onAborted = (): void => onError(new Error("The client aborted the request."));
        req.on("data", onData);
        req.on("end", onEnd);
        req.on("error", onError);
        req.on("aborted", onAborted);
        req.pause();
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        cleanup();
        req.pause();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: STREAM_HIGH_WATER_MARK }),
  );
}

/**
 * Convert a node:http request into a Web Request: streamed body capped at `maxBodyBytes`,
 * and a signal that aborts when the connection closes before the response is written.
 */
export function toWebRequest(req: NodeRequest, res: ServerResponse, maxBodyBytes: number): Request {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) controller.abort();
  };
  res.once("close", onClose);
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method ?? "GET",
    headers: requestHeaders(req),
    signal: controller.signal,
  };
  if (init.method !== "GET" && init.method !== "HEAD") {
    const reencoded = preParsedBody(req);
    if (reencoded !== undefined) {
      // The parser decoded (and maybe decompressed) it: the original length no longer applies.
      const headers = init.headers as Headers;
      headers.delete("content-length");
      headers.delete("content-encoding");
      headers.delete("transfer-encoding");
    }
    init.body = reencoded ?? bodyStream(req, maxBodyBytes);
    init.duplex = "half";
  }
  return new Request(requestUrl(req), init);
}
