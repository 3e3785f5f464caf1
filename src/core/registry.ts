import { withProcessLocale } from "../forms/message-format.js";
import { type AuthKind, authKind } from "./auth.js";
import {
  type AnyChannel,
  type ChannelManifest,
  channelManifest,
  checkChannel,
  jsonSchemaOf,
} from "./channel.js";
import type { RequestContext } from "./context.js";
import { MizanError } from "./errors.js";
import { contentHash } from "./hash.js";
import { type ContextKind, invokeNow, type ServerFunction } from "./server-function.js";

export const FUNCTION_NAME = /^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)*$/;

/** Anything that registers itself (a Form class registers its three functions). */
export interface Registrable {
  registerInto(registry: Registry, name?: string): void;
}

export interface FunctionManifest {
  name: string;
  description: string | null;
  input: unknown;
  output: unknown;
  auth: AuthKind;
  context: ContextKind | null;
  meta: Record<string, unknown>;
}

/** A context in the manifest (it is listed in `functions` too). */
export interface ContextManifest {
  name: string;
  kind: ContextKind;
  input: unknown;
  output: unknown;
}

export interface Manifest {
  version: string;
  functions: Record<string, FunctionManifest>;
  forms: Record<string, unknown>;
  contexts: Record<string, ContextManifest>;
  /**
   * Channels by name (docs/channels.md). Always present in a mizan server's manifest; optional
   * for readers of manifests written before channels existed.
   */
  channels?: Record<string, ChannelManifest>;
}

function isRegistrable(value: unknown): value is Registrable {
  return (
    (typeof value === "function" || typeof value === "object") &&
    value !== null &&
    typeof (value as Partial<Registrable>).registerInto === "function"
  );
}

/** A function's `context` and `invalidates`, checked when it is registered. */
function checkContextOptions(fn: ServerFunction, name: string): void {
  if (fn.context !== undefined && fn.context !== "global" && fn.context !== "local") {
    throw new TypeError(`"${name}": context must be "global" or "local".`);
  }
  const invalidates: unknown = fn.invalidates;
  if (
    invalidates !== undefined &&
    !(Array.isArray(invalidates) && invalidates.every((n) => typeof n === "string" && n !== ""))
  ) {
    throw new TypeError(`"${name}": invalidates must be an array of context names.`);
  }
}

/**
 * @internal `registry.call(name, ctx, args)` for `fn`, the function `registry.get(name)` found,
 * without the promise around a result the function returned as a value: that value, a
 * promise, or a throw (see `invokeNow`).
 */
export let callNow: (
  registry: Registry,
  name: string,
  fn: ServerFunction,
  ctx: RequestContext,
  args: unknown,
) => unknown;

/**
 * The set of functions a handler serves. Most apps use the default one through `register()`.
 *
 * @example
 * const registry = new Registry();
 * registry.register(echo, "echo");
 * const handler = createHandler({ registry });
 */
export class Registry {
  readonly #functions = new Map<string, ServerFunction>();
  readonly #forms = new Map<string, () => unknown>();
  readonly #channels = new Map<string, AnyChannel>();
  #manifest: Manifest | undefined;
  /** The last name looked up and its function: a name, once registered, is never replaced. */
  #lastName: unknown = undefined;
  #lastFn: ServerFunction | undefined = undefined;

  /** Register a function under a name, or a Registrable (a Form class) under its own names. */
  register(target: ServerFunction | Registrable, name?: string): void {
    if (isRegistrable(target)) {
      target.registerInto(this, name);
      return;
    }
    if (name === undefined) throw new TypeError("register(fn, name): a function needs a name.");
    if (!FUNCTION_NAME.test(name)) {
      throw new TypeError(
        `Invalid function name "${name}": use letters, digits and _ in dot-separated parts, starting with a lowercase letter.`,
      );
    }
    if (this.#functions.has(name)) {
      throw new Error(`A function named "${name}" is already registered.`);
    }
    checkContextOptions(target, name);
    this.#functions.set(name, target);
    this.#manifest = undefined;
  }

  /** Record a form's schema for the manifest (called by Form registration). */
  registerForm(name: string, schema: () => unknown): void {
    if (this.#forms.has(name)) throw new Error(`A form named "${name}" is already registered.`);
    this.#forms.set(name, schema);
    this.#manifest = undefined;
  }

  /** Add a channel (called by `register(ChannelClass, name)`); names follow function names. */
  registerChannel(name: string, channel: AnyChannel): void {
    if (!FUNCTION_NAME.test(name)) {
      throw new TypeError(
        `Invalid channel name "${name}": use letters, digits and _ in dot-separated parts, starting with a lowercase letter.`,
      );
    }
    if (this.#channels.has(name))
      throw new Error(`A channel named "${name}" is already registered.`);
    checkChannel(channel, name);
    this.#channels.set(name, channel);
    this.#manifest = undefined;
  }

  /** A registered channel by name. */
  channel(name: string): AnyChannel | undefined {
    return this.#channels.get(name);
  }

  channelNames(): string[] {
    return [...this.#channels.keys()].sort();
  }

  get(name: string): ServerFunction | undefined {
    return this.#find(name);
  }

  #find(name: string): ServerFunction | undefined {
    if (name === this.#lastName) return this.#lastFn;
    const fn = this.#functions.get(name);
    if (fn !== undefined) {
      this.#lastName = name;
      this.#lastFn = fn;
    }
    return fn;
  }

  has(name: string): boolean {
    return this.#functions.has(name);
  }

  names(): string[] {
    return [...this.#functions.keys()].sort();
  }

  /** Look a function up and invoke it: auth, input validation, middleware, handler. */
  call(name: string, ctx: RequestContext, args: unknown): Promise<unknown> {
    const fn = this.#find(name);
    if (!fn) return Promise.reject(new MizanError("NOT_FOUND", `Unknown function "${name}".`));
    // `invoke`'s promise is the call's, without another one around it.
    try {
      return fn.invoke(ctx, args);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  static {
    const { call: CALL, get: GET } = Registry.prototype;
    callNow = (registry, name, fn, ctx, args) =>
      // A registry whose `call` or `get` is its own (a subclass's, a spy) is called through it.
      registry.call === CALL && registry.get === GET
        ? invokeNow(fn, ctx, args)
        : registry.call(name, ctx, args);
  }

  /** Every function with its JSON Schemas, auth and context kind, plus a content hash. */
  manifest(): Manifest {
    // Built once for every request: in the process language, not the first requester's.
    this.#manifest ??= withProcessLocale(() => this.#buildManifest());
    return this.#manifest;
  }

  #buildManifest(): Manifest {
    const functions: Record<string, FunctionManifest> = {};
    const contexts: Record<string, ContextManifest> = {};
    for (const name of this.names()) {
      const fn = this.#functions.get(name) as ServerFunction;
      const input = jsonSchemaOf(fn.input, "input");
      const output = jsonSchemaOf(fn.output, "output");
      functions[name] = {
        name,
        description: fn.description ?? null,
        input,
        output,
        auth: authKind(fn.auth),
        context: fn.context ?? null,
        meta: fn.meta,
      };
      if (fn.context) contexts[name] = { name, kind: fn.context, input, output };
    }
    const forms: Record<string, unknown> = {};
    for (const name of [...this.#forms.keys()].sort()) forms[name] = this.#forms.get(name)?.();
    const channels: Record<string, ChannelManifest> = {};
    for (const name of this.channelNames()) {
      channels[name] = channelManifest(name, this.#channels.get(name) as AnyChannel);
    }
    const body = { functions, forms, contexts };
    // Channels count in the hash only when there are some: registries without channels keep
    // the version they had before channels existed (generated clients embed it).
    const hashed = this.#channels.size > 0 ? { ...body, channels } : body;
    return { version: contentHash(hashed), ...body, channels };
  }
}

/** The registry `register()` and `createHandler()` use when none is given. */
export const defaultRegistry = new Registry();

/**
 * Register a function (with its name) or a Form class on the default registry.
 *
 * @example
 * register(client((_ctx, args) => args), "echo");
 * register(ContactForm); // contact.schema, contact.validate, contact.submit
 */
export function register(target: ServerFunction | Registrable, name?: string): void {
  defaultRegistry.register(target, name);
}
