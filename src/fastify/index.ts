import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { type NodeHandlerOptions, toNodeHandler, type WebHandler } from "../node/node-handler.js";
import { normalizeBasePath } from "../server/router.js";

export type FastifyMizanOptions = NodeHandlerOptions;

/**
 * A Fastify plugin that serves a mizan handler at its base path (`/api/mizan/*`, every
 * method). Inside the plugin's own encapsulated scope it replaces Fastify's content-type
 * parsers with one that reads nothing, so JSON, urlencoded and multipart bodies reach mizan
 * untouched, under mizan's own limits; the app's other routes keep their parsers. The reply is
 * then written by `toNodeHandler` on `reply.raw` (`reply.hijack()`), after the headers that
 * hooks already set on the reply (CORS, for one), so a function's `nodeResponse()` works too.
 *
 * Register it without a `prefix`: the routes are the handler's base path.
 *
 * @example
 * import Fastify from "fastify";
 * import { mizanFastify } from "mizan/fastify";
 * import { createHandler } from "mizan/server";
 *
 * const app = Fastify();
 * await app.register(mizanFastify(createHandler()));
 * await app.listen({ port: 3000 });
 */
export function mizanFastify(
  handler: WebHandler,
  options: FastifyMizanOptions = {},
): FastifyPluginAsync {
  const basePath = normalizeBasePath(options.basePath ?? handler.basePath ?? "/api/mizan");
  const nodeHandler = toNodeHandler(handler, { basePath });
  const serve = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    nodeHandler(request.raw, reply.raw);
  };
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", (_request, _payload, done) => done(null));
    app.all(basePath, serve);
    app.all(`${basePath}/*`, serve);
  };
}
