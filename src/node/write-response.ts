import type { ServerResponse } from "node:http";
import type { JsonAnswer } from "../server/json-answer.js";
import { jsonTextOf } from "../server/responses.js";

function closed(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

/** Resolves on 'drain', or when the connection goes away (false). */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    const done = (ok: boolean): void => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

/**
 * Write a Web Response to a node:http response: status, every header (each Set-Cookie kept
 * separate), then the body streamed with backpressure. Stops quietly if the client is gone.
 */
export async function writeResponse(
  response: Response,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  if (closed(res)) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  const text = jsonTextOf(response);
  if (text !== undefined) {
    // The handler's own JSON: one write with its length, no stream to pump.
    res.setHeader("content-length", Buffer.byteLength(text));
    res.end(text);
    return;
  }
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (closed(res)) {
        await reader.cancel();
        return;
      }
      if (!res.write(value) && !(await drained(res))) {
        await reader.cancel();
        return;
      }
    }
    if (!closed(res)) res.end();
  } catch {
    // The response body failed mid-stream: the status is sent, so cut the connection.
    res.destroy();
  }
}

/**
 * Write the handler's own JSON answer: what `writeResponse` writes for its Web Response, byte
 * for byte (headers in the order Web `Headers` lists them, then Set-Cookie, `Connection: close`
 * when the request body was left unread, then Content-Length), without building one. The
 * answer is spent: its header list becomes the one `writeHead` is given.
 */
export function writeJsonAnswer(answer: JsonAnswer, res: ServerResponse, close: boolean): void {
  if (closed(res)) return;
  // Kept sorted by name, as Web Headers iterate (lower-case ASCII: code-unit order is the same).
  const sorted = answer.headers.flat;
  const length = String(Buffer.byteLength(answer.text));
  if (res.getHeaderNames().length > 0) {
    // Headers set before (a framework's): setHeader replaces them where they stand, as before.
    res.statusCode = answer.status;
    for (let i = 0; i < sorted.length; i += 2) {
      res.setHeader(sorted[i] as string, sorted[i + 1] as string);
    }
    if (answer.cookies.length > 0) res.setHeader("set-cookie", answer.cookies);
    if (close) res.setHeader("connection", "close");
    res.setHeader("content-length", length);
    res.end(answer.text);
    return;
  }
  // Nothing set yet: the same lines in the same order, handed over at once.
  const flat: Array<string | string[]> = sorted;
  if (answer.cookies.length > 0) flat.push("set-cookie", answer.cookies);
  if (close) flat.push("connection", "close");
  flat.push("content-length", length);
  res.writeHead(answer.status, flat as unknown as string[]);
  res.end(answer.text);
}
