import { localeScope, setLocaleScope } from "../forms/message-format.js";
import type { LocaleScope } from "../forms/message-types.js";

// The per-request language scope, backed by AsyncLocalStorage where the runtime has one. The
// class is looked up at run time (a global, as Cloudflare Workers give it, or Node's
// `process.getBuiltinModule`, which Node ≥ 20.16, Bun and Deno have): nothing here imports a
// Node built-in, so this module still loads in a browser, where no scope is ever needed.

interface AsyncStore {
  getStore(): string | undefined;
  run<R>(store: string, fn: () => R): R;
}

type AsyncStoreClass = new () => AsyncStore;

interface RuntimeGlobals {
  AsyncLocalStorage?: AsyncStoreClass;
  process?: { getBuiltinModule?: (id: string) => unknown };
}

function asyncLocalStorageClass(): AsyncStoreClass | undefined {
  const runtime = globalThis as RuntimeGlobals;
  if (typeof runtime.AsyncLocalStorage === "function") return runtime.AsyncLocalStorage;
  try {
    const hooks = runtime.process?.getBuiltinModule?.("node:async_hooks") as
      | { AsyncLocalStorage?: AsyncStoreClass }
      | undefined;
    return typeof hooks?.AsyncLocalStorage === "function" ? hooks.AsyncLocalStorage : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The installed language scope; when there is none yet, one backed by `AsyncLocalStorage` is
 * installed (`setLocaleScope`). Null in a runtime without `AsyncLocalStorage` and no scope of
 * the app's own.
 */
export function ensureLocaleScope(): LocaleScope | null {
  const installed = localeScope();
  if (installed) return installed;
  const Store = asyncLocalStorageClass();
  if (!Store) return null;
  const store = new Store();
  const scope: LocaleScope = {
    get: () => store.getStore(),
    run: (language, fn) => store.run(language, fn),
  };
  setLocaleScope(scope);
  return scope;
}

/**
 * Run `fn` with `language` as the current language (`activeLocale()`, and so every default
 * message and `ctx.language` of a context built inside) for everything it calls and awaits,
 * without touching concurrent work or the process default. Returns what `fn` returns (its
 * promise, for an async `fn`). Needs `AsyncLocalStorage` (Node, Bun, Deno, Workers with
 * `nodejs_compat`) or a scope installed with `setLocaleScope`; in a browser use
 * `activateLocale`.
 *
 * @example
 * const errors = await withLocale("fr", async () => {
 *   const form = new ContactForm({ data: { email: "x" } });
 *   await form.isValid();
 *   return form.errors; // French messages
 * });
 */
export function withLocale<T>(language: string, fn: () => T): T {
  if (typeof language !== "string" || language === "") {
    throw new TypeError('withLocale: the language must be a non-empty string such as "fr".');
  }
  const scope = ensureLocaleScope();
  if (!scope) {
    throw new Error(
      "withLocale needs AsyncLocalStorage (Node, Bun, Deno, Workers with nodejs_compat); elsewhere install a scope with setLocaleScope(), or set one language with activateLocale().",
    );
  }
  return scope.run(language, fn);
}
