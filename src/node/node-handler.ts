import type { ServerResponse } from "node:http";
import { MizanError } from "../core/errors.js";
import type { FrameworkPassThrough } from "../server/handler.js";
import { isJsonAnswer, type JsonAnswer } from "../server/json-answer.js";
import { DEFAULT_LIMITS, type Limits, maxBodyBytesFor } from "../server/limits.js";
import { JSON_TYPE, mediaType } from "../server/media-type.js";
import type { BodyReader } from "../server/parse-call.js";
import { isUnderBasePath, matchRoute, normalizeBasePath } from "../server/router.js";
import { type NodeRequest, requestUrl, toWebRequest } from "./incoming-request.js";
import { type AnswerWriter, lightCall } from "./light-request.js";
import { NodeResponse, writeNodeResponse } from "./node-response.js";
import { writeJsonAnswer, writeResponse } from "./write-response.js";

/**
 * Any Web handler; `createHandler()`'s also carries its base path, limits and `serve` (which
 * lets a function's `nodeResponse()` through to this adapter).
 */
export type WebHandler = ((request: Request) => Promise<Response>) & {
  readonly basePath?: string;
  readonly limits?: Readonly<Limits>;
  readonly serve?: (request: Request) => Promise<Response | FrameworkPassThrough>;
  readonly serveLight?: (
    request: Request,
    readBody?: BodyReader,
    pathname?: string,
  ) => Promise<Response | FrameworkPassThrough | JsonAnswer> | undefined;
};

type Answer = Response | FrameworkPassThrough | JsonAnswer;

export interface NodeHandlerOptions {
  /** Requests outside it go to `next()` (default: the handler's own base path). */
  basePath?: string;
}

/** `(req, res, next?)`: a node:http request listener and an Express/Connect middleware. */
export type NodeHandler = (
  req: NodeRequest,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * A Host header that cannot move a path: a name or IPv4 address and a port. A URL made from
 * it and a path starting with "/" has that path as its pathname (or fails to parse, and then
 * requestUrl puts the path on localhost), so the path needs no parsing to be routed.
 */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(?::[0-9]*)?$/;

/** A write racing a closed socket; the request's signal already reports the disconnect. */
function ignoreWriteError(): void {}

function internalError(): Response {
  return new Response(JSON.stringify(new MizanError("INTERNAL").toEnvelope()), {
    status: 500,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Send a function's NodeResponse; what to write instead when that is not possible (another
 * framework's response, or a writer that fails before sending anything), else null.
 */
async function sendFramework(
  answer: FrameworkPassThrough,
  req: NodeRequest,
  res: ServerResponse,
): Promise<Response | null> {
  const { frameworkResponse } = answer;
  if (!(frameworkResponse instanceof NodeResponse)) {
    answer.report(
      new TypeError("A function returned a framework response toNodeHandler cannot send."),
    );
    return internalError();
  }
  try {
    await writeNodeResponse(frameworkResponse, answer.headers, req, res);
    return null;
  } catch (error) {
    answer.report(error);
    if (res.headersSent) {
      // The status is out: cut the connection so the client sees a broken body, not a short one.
      res.destroy();
      return null;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    return internalError();
  }
}

/**
 * Serve a Web handler from node:http or Express. The adapter only converts: IncomingMessage →
 * Request (streamed body, refused past the handler's limit; a signal aborted when the client
 * disconnects), and Response → ServerResponse. A JSON `POST …/call/` skips the Web streams
 * (its body read into one Buffer under the same limit, the Request built only if read). A
 * function's `nodeResponse()` is handed the ServerResponse itself (see docs/http.md).
 *
 * @example
 * const handler = createHandler({ registry });
 * http.createServer(toNodeHandler(handler)).listen(3000);
 * app.use(toNodeHandler(handler)); // Express: other paths reach next()
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const basePath = normalizeBasePath(options.basePath ?? handler.basePath ?? "/api/mizan");
  const limits = handler.limits ?? DEFAULT_LIMITS;
  // The call route as the client spells it (matchRoute also takes other spellings).
  const callPath = `${basePath}/call/`;
  // Sent as is, that path is its own pathname (nothing in it for URL parsing to change).
  const callPathIsPlain = new URL(callPath, "http://localhost").pathname === callPath;

  /**
   * A JSON `POST …/call/` whose stream no body parser took: served without Web streams (the
   * body read straight into one Buffer, the Request built only if a function reads it).
   */
  const isPlainJsonCall = (req: NodeRequest, pathname: string): boolean => {
    if (req.method !== "POST" || req.body !== undefined || req.readableEnded) return false;
    const type = req.headers["content-type"];
    // The header as clients mostly send it, compared before it is parsed.
    if (type !== JSON_TYPE && mediaType(type) !== JSON_TYPE) return false;
    return pathname === callPath || matchRoute(pathname, basePath)?.kind === "call";
  };

  // The last Host found plain (a server mostly sees the same one, test after test).
  let plainHost: string | undefined;
  /**
   * True when the request targets the call path as sent from a plain host: its pathname is that
   * path, and nothing needs parsing until the URL is read.
   */
  const isPlainCallPath = (req: NodeRequest): boolean => {
    if (!callPathIsPlain || (req.originalUrl ?? req.url) !== callPath) return false;
    const host = req.headers.host;
    if (host === undefined) return false;
    if (host === plainHost) return true;
    if (!PLAIN_HOST.test(host)) return false;
    plainHost = host;
    return true;
  };

  /** A Response or a framework's pass-through, written. */
  const write = async (
    answer: Response | FrameworkPassThrough,
    req: NodeRequest,
    res: ServerResponse,
  ): Promise<void> => {
    const response = answer instanceof Response ? answer : await sendFramework(answer, req, res);
    if (!response) return;
    // A body left unread (refused early) would be drained to keep the connection alive;
    // closing it is cheaper and stops the upload.
    await writeResponse(response, res, req.complete ? {} : { connection: "close" });
  };

  const writer: AnswerWriter = {
    finish: (answer, req, res) => finish(answer as Answer, req, res),
    fail: (req, res) => finish(internalError(), req, res),
  };

  return (req, res, next) => {
    const url = isPlainCallPath(req) ? undefined : requestUrl(req);
    const pathname = url ? url.pathname : callPath;
    if (next && !isUnderBasePath(pathname, basePath)) {
      next();
      return;
    }
    res.on("error", ignoreWriteError);
    serve(req, res, next, url, pathname);
  };

  /**
   * One request, answered. Not async: the answer is taken by a reaction on the handler's
   * promise (the same single step as an await, without this function's own async frame).
   */
  function serve(
    req: NodeRequest,
    res: ServerResponse,
    next: ((error?: unknown) => void) | undefined,
    url: URL | undefined,
    pathname: string,
  ): void {
    let pending: Promise<Response | FrameworkPassThrough | JsonAnswer>;
    try {
      if (handler.serveLight && isPlainJsonCall(req, pathname)) {
        const call = lightCall(req, res, url, writer, next);
        const light = handler.serveLight(call.request, call, pathname);
        // Undefined: the handler hands the answer to the reader itself.
        if (light === undefined) return;
        pending = light;
      } else {
        const maxBytes = maxBodyBytesFor(limits, req.headers["content-type"]);
        const request = toWebRequest(req, res, maxBytes);
        // Without a reader, the handler's promise (never undefined).
        pending = handler.serveLight
          ? (handler.serveLight(request, undefined, pathname) as Promise<Answer>)
          : (handler.serve ?? handler)(request);
      }
    } catch (error) {
      // A handler that throws instead of rejecting is answered as one that rejects.
      pending = Promise.reject(error);
    }
    // Promise.resolve: a handler's own promise as it is, anything else as await would take it.
    void Promise.resolve(pending).then(
      (answer) => finish(answer, req, res),
      (error: unknown) => {
        if (next) next(error);
        else return finish(internalError(), req, res);
      },
    );
  }

  /** The answer, written. */
  function finish(
    answer: Response | FrameworkPassThrough | JsonAnswer,
    req: NodeRequest,
    res: ServerResponse,
  ): Promise<void> | undefined {
    // The handler's own JSON (a call's answer): written here, without another async step.
    if (isJsonAnswer(answer)) {
      writeJsonAnswer(answer, res, !req.complete);
      return undefined;
    }
    return write(answer, req, res);
  }
}
