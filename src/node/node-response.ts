import type { IncomingMessage, ServerResponse } from "node:http";
import { setFrameworkResponseBase } from "../core/response.js";

/** Writes a whole answer to the node:http response itself, and ends it. */
export type NodeResponseWriter = (res: ServerResponse, req: IncomingMessage) => unknown;

/**
 * A function's answer for Node only: `toNodeHandler` hands it the real `ServerResponse`, so
 * it can stream with node streams (a file, a zip being built) without a Web stream in
 * between. Build one with `nodeResponse()`.
 *
 * @example
 * const answer = await api.call("report.download"); // in-process: the object itself
 * if (answer instanceof NodeResponse) await answer.write(res, req);
 */
export class NodeResponse {
  readonly write: NodeResponseWriter;

  constructor(write: NodeResponseWriter) {
    this.write = write;
  }
}

// Registered as soon as this module loads (any import of NodeResponse or toNodeHandler), so the
// dispatch step recognises one everywhere: toNodeHandler sends it, the Web handler refuses it
// with a clear error, the in-process client returns it untouched.
setFrameworkResponseBase(NodeResponse);

/**
 * A response written by `write(res, req)` on the node:http `ServerResponse`, sent as is by
 * `toNodeHandler` (the status defaults to 200; the context's cookies and
 * `Cache-Control: no-store` are set first and may be overridden). `write` owns `res`: it must
 * end it, e.g. by awaiting `pipeline(stream, res)`. A Web-only handler (Bun, Deno, workers)
 * cannot send it and answers 500; return a Web `Response` there instead.
 *
 * @example
 * import { createReadStream } from "node:fs";
 * import { pipeline } from "node:stream/promises";
 * register(client(() => nodeResponse(async (res) => {
 *   res.setHeader("content-type", "application/pdf");
 *   await pipeline(createReadStream("report.pdf"), res);
 * })), "report.download");
 */
export function nodeResponse(write: NodeResponseWriter): NodeResponse {
  return new NodeResponse(write);
}

/**
 * Send a NodeResponse: the headers the handler collected, then its own writer. Rejects with
 * the writer's error; the caller decides between a 500 (nothing sent yet) and a cut.
 */
export async function writeNodeResponse(
  response: NodeResponse,
  headers: Headers,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  res.statusCode = 200;
  for (const [name, value] of headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "no-store");
  await response.write(res, req);
}
