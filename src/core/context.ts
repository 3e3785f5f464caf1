import { activeLocale } from "../forms/message-format.js";
import type { ContextMerge, ContextRef } from "./context-key.js";
import { isPlainHeader, responseHeaders } from "./response-headers.js";

/**
 * Augment this interface to type `ctx.user` and `ctx.app` across your server:
 *
 * @example
 * declare module "mizan" {
 *   interface Register { user: { id: number; isStaff: boolean }; app: { mailer: Mailer } }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: declaration-merging target
export interface Register {}

/** What mizan itself reads from a user: the flags behind `auth: "staff"` and `"superuser"`. */
export interface MizanUser {
  id?: string | number;
  isStaff?: boolean;
  isSuperuser?: boolean;
}

export type User = Register extends { user: infer U } ? U : MizanUser;
export type App = Register extends { app: infer A } ? A : unknown;

export interface CookieOptions {
  maxAge?: number;
  expires?: Date;
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: "Strict" | "Lax" | "None";
}

/** Everything a server function sees of the request it serves. */
export interface RequestContext {
  /** The Web request being served. */
  readonly request: Request;
  /** Resolved once per request by the handler's `getUser(request)`; `null` when anonymous. */
  readonly user: User | null;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** The app object given to `createHandler({ app })`. */
  readonly app: App;
  /**
   * The language the request is answered in: negotiated by a handler with `languages` (cookie,
   * `Accept-Language`, default), else the process language (`activateLocale`, `"en"`).
   */
  readonly language: string;
  /** Headers added to the response (also on errors). */
  readonly responseHeaders: Headers;
  setCookie(name: string, value: string, options?: CookieOptions): void;
  /**
   * Tell the client that a context changed: the success envelope's `invalidate` names it, and
   * client stores refetch it (every instance of `name` when `args` is left out). Dropped when
   * the call ends in an error.
   *
   * @example
   * ctx.invalidate("currentUser");
   * ctx.invalidate("greet", { name: "Ada" });
   */
  invalidate(name: string, args?: Record<string, unknown>): void;
  /**
   * Send a context's new value with the answer (the envelope's `merge`), so client stores
   * patch it without a fetch. The last merge of one instance wins. Dropped on errors.
   *
   * @example
   * ctx.merge("currentUser", { id: 1, name: "Ada" });
   */
  merge(name: string, value: unknown, args?: Record<string, unknown>): void;
}

/** What `ctx.invalidate` and `ctx.merge` collected during one call, in call order. */
export interface ContextEffects {
  readonly invalidate: ContextRef[];
  readonly merge: ContextMerge[];
}

const NO_EFFECTS: ContextEffects = Object.freeze({
  invalidate: Object.freeze([]) as unknown as ContextRef[],
  merge: Object.freeze([]) as unknown as ContextMerge[],
});

/**
 * The context changes a call asked for: a shared empty record when it asked for none (or for a
 * context not built by `createContext`), so a call that changes nothing allocates nothing.
 */
export function contextEffects(ctx: RequestContext): ContextEffects {
  return Context.effectsOf(ctx) ?? NO_EFFECTS;
}

/** The three methods of a context, bound to it (made when one is first read). */
interface BoundMethods {
  setCookie: RequestContext["setCookie"];
  invalidate: RequestContext["invalidate"];
  merge: RequestContext["merge"];
}

function serializeCookie(name: string, value: string, o: CookieOptions = {}): string {
  let out = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  if (o.maxAge !== undefined) out += `; Max-Age=${Math.floor(o.maxAge)}`;
  if (o.expires) out += `; Expires=${o.expires.toUTCString()}`;
  out += `; Path=${o.path ?? "/"}`;
  if (o.domain) out += `; Domain=${o.domain}`;
  if (o.secure) out += "; Secure";
  if (o.httpOnly) out += "; HttpOnly";
  if (o.sameSite) out += `; SameSite=${o.sameSite}`;
  return out;
}

export interface ContextInit {
  /** The request, or a function that builds it the first time `ctx.request` is read. */
  request?: Request | (() => Request);
  user?: User | null;
  /** The signal, or a function that builds it the first time `ctx.signal` is read. */
  signal?: AbortSignal | (() => AbortSignal);
  app?: App;
  /** Default: the current language (`activeLocale()`), which a handler sets per request. */
  language?: string;
  /**
   * Makes `ctx.responseHeaders` on its first read. Default: an empty `Headers` that keeps plain
   * `set`s in a map and builds undici's only when more is asked (see response-headers.ts).
   */
  responseHeaders?: () => Headers;
}

/**
 * @internal As `ContextInit.signal`: the context's request's own signal, read when `ctx.signal`
 * is first read (dispatch passes it instead of a closure per call).
 */
export const REQUEST_SIGNAL = (): AbortSignal => {
  throw new TypeError("REQUEST_SIGNAL is read by createContext; pass it as `signal`.");
};

/**
 * The context `createContext` builds. A class, so that `request`, `signal` and
 * `responseHeaders` are getters on the prototype (made on first read, nothing per request for
 * a function that never reads them) without the slow path an object literal with getters takes.
 * The methods are getters too, each giving a function bound to the context (made on the first
 * read of any of them), so `const { setCookie } = ctx` keeps working; the effects list is made
 * by the first `invalidate` or `merge`.
 */
class Context implements RequestContext {
  readonly user: User | null;
  readonly app: App;
  readonly language: string;
  #request: Request | (() => Request) | undefined;
  #signal: AbortSignal | (() => AbortSignal) | undefined;
  #headers: Headers | (() => Headers) | undefined;
  #effects: ContextEffects | undefined = undefined;
  #methods: BoundMethods | undefined = undefined;
  /** A header set (see `setResponseHeader`) before the response headers were made. */
  #earlyName: string | undefined = undefined;
  #earlyValue = "";

  constructor(init: ContextInit) {
    this.#request = init.request;
    this.#signal = init.signal;
    this.#headers = init.responseHeaders;
    this.user = init.user ?? null;
    this.app = init.app as App;
    this.language = init.language ?? activeLocale();
  }

  get request(): Request {
    const given = this.#request;
    if (given !== undefined && typeof given !== "function") return given;
    const made = given === undefined ? new Request("http://localhost/") : given();
    this.#request = made;
    return made;
  }

  get signal(): AbortSignal {
    const given = this.#signal;
    if (given !== undefined && typeof given !== "function") return given;
    const made =
      given === undefined
        ? new AbortController().signal
        : given === REQUEST_SIGNAL
          ? this.request.signal
          : given();
    this.#signal = made;
    return made;
  }

  get responseHeaders(): Headers {
    const given = this.#headers;
    if (given !== undefined && typeof given !== "function") return given;
    const made = given === undefined ? responseHeaders() : given();
    this.#headers = made;
    if (this.#earlyName !== undefined) {
      made.set(this.#earlyName, this.#earlyValue);
      this.#earlyName = undefined;
    }
    return made;
  }

  get setCookie(): RequestContext["setCookie"] {
    return this.#bound().setCookie;
  }

  get invalidate(): RequestContext["invalidate"] {
    return this.#bound().invalidate;
  }

  get merge(): RequestContext["merge"] {
    return this.#bound().merge;
  }

  #bound(): BoundMethods {
    this.#methods ??= {
      setCookie: (name, value, options) => {
        this.responseHeaders.append("Set-Cookie", serializeCookie(name, value, options));
      },
      invalidate: (name, args) => {
        this.#effectList().invalidate.push(args === undefined ? { name } : { name, args });
      },
      merge: (name, value, args) => {
        this.#effectList().merge.push(args === undefined ? { name, value } : { name, args, value });
      },
    };
    return this.#methods;
  }

  #effectList(): ContextEffects {
    this.#effects ??= { invalidate: [], merge: [] };
    return this.#effects;
  }

  static effectsOf(ctx: RequestContext): ContextEffects | undefined {
    return #effects in ctx ? ctx.#effects : undefined;
  }

  static headersOf(ctx: RequestContext): Headers | undefined {
    if (!(#headers in ctx)) return ctx.responseHeaders;
    if (ctx.#earlyName !== undefined) return ctx.responseHeaders;
    const made = ctx.#headers;
    return typeof made === "function" ? undefined : made;
  }

  static setHeader(ctx: RequestContext, name: string, value: string): void {
    // Kept on the context while its headers would be the default ones and not made yet (one
    // header: a form call's version); they are made, holding it, when first read.
    if (
      #headers in ctx &&
      ctx.#earlyName === undefined &&
      (ctx.#headers === undefined || ctx.#headers === responseHeaders) &&
      isPlainHeader(name, value)
    ) {
      ctx.#earlyName = name;
      ctx.#earlyValue = value;
      return;
    }
    ctx.responseHeaders.set(name, value);
  }
}

/**
 * The context's response headers if anything read them, else `undefined` (no extra headers),
 * without making them. For transports: a context `createContext` did not build answers its
 * `responseHeaders` as they are.
 */
export function builtResponseHeaders(ctx: RequestContext): Headers | undefined {
  return Context.headersOf(ctx);
}

/**
 * @internal `ctx.responseHeaders.set(name, value)`, without making the headers of a context
 * whose headers are the default ones until something reads them (a call that is not answered
 * over HTTP never does).
 */
export function setResponseHeader(ctx: RequestContext, name: string, value: string): void {
  Context.setHeader(ctx, name, value);
}

/**
 * Build a RequestContext. The HTTP handler calls this once per request; tests and the
 * in-process transport call it directly.
 *
 * @example
 * const ctx = createContext({ user: { id: 1 } });
 * await registry.call("echo", ctx, { text: "hi" });
 */
export function createContext(init: ContextInit = {}): RequestContext {
  return new Context(init);
}
