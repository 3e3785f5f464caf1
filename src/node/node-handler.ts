import type { ServerResponse } from "node:http";
import { MizanError } from "../core/errors.js";
import { DEFAULT_LIMITS, type Limits, maxBodyBytesFor } from "../server/limits.js";
import { isUnderBasePath, normalizeBasePath } from "../server/router.js";
import { type NodeRequest, requestUrl, toWebRequest } from "./incoming-request.js";
import { writeResponse } from "./write-response.js";

/** Any Web handler; `createHandler()`'s also carries its base path and limits. */
export type WebHandler = ((request: Request) => Promise<Response>) & {
  readonly basePath?: string;
  readonly limits?: Readonly<Limits>;
};

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

function internalError(): Response {
  return new Response(JSON.stringify(new MizanError("INTERNAL").toEnvelope()), {
    status: 500,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Serve a Web handler from node:http or Express. The adapter only converts: IncomingMessage →
 * Request (streamed body, refused past the handler's limit; a signal aborted when the client
 * disconnects), and Response → ServerResponse.
 *
 * @example
 * const handler = createHandler({ registry });
 * http.createServer(toNodeHandler(handler)).listen(3000);
 * app.use(toNodeHandler(handler)); // Express: other paths reach next()
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const basePath = normalizeBasePath(options.basePath ?? handler.basePath ?? "/api/mizan");
  const limits = handler.limits ?? DEFAULT_LIMITS;

  return (req, res, next) => {
    if (next && !isUnderBasePath(requestUrl(req).pathname, basePath)) {
      next();
      return;
    }
    res.on("error", () => {
      // A write racing a closed socket; the request's signal already reports the disconnect.
    });
    const serve = async (): Promise<void> => {
      const maxBytes = maxBodyBytesFor(limits, req.headers["content-type"]);
      const response = await handler(toWebRequest(req, res, maxBytes)).catch((error: unknown) => {
        if (next) {
          next(error);
          return null;
        }
        return internalError();
      });
      if (!response) return;
      // A body left unread (refused early) would be drained to keep the connection alive;
      // closing it is cheaper and stops the upload.
      await writeResponse(response, res, req.complete ? {} : { connection: "close" });
    };
    void serve();
  };
}
