import { type App, createContext, type RequestContext, type User } from "../core/context.js";
import { MizanError } from "../core/errors.js";
import { defaultRegistry, type Registry } from "../core/registry.js";
import { isFrameworkResponse } from "../core/response.js";
import { type CsrfOptions, createCsrf } from "./csrf.js";
import { type Limits, maxBodyBytesFor, resolveLimits } from "./limits.js";
import { type FileLimitLookup, parseCall } from "./parse-call.js";
import { errorResponse, jsonResponse, passThrough, resultResponse } from "./responses.js";
import { matchRoute, normalizeBasePath, type Route } from "./router.js";

/** Resolves the signed-in user of a request; `null`/`undefined` when anonymous. */
export type GetUser = (
  request: Request,
) => User | null | undefined | Promise<User | null | undefined>;

/** Told about every unexpected throw (a 500), with the original error. */
export type OnError = (error: unknown, info: { request: Request; fn: string | null }) => void;

export interface HandlerOptions {
  /** The functions served (default: the registry `register()` fills). */
  registry?: Registry;
  /** URL prefix of every route (default `/api/mizan`). */
  basePath?: string;
  /** Called once per call request, before the function runs. */
  getUser?: GetUser;
  /** Passed to every function as `ctx.app`. */
  app?: App;
  limits?: Partial<Limits>;
  /** Put a 500's original message and stack in its `details` (never in production). */
  debug?: boolean;
  /** Logs unexpected errors (default `console.error`). */
  onError?: OnError;
  /**
   * CSRF protection of calls that carry cookies (default: on, double-submit with Django's
   * `csrftoken` cookie and `X-CSRFToken` header); `false` turns it off. See docs/security.md.
   */
  csrf?: CsrfOptions | false;
}

/** A Web-standard request handler that also tells adapters its base path and limits. */
export interface MizanHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  readonly limits: Readonly<Limits>;
}

/** A function that caps its uploads by path (a form's validate and submit do). */
interface FileLimited {
  fileLimit(path: string): number | undefined;
}

function hasFileLimit(fn: unknown): fn is FileLimited {
  return typeof (fn as Partial<FileLimited> | undefined)?.fileLimit === "function";
}

/** Add a Set-Cookie to a response, copying it when its headers are immutable. */
function withCookie(response: Response, cookie: string | null): Response {
  if (!cookie) return response;
  try {
    response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    copy.headers.append("set-cookie", cookie);
    return copy;
  }
}

/** What a request learned on its way, for the error path: the function name and the context. */
interface CallState {
  fn: string | null;
  ctx?: RequestContext;
}

const defaultOnError: OnError = (error, { fn }) => {
  console.error(`[mizan] unexpected error${fn ? ` in "${fn}"` : ""}:`, error);
};

/**
 * Serve a registry over HTTP with Web `Request`/`Response` (Node via `mizan/node`, Bun, Deno,
 * edge runtimes). Routes: `POST {basePath}/call/`, `GET {basePath}/manifest/`.
 *
 * @example
 * const handler = createHandler({ getUser: (req) => sessions.userFrom(req) });
 * export default { fetch: handler }; // Bun / Deno / workers
 */
export function createHandler(options: HandlerOptions = {}): MizanHandler {
  const registry = options.registry ?? defaultRegistry;
  const basePath = normalizeBasePath(options.basePath ?? "/api/mizan");
  const limits = resolveLimits(options.limits);
  const debug = options.debug ?? false;
  const onError = options.onError ?? defaultOnError;
  const csrf = createCsrf(options.csrf);
  const fileLimit: FileLimitLookup = (name, path) => {
    const fn = registry.get(name);
    return hasFileLimit(fn) ? fn.fileLimit(path) : undefined;
  };

  async function call(request: Request, state: CallState): Promise<Response> {
    if (csrf) {
      try {
        csrf.check(request);
      } catch (error) {
        request.body?.cancel().catch(() => {});
        throw error;
      }
    }
    const { fn, args } = await parseCall(
      request,
      limits,
      maxBodyBytesFor(limits, request.headers.get("content-type")),
      fileLimit,
    );
    state.fn = fn;
    if (!registry.has(fn)) throw new MizanError("NOT_FOUND", `Unknown function "${fn}".`);
    const user = options.getUser ? await options.getUser(request) : null;
    const ctx = createContext({
      request,
      user: user ?? null,
      signal: request.signal,
      app: options.app,
    });
    state.ctx = ctx;
    const result = await registry.call(fn, ctx, args);
    if (result instanceof Response) return passThrough(result, ctx.responseHeaders);
    if (isFrameworkResponse(result)) {
      // Another framework's response object (setFrameworkResponseBase) means the function was
      // written for that framework's own adapter; a Web handler cannot send it.
      throw new TypeError(`"${fn}" returned a framework response; return a Web Response here.`);
    }
    return resultResponse(result, ctx.responseHeaders);
  }

  async function route(request: Request, found: Route, state: CallState): Promise<Response> {
    if (request.method !== found.allow) {
      request.body?.cancel().catch(() => {});
      throw new MizanError("METHOD_NOT_ALLOWED", `Use ${found.allow} for this URL.`);
    }
    if (found.kind === "manifest") return jsonResponse(200, registry.manifest());
    if (found.kind === "context") {
      throw new MizanError("NOT_FOUND", `Unknown context "${found.name}".`);
    }
    return call(request, state);
  }

  const handler = async (request: Request): Promise<Response> => {
    const found = matchRoute(new URL(request.url).pathname, basePath);
    const cookie = csrf?.issue(request, found?.kind === "manifest" ? "manifest" : "other") ?? null;
    return withCookie(await respond(request, found), cookie);
  };

  async function respond(request: Request, found: Route | null): Promise<Response> {
    const state: CallState = { fn: null };
    try {
      if (!found) {
        request.body?.cancel().catch(() => {});
        throw new MizanError("NOT_FOUND");
      }
      return await route(request, found, state);
    } catch (thrown) {
      const error = MizanError.fromUnknown(thrown);
      if (error.code === "INTERNAL") {
        try {
          onError(thrown, { request, fn: state.fn });
        } catch {
          // A failing logger must not turn a 500 into a crash.
        }
      }
      const allow = error.code === "METHOD_NOT_ALLOWED" ? found?.allow : undefined;
      return errorResponse(error, { debug, extra: state.ctx?.responseHeaders, allow });
    }
  }
  return Object.assign(handler, { basePath, limits });
}
