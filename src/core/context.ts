import { activeLocale } from "../forms/message-format.js";
import type { ContextMerge, ContextRef } from "./context-key.js";

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

const effects = new WeakMap<RequestContext, ContextEffects>();

/** The context changes a call asked for (empty for a context not built by `createContext`). */
export function contextEffects(ctx: RequestContext): ContextEffects {
  return effects.get(ctx) ?? { invalidate: [], merge: [] };
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
  signal?: AbortSignal;
  app?: App;
  /** Default: the current language (`activeLocale()`), which a handler sets per request. */
  language?: string;
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
  const responseHeaders = new Headers();
  const collected: ContextEffects = { invalidate: [], merge: [] };
  const given = init.request;
  const setCookie: RequestContext["setCookie"] = (name, value, options) => {
    responseHeaders.append("Set-Cookie", serializeCookie(name, value, options));
  };
  const invalidate: RequestContext["invalidate"] = (name, args) => {
    collected.invalidate.push(args === undefined ? { name } : { name, args });
  };
  const merge: RequestContext["merge"] = (name, value, args) => {
    collected.merge.push(args === undefined ? { name, value } : { name, args, value });
  };
  const user = init.user ?? null;
  const signal = init.signal ?? new AbortController().signal;
  const app = init.app as App;
  const language = init.language ?? activeLocale();
  let ctx: RequestContext;
  if (given !== undefined && typeof given !== "function") {
    // The request is known: a plain property (an object literal with a getter takes V8's
    // slow path, about a microsecond per context).
    ctx = {
      request: given,
      user,
      signal,
      app,
      language,
      responseHeaders,
      setCookie,
      invalidate,
      merge,
    };
  } else {
    let request: Request | undefined;
    ctx = {
      get request() {
        request ??= typeof given === "function" ? given() : new Request("http://localhost/");
        return request;
      },
      user,
      signal,
      app,
      language,
      responseHeaders,
      setCookie,
      invalidate,
      merge,
    };
  }
  effects.set(ctx, collected);
  return ctx;
}
