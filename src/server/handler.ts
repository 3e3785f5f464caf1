import type { App } from "../core/context.js";
import {
  type DispatchOptions,
  type DispatchOutcome,
  dispatchNow,
  errorOutcome,
  type GetUser,
  type OnError,
} from "../core/dispatch.js";
import { errorText } from "../core/error-text.js";
import { MizanError } from "../core/errors.js";
import { withLocale } from "../core/locale.js";
import { defaultRegistry, type Registry } from "../core/registry.js";
import { readContext } from "./context-route.js";
import { type CsrfOptions, createCsrf } from "./csrf.js";
import { isJsonAnswer, type JsonAnswer, jsonAnswer, toWebResponse } from "./json-answer.js";
import {
  type LanguageOptions,
  negotiate,
  type ResolvedLanguages,
  resolveLanguages,
  setLanguageHeaders,
  withLanguageHeaders,
} from "./language.js";
import { type Limits, resolveLimits } from "./limits.js";
import { MULTIPART_TYPE } from "./media-type.js";
import { formPostResponse, type RenderFormPage } from "./native-pages.js";
import { contextResponse, toResponse } from "./outcome-answer.js";
import {
  type BodyReader,
  type CallEnvelope,
  callMediaType,
  decodeCall,
  type FileLimitLookup,
  parseMultipart,
} from "./parse-call.js";
import { payloadTooLarge, readBody as readRequestBody } from "./read-body.js";
import { matchRoute, normalizeBasePath, type Route, requestPathname } from "./router.js";

export type { GetUser, OnError } from "../core/dispatch.js";

export interface HandlerOptions extends LanguageOptions {
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
  /**
   * The page an invalid native form post (`POST {basePath}/form/<name>/`) answers with,
   * instead of the default 422 HTML list of errors. See docs/progressive-enhancement.md.
   */
  renderFormPage?: RenderFormPage;
}

/**
 * A function's framework response (see `setFrameworkResponseBase`), let through for the
 * adapter that registered its class, with the headers to send along (the context's cookies
 * and the CSRF cookie).
 */
export interface FrameworkPassThrough {
  readonly frameworkResponse: unknown;
  readonly headers: Headers;
  /** Tell the handler's `onError` that sending it failed (the answer is past the handler). */
  readonly report: (error: unknown) => void;
}

/** A Web-standard request handler that also tells adapters its base path and limits. */
export interface MizanHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  readonly limits: Readonly<Limits>;
  /**
   * For adapters: answer like the handler itself, except that a framework response a function
   * returned comes back untouched as a `FrameworkPassThrough` instead of being refused.
   *
   * @example
   * const answer = await handler.serve(request);
   * if (answer instanceof Response) send(answer);
   * else sendFramework(answer.frameworkResponse, answer.headers);
   */
  readonly serve: (request: Request) => Promise<Response | FrameworkPassThrough>;
  /**
   * @internal For adapters that write the answer's bytes themselves (`mizan/node`): `serve`,
   * except that the handler's own JSON answers come back as a `JsonAnswer` (status, headers,
   * cookies, text) instead of a Response. With `readBody`, a `POST {basePath}/call/` body is
   * taken from `readBody.readBody(maxBytes)` (called where the handler would read the request's
   * stream, after the CSRF and media-type checks) instead of `request.body`; a reader with
   * `answered` gets a call's answer (then undefined is returned). `pathname`, when given, is
   * `request.url`'s, as the adapter found it (the URL is then not parsed to route).
   */
  readonly serveLight: (
    request: Request,
    readBody?: BodyReader,
    pathname?: string,
  ) => Promise<Response | FrameworkPassThrough | JsonAnswer> | undefined;
}

/** What the handler's steps answer before a Web caller gets a Response. */
type Answer = Response | FrameworkPassThrough | JsonAnswer;

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

/** An answer with the CSRF cookie the handler issues with it (none when `cookie` is null). */
function withIssued(out: Answer, cookie: string | null): Answer {
  if (isJsonAnswer(out)) {
    if (cookie) out.cookies.push(cookie);
    return out;
  }
  if (out instanceof Response) return withCookie(out, cookie);
  if (cookie) out.headers.append("set-cookie", cookie);
  return out;
}

function ignore(): void {}

/**
 * Serve a registry over HTTP with Web `Request`/`Response` (Node via `mizan/node`, Bun, Deno,
 * edge runtimes). Routes: `POST {basePath}/call/`, `GET {basePath}/manifest/`,
 * `GET {basePath}/ctx/<name>/?args=<JSON>` (contexts; see docs/protocol.md), and
 * `POST {basePath}/form/<name>/` (native form posts; see docs/progressive-enhancement.md).
 * With `languages`, each request is answered in its negotiated language (see docs/languages.md).
 *
 * @example
 * const handler = createHandler({ getUser: (req) => sessions.userFrom(req) });
 * export default { fetch: handler }; // Bun / Deno / workers
 * createHandler({ languages: ["en", "fr", "ar"] }); // messages in the user's language
 */
export function createHandler(options: HandlerOptions = {}): MizanHandler {
  const registry = options.registry ?? defaultRegistry;
  const basePath = normalizeBasePath(options.basePath ?? "/api/mizan");
  const limits = resolveLimits(options.limits);
  const csrf = createCsrf(options.csrf);
  const languages = resolveLanguages(options);
  const dispatchOptions: DispatchOptions = {
    registry,
    getUser: options.getUser,
    app: options.app,
    debug: options.debug ?? false,
    onError: options.onError,
  };
  // The last path's route (matchRoute is pure; a server mostly sees the call path).
  let lastPath: string | undefined;
  let lastRoute: Route | null = null;
  const routeOf = (pathname: string): Route | null => {
    if (pathname !== lastPath) {
      lastRoute = matchRoute(pathname, basePath);
      lastPath = pathname;
    }
    return lastRoute;
  };
  // Built once: the options with framework responses let through (adapters) or refused.
  const letThrough: DispatchOptions = { ...dispatchOptions, frameworkResponses: true };
  const refused: DispatchOptions = { ...dispatchOptions, frameworkResponses: false };
  const withFrameworks = (on: boolean): DispatchOptions => (on ? letThrough : refused);
  const fileLimit: FileLimitLookup = (name, path) => {
    const fn = registry.get(name);
    return hasFileLimit(fn) ? fn.fileLimit(path) : undefined;
  };

  /**
   * `POST {base}/call/`: the HTTP-only steps (CSRF, media type, body and its limits), then the
   * shared dispatch, in this one async step (each async layer costs a promise and a microtask
   * per request).
   */
  async function callAnswer(
    request: Request,
    frameworkResponses: boolean,
    readBody: BodyReader | undefined,
    cookie: string | null,
    sink?: BodyReader,
  ): Promise<Answer | undefined> {
    let call: CallEnvelope | undefined;
    let refusal: unknown;
    try {
      if (csrf) {
        try {
          csrf.check(request);
        } catch (error) {
          if (!readBody) request.body?.cancel().catch(ignore);
          throw error;
        }
      }
      const contentType = request.headers.get("content-type") ?? "";
      const type = callMediaType(request, contentType);
      if (type === MULTIPART_TYPE) {
        const maxBytes = limits.maxMultipartBytes;
        call = await parseMultipart(request, contentType, limits, maxBytes, fileLimit);
      } else {
        const maxBytes = limits.maxBodyBytes;
        const body = readBody
          ? await readBody.readBody(maxBytes)
          : await readRequestBody(request, maxBytes);
        // The reader's "too large", made here: in the language of the request served.
        if (body === null) throw payloadTooLarge(maxBytes);
        call = decodeCall(type, body, limits);
      }
    } catch (thrown) {
      refusal = thrown;
    }
    let answer: Answer;
    try {
      if (call === undefined) {
        // Before any function is known: CSRF, media type, limits, malformed bodies.
        const refused = errorOutcome(refusal, { request, fn: null }, dispatchOptions);
        answer = withIssued(toResponse(refused), cookie);
      } else {
        // dispatch never throws: every outcome, errors included, comes back as a value (itself
        // when the function answered without waiting: no await, no microtask before the answer).
        const options = withFrameworks(frameworkResponses);
        const pending = dispatchNow(call.fn, call.args, request, options);
        const outcome = pending instanceof Promise ? await pending : pending;
        answer = withIssued(answerOf(request, outcome, false), cookie);
      }
    } catch (error) {
      if (!sink) throw error;
      sink.failed?.(error);
      return undefined;
    }
    // With the adapter's sink, the answer goes there where it is made.
    if (!sink) return answer;
    sink.answered?.(answer);
    return undefined;
  }

  /** A dispatched outcome as the answer: a framework pass-through, a context read's, a call's. */
  function answerOf(request: Request, outcome: DispatchOutcome, context: boolean): Answer {
    if (outcome.kind === "framework") {
      const fn = outcome.fn;
      return {
        frameworkResponse: outcome.response,
        headers: outcome.headers,
        report: (error) => void errorOutcome(error, { request, fn }, dispatchOptions),
      };
    }
    return context ? contextResponse(outcome) : toResponse(outcome);
  }

  /** Every route but a call (`callAnswer`): 404, 405, native form posts, manifest, contexts. */
  async function respond(
    request: Request,
    found: Route | null,
    frameworkResponses: boolean,
  ): Promise<Answer> {
    if (!found) {
      request.body?.cancel().catch(ignore);
      return toResponse(errorOutcome(new MizanError("NOT_FOUND"), { request, fn: null }, {}));
    }
    if (request.method !== found.allow) {
      request.body?.cancel().catch(ignore);
      const params = { method: found.allow };
      const message = errorText(
        "METHOD_NOT_ALLOWED",
        "http.METHOD_NOT_ALLOWED.use",
        "Use %(method)s for this URL.",
        params,
      );
      const error = new MizanError("METHOD_NOT_ALLOWED", message);
      return toResponse(errorOutcome(error, { request, fn: null }, {}), found.allow);
    }
    if (found.kind === "form") {
      const env = { dispatchOptions, limits, csrf };
      return formPostResponse(request, found.name, env, options.renderFormPage);
    }
    if (found.kind === "manifest") {
      try {
        return jsonAnswer(200, JSON.stringify(registry.manifest()));
      } catch (thrown) {
        return toResponse(errorOutcome(thrown, { request, fn: null }, dispatchOptions));
      }
    }
    // A context read (a call is answered by callAnswer before it gets here).
    const name = found.kind === "context" ? found.name : "";
    const fw = withFrameworks(frameworkResponses);
    return answerOf(request, await readContext(request, name, limits, fw), true);
  }

  /** The answer to any route but a call, with the issued CSRF cookie. */
  async function otherAnswer(
    request: Request,
    found: Route | null,
    frameworkResponses: boolean,
    cookie: string | null,
  ): Promise<Answer> {
    return withIssued(await respond(request, found, frameworkResponses), cookie);
  }

  /** Not async: the call's promise is callAnswer's own (no layer around it). */
  function answerIn(
    request: Request,
    frameworkResponses: boolean,
    readBody: BodyReader | undefined,
    pathname: string | undefined,
    sink?: BodyReader,
  ): Promise<Answer> | undefined {
    let found: Route | null;
    let cookie: string | null;
    try {
      found = routeOf(pathname ?? requestPathname(request));
      cookie = csrf?.issue(request, found?.kind === "manifest" ? "manifest" : "other") ?? null;
    } catch (error) {
      // As from an async step: a rejection, never a throw.
      return Promise.reject(error);
    }
    if (found?.kind !== "call" || request.method !== "POST") {
      return otherAnswer(request, found, frameworkResponses, cookie);
    }
    const pending = callAnswer(request, frameworkResponses, readBody, cookie, sink);
    // With a sink, the answer goes there (callAnswer never rejects then).
    return sink ? undefined : (pending as Promise<Answer>);
  }

  /** With `languages`: the whole answer in the request's language, and headers that say so. */
  function answer(
    request: Request,
    frameworkResponses: boolean,
    readBody?: BodyReader,
    pathname?: string,
  ): Promise<Answer> {
    // Not async: without languages, answerIn's own promise (no extra resolution step).
    if (!languages)
      return answerIn(request, frameworkResponses, readBody, pathname) as Promise<Answer>;
    return answerInLanguage(languages, request, frameworkResponses, readBody, pathname);
  }

  async function answerInLanguage(
    languages: ResolvedLanguages,
    request: Request,
    frameworkResponses: boolean,
    readBody: BodyReader | undefined,
    pathname: string | undefined,
  ): Promise<Answer> {
    const language = negotiate(request, languages);
    const out = await withLocale(
      language,
      () => answerIn(request, frameworkResponses, readBody, pathname) as Promise<Answer>,
    );
    if (out instanceof Response) return withLanguageHeaders(out, language);
    setLanguageHeaders(out.headers, language);
    return out;
  }

  const serve = async (request: Request): Promise<Response | FrameworkPassThrough> => {
    const out = await answer(request, true);
    return isJsonAnswer(out) ? toWebResponse(out) : out;
  };
  // Framework responses off: dispatch refuses them (a 500), so the answer is never a pass-through.
  const handler = async (request: Request): Promise<Response> => {
    const out = (await answer(request, false)) as Response | JsonAnswer;
    return isJsonAnswer(out) ? toWebResponse(out) : out;
  };
  // A reader that takes the answer itself gets a call's answer where it is made (not with
  // languages: they wrap the answer after it is made).
  const serveLight = (request: Request, readBody?: BodyReader, pathname?: string) =>
    !languages && readBody?.answered
      ? answerIn(request, true, readBody, pathname, readBody)
      : answer(request, true, readBody, pathname);
  return Object.assign(handler, { basePath, limits, serve, serveLight });
}
