import { isAscii } from "node:buffer";
import type { ServerResponse } from "node:http";
import { MizanError } from "../core/errors.js";
import type { BodyReader } from "../server/parse-call.js";
import { type NodeRequest, requestUrl } from "./incoming-request.js";
import { lightHeaders, realHeaders } from "./light-headers.js";

/**
 * One light call's state, and its body reader (`readBody`, a method: no closure per request).
 * `request` is the light Request over it.
 */
class LightState implements BodyReader {
  readonly req: NodeRequest;
  readonly res: ServerResponse;
  readonly method: string;
  /** `request.url`, made on first read (see urlOf). */
  url: string | undefined;
  /** Made the first time it is read (see signalOf). */
  signal: AbortSignal | undefined = undefined;
  /** The real Headers, once something needed them (see light-headers.ts). */
  headers: Headers | undefined = undefined;
  /** What `request.headers` answers: a view over node's headers. */
  view: Headers | undefined = undefined;
  /** The body, once the adapter has read it. */
  body: Uint8Array | undefined = undefined;
  built: Request | undefined = undefined;
  readonly request: Request;
  readonly #out: AnswerWriter;
  readonly #next: ((error?: unknown) => void) | undefined;

  constructor(
    req: NodeRequest,
    res: ServerResponse,
    url: URL | undefined,
    out: AnswerWriter,
    next: ((error?: unknown) => void) | undefined,
  ) {
    this.req = req;
    this.res = res;
    this.#out = out;
    this.#next = next;
    this.method = req.method ?? "POST";
    this.url = url?.href;
    this.request = new LightRequest(this) as unknown as Request;
  }

  /** The call's answer, written where the handler made it. */
  answered(answer: unknown): void {
    void this.#out.finish(answer, this.req, this.res);
  }

  /** What the call's steps threw: to `next()` (Express), else the 500. */
  failed(error: unknown): void {
    if (this.#next) this.#next(error);
    else void this.#out.fail(this.req, this.res);
  }

  /** Not async: the handler awaits this promise itself (no layer around it). */
  readBody(maxBytes: number): Promise<Uint8Array | string | null> {
    const length = Number(this.req.headers["content-length"]);
    // Too large by its Content-Length: null at once, the body left unread.
    if (length > maxBytes) return Promise.resolve(null);
    return collect(this, maxBytes);
  }
}

let stateOf: (request: object) => LightState;

/**
 * The light Request: an instance holding its state, whose prototype (below) sits on
 * Request.prototype, so `instanceof Request` holds and every member answers.
 */
class LightRequest {
  readonly #state: LightState;

  constructor(state: LightState) {
    this.#state = state;
  }

  static {
    stateOf = (request) => (request as LightRequest).#state;
  }
}

/**
 * The request's signal, made when first read: aborted when the connection closes before the
 * answer is written (at once, if that already happened).
 */
function signalOf(state: LightState): AbortSignal {
  if (state.signal) return state.signal;
  const { res } = state;
  const controller = new AbortController();
  state.signal = controller.signal;
  if (res.closed || res.destroyed) {
    if (!res.writableFinished) controller.abort();
  } else {
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
  }
  return state.signal;
}

/** The request URL, made on first read: most calls never ask (routing took the path as sent). */
function urlOf(state: LightState): string {
  state.url ??= requestUrl(state.req).href;
  return state.url;
}

function headersOf(state: LightState): Headers {
  state.view ??= lightHeaders(state);
  return state.view;
}

/** The undici Request, built the first time anything but method, url, headers or signal is read. */
function build(state: LightState): Request {
  if (!state.built) {
    const init: RequestInit & { duplex?: "half" } = {
      method: state.method,
      headers: realHeaders(state),
      signal: signalOf(state),
    };
    if (state.body !== undefined) {
      init.body = state.body as BodyInit;
      init.duplex = "half";
    }
    const built = new Request(urlOf(state), init);
    // The handler has read the body: a function sees it used, as on the streamed path.
    if (state.body !== undefined) built.arrayBuffer().catch(() => {});
    state.built = built;
  }
  return state.built;
}

const CHEAP: Record<string, (state: LightState) => unknown> = {
  method: (state) => state.method,
  url: urlOf,
  headers: headersOf,
  signal: signalOf,
};

/** Request.prototype's members, answered by the real Request built on demand. */
(() => {
  const proto = LightRequest.prototype;
  Object.setPrototypeOf(proto, Request.prototype);
  for (const key of Reflect.ownKeys(Request.prototype)) {
    if (key === "constructor") {
      // As a Request's: `request.constructor === Request`.
      Object.defineProperty(proto, key, { value: Request, configurable: true, writable: true });
      continue;
    }
    const cheap = typeof key === "string" ? CHEAP[key] : undefined;
    const descriptor = Object.getOwnPropertyDescriptor(Request.prototype, key);
    if (cheap) {
      Object.defineProperty(proto, key, {
        get(this: object) {
          return cheap(stateOf(this));
        },
        configurable: true,
      });
    } else if (descriptor?.get) {
      Object.defineProperty(proto, key, {
        get(this: object) {
          return Reflect.get(build(stateOf(this)), key);
        },
        configurable: true,
      });
    } else if (typeof descriptor?.value === "function") {
      Object.defineProperty(proto, key, {
        value(this: object, ...args: unknown[]) {
          const real = build(stateOf(this));
          return (Reflect.get(real, key) as (...a: unknown[]) => unknown).apply(real, args);
        },
        configurable: true,
        writable: true,
      });
    }
  }
})();

/**
 * The body as text when it is all ASCII (a JSON call mostly is): its bytes are its characters,
 * read in one copy, as the handler's strict UTF-8 decoder would read them. Anything else
 * (other UTF-8, a BOM, invalid bytes) goes back as bytes, for the handler to decode or refuse.
 */
function textOf(bytes: Buffer): Buffer | string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes;
}

/**
 * Collect the body into one Buffer, kept as the light request's body; resolves with it as
 * `textOf` gives it, or null once it passes `maxBytes` (the rest is left unread). A failed
 * read rejects with the handler's 400.
 */
function collect(state: LightState, maxBytes: number): Promise<Uint8Array | string | null> {
  const { req } = state;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    // Left attached once the body has ended: no 'data' follows, a late 'close' finds the
    // request complete and a late 'error' rejects a settled promise (removing four listeners
    // per call cost more than leaving them on a request that is about to be dropped).
    const onEnd = (): void => {
      const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      state.body = bytes;
      resolve(textOf(bytes));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(unreadable(error));
    };
    // A client gone mid-body: node destroys the request ('error', then 'close').
    const onClose = (): void => {
      if (!req.complete) onError(new Error("The client aborted the request."));
    };
    if (req.destroyed) {
      reject(unreadable(new Error("The client aborted the request.")));
      return;
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

function unreadable(error: Error): MizanError {
  return new MizanError("BAD_REQUEST", "Could not read the request body.", null, error);
}

/**
 * A JSON call read without Web streams: `request`, a Request that answers method, url, headers
 * and signal itself and builds the undici Request only when something else is read
 * (`ctx.request.clone()`), and the reader the handler calls for the body (`readBody`): the
 * whole IncomingMessage in one Buffer, or null (the handler's 413) the moment it passes the
 * limit (by Content-Length first, the body then left unread), and a signal aborted when the
 * client disconnects before the answer is written. `url` is the request URL when the adapter
 * has parsed it already; else it is made when first read.
 */
export function lightCall(
  req: NodeRequest,
  res: ServerResponse,
  url: URL | undefined,
  out: AnswerWriter,
  next: ((error?: unknown) => void) | undefined,
): BodyReader & { readonly request: Request } {
  return new LightState(req, res, url, out, next);
}

/** How the adapter writes an answer (`finish`) or the 500 (`fail`). */
export interface AnswerWriter {
  finish(answer: unknown, req: NodeRequest, res: ServerResponse): Promise<void> | undefined;
  fail(req: NodeRequest, res: ServerResponse): Promise<void> | undefined;
}
