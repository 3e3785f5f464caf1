import type { z } from "zod";
import { type AuthOption, checkAuth } from "./auth.js";
import type { RequestContext } from "./context.js";
import { MizanError, refusal } from "./errors.js";
import { isFrameworkResponse } from "./response.js";
import { zodErrorDetails } from "./zod-details.js";

export type ContextKind = "global" | "local";

/** Wraps a call: run code before and after `next()`, or throw to refuse it. */
export type Middleware = (
  ctx: RequestContext,
  args: unknown,
  next: () => Promise<unknown>,
) => unknown | Promise<unknown>;

export interface FunctionOptions<
  TInput extends z.ZodType | undefined,
  TOutput extends z.ZodType | undefined,
> {
  /** Validates (and parses) the call's `args`; failures are 422 VALIDATION_FAILED. */
  input?: TInput;
  /** Checked on the way out in development and test (never in production). */
  output?: TOutput;
  auth?: AuthOption;
  /**
   * Make the function a context: live page data a client store holds. `"global"`: no
   * arguments, fetched once per page (and rendered in by SSR); `"local"`: fetched per
   * arguments. Served at `GET {base}/ctx/<name>/` and still callable like any function.
   */
  context?: ContextKind;
  /** Contexts a successful call changes: its envelope's `invalidate` names them. */
  invalidates?: readonly string[];
  /** A one-line description for the manifest and generated docs. */
  description?: string;
}

type ArgsOf<T> = T extends z.ZodType ? z.output<T> : Record<string, unknown>;
type ArgsInOf<T> = T extends z.ZodType ? z.input<T> : Record<string, unknown>;
type ResultOf<T, R> = T extends z.ZodType ? z.input<T> : R;

function shouldCheckOutput(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.NODE_ENV !== "production";
}

/**
 * @internal `fn.invoke(ctx, args)` without the promise around a result the handler returned
 * as a value: that value, a promise, or a throw (transports that await anyway take it as it
 * comes). A function whose `invoke` is not ServerFunction's own is called through it.
 */
export let invokeNow: (fn: ServerFunction, ctx: RequestContext, rawArgs: unknown) => unknown;

/**
 * A function callable over the wire. Subclass it for class-based functions, or build one with
 * `client()`.
 *
 * @example
 * class Echo extends ServerFunction<{ text: string }, { message: string }> {
 *   override input = z.object({ text: z.string() });
 *   handle(_ctx: RequestContext, args: { text: string }) { return { message: args.text }; }
 * }
 * class CurrentUser extends ServerFunction<Record<string, never>, User | null> {
 *   override context = "global" as const;
 *   handle(ctx: RequestContext) { return ctx.user; }
 * }
 */
export abstract class ServerFunction<TArgs = unknown, TResult = unknown, TArgsIn = TArgs> {
  /** Phantom fields carrying the types for codegen and typed callers. */
  declare readonly __args?: TArgsIn;
  declare readonly __result?: TResult;

  input: z.ZodType | undefined = undefined;
  output: z.ZodType | undefined = undefined;
  auth: AuthOption | undefined = undefined;
  /** `"global"` or `"local"` makes the function a context (see `FunctionOptions.context`). */
  context: ContextKind | undefined = undefined;
  /** Contexts every successful call invalidates (see `FunctionOptions.invalidates`). */
  invalidates: readonly string[] | undefined = undefined;
  description: string | undefined = undefined;
  /** Free-form tags for the manifest (forms mark their triplet here). */
  meta: Record<string, unknown> = {};
  readonly middleware: Middleware[] = [];

  abstract handle(ctx: RequestContext, args: TArgs): TResult | Promise<TResult>;

  /**
   * The args as `input` would return them, when a subclass can tell without running it (a
   * form's `{ data, fields?, version? }`: no walk and copy of `data`); `undefined` runs `input`,
   * which also words the errors.
   */
  protected acceptArgs(_rawArgs: unknown): TArgs | undefined {
    return undefined;
  }

  /** Adds middleware; they run in the order added, outermost first. */
  use(...middleware: Middleware[]): this {
    this.middleware.push(...middleware);
    return this;
  }

  /** Auth, input validation, middleware, the handler, output check: one call. */
  invoke(ctx: RequestContext, rawArgs: unknown): Promise<TResult> {
    try {
      return Promise.resolve(this.#now(ctx, rawArgs));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * `invoke`'s work without a promise of its own: with nothing to await before or after the
   * handler (no auth, no middleware, no output check, args accepted as they are), the
   * handler's result as it returned it (a value or a promise); else `#invoke`'s promise.
   * Throws what the handler throws.
   */
  #now(ctx: RequestContext, rawArgs: unknown): TResult | Promise<TResult> {
    if (this.auth !== undefined || this.middleware.length || this.output) {
      return this.#invoke(ctx, rawArgs, false);
    }
    let args = rawArgs;
    if (this.input) {
      const accepted = this.acceptArgs(rawArgs);
      if (accepted === undefined) return this.#invoke(ctx, rawArgs, true);
      args = accepted;
    }
    return this.handle(ctx, args as TArgs);
  }

  static {
    const INVOKE = ServerFunction.prototype.invoke;
    invokeNow = (fn, ctx, rawArgs) =>
      fn.invoke === INVOKE && #now in fn ? fn.#now(ctx, rawArgs) : fn.invoke(ctx, rawArgs);
  }

  /** `invoke` with its awaits; `refused`: `acceptArgs` already left the args to `input`. */
  async #invoke(ctx: RequestContext, rawArgs: unknown, refused: boolean): Promise<TResult> {
    if (this.auth !== undefined) await checkAuth(this.auth, ctx);
    let args = rawArgs;
    const accepted = this.input && !refused ? this.acceptArgs(rawArgs) : undefined;
    if (accepted !== undefined) {
      args = accepted;
    } else if (this.input) {
      const parsed = await this.input.safeParseAsync(rawArgs);
      if (!parsed.success) {
        throw refusal("VALIDATION_FAILED", undefined, zodErrorDetails(parsed.error));
      }
      args = parsed.data;
    }
    const run = (index: number, current: unknown): Promise<unknown> => {
      const mw = this.middleware[index];
      if (!mw) return Promise.resolve(this.handle(ctx, current as TArgs));
      return Promise.resolve(mw(ctx, current, () => run(index + 1, current)));
    };
    const result = this.middleware.length
      ? await run(0, args)
      : await this.handle(ctx, args as TArgs);
    if (this.output && shouldCheckOutput() && !isFrameworkResponse(result)) {
      const checked = await this.output.safeParseAsync(result);
      if (!checked.success) {
        throw new MizanError("INTERNAL", undefined, undefined, checked.error);
      }
    }
    return result as TResult;
  }
}

type Handler<TArgs, TResult> = (ctx: RequestContext, args: TArgs) => TResult | Promise<TResult>;

class FunctionFromHandler<TArgs, TResult, TArgsIn> extends ServerFunction<TArgs, TResult, TArgsIn> {
  readonly #handler: Handler<TArgs, TResult>;
  constructor(handler: Handler<TArgs, TResult>) {
    super();
    this.#handler = handler;
  }
  handle(ctx: RequestContext, args: TArgs): TResult | Promise<TResult> {
    return this.#handler(ctx, args);
  }
}

/**
 * Declare a server function from a handler, with optional Zod input/output and auth.
 *
 * @example
 * export const echo = client({ input: z.object({ text: z.string() }) }, (_ctx, { text }) => ({
 *   message: text,
 * }));
 * register(echo, "echo");
 *
 * // Contexts, and a function that changes one:
 * register(client({ context: "global" }, (ctx) => ctx.user), "currentUser");
 * register(
 *   client({ context: "local", input: z.object({ name: z.string() }) }, (_ctx, { name }) => ({
 *     message: `Hello, ${name}`,
 *   })),
 *   "greet",
 * );
 * register(client({ invalidates: ["currentUser"] }, (ctx) => logout(ctx)), "logout");
 */
export function client<TResult>(
  handler: Handler<Record<string, unknown>, TResult>,
): ServerFunction<Record<string, unknown>, Awaited<TResult>>;
export function client<
  TInput extends z.ZodType | undefined = undefined,
  TOutput extends z.ZodType | undefined = undefined,
  TResult = unknown,
>(
  options: FunctionOptions<TInput, TOutput>,
  handler: Handler<ArgsOf<TInput>, ResultOf<TOutput, TResult>>,
): ServerFunction<ArgsOf<TInput>, Awaited<ResultOf<TOutput, TResult>>, ArgsInOf<TInput>>;
export function client(
  optionsOrHandler:
    | FunctionOptions<z.ZodType | undefined, z.ZodType | undefined>
    // biome-ignore lint/suspicious/noExplicitAny: overload implementation
    | Handler<any, any>,
  // biome-ignore lint/suspicious/noExplicitAny: overload implementation
  maybeHandler?: Handler<any, any>,
): ServerFunction {
  if (typeof optionsOrHandler === "function") return new FunctionFromHandler(optionsOrHandler);
  if (!maybeHandler) throw new TypeError("client(options, handler): the handler is missing.");
  const fn = new FunctionFromHandler(maybeHandler);
  fn.input = optionsOrHandler.input;
  fn.output = optionsOrHandler.output;
  fn.auth = optionsOrHandler.auth;
  fn.context = optionsOrHandler.context;
  fn.invalidates = optionsOrHandler.invalidates;
  fn.description = optionsOrHandler.description;
  return fn;
}
