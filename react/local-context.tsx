import { createContext, type ReactElement, type ReactNode, useContext } from "react";
import { type MizanContextResult, useMizanContext } from "./use-mizan-context.js";

/** A local context provider's props: the context's arguments, `children` and `fallback`. */
export type MizanLocalContextProps<TArgs> = TArgs & {
  children?: ReactNode;
  /** Shown instead of `children` while the first value loads (none: children render at once). */
  fallback?: ReactNode;
};

/** A local context's provider and the hook that reads it below. */
export interface MizanLocalContext<TArgs, T> {
  Provider: (props: MizanLocalContextProps<TArgs>) => ReactElement;
  /** The nearest Provider's value; throws outside one. */
  use: () => MizanContextResult<T>;
}

/**
 * A provider + hook pair for the local context `name`: the provider fetches the instance for
 * its props (through the store of `<MizanProvider>`) and hands it to `use()` below it. What the
 * generated `<GreetProvider>` / `useGreet()` are made of; `names` words the error thrown when
 * the hook is used outside its provider.
 *
 * @example
 * const greet = createLocalContext<{ name: string }, { message: string }>("greet");
 * <greet.Provider name="Ada" fallback={<p>Loading…</p>}><Greeting /></greet.Provider>
 * function Greeting() { return <p>{greet.use().data?.message}</p>; }
 */
export function createLocalContext<TArgs extends object, T>(
  name: string,
  names: { provider?: string; hook?: string } = {},
): MizanLocalContext<TArgs, T> {
  const hook = names.hook ? `${names.hook}()` : `the hook of the local context "${name}"`;
  const tag = names.provider ? `<${names.provider}>` : "its provider";
  const Context = createContext<MizanContextResult<T> | null>(null);
  Context.displayName = names.provider ?? `MizanLocalContext(${name})`;

  // biome-ignore lint/correctness/noComponentHookFactories: made once per context, at module level (as createContext is)
  function Provider(props: MizanLocalContextProps<TArgs>): ReactElement {
    const { children, fallback, ...args } = props;
    const result = useMizanContext<T>(name, args as Record<string, unknown>);
    const waiting =
      fallback !== undefined &&
      result.data === undefined &&
      (result.status === "idle" || result.status === "loading");
    return <Context.Provider value={result}>{waiting ? fallback : children}</Context.Provider>;
  }
  if (names.provider) Provider.displayName = names.provider;

  // biome-ignore lint/correctness/noComponentHookFactories: made once per context, at module level (as createContext is)
  function useLocalContext(): MizanContextResult<T> {
    const value = useContext(Context);
    if (!value) {
      throw new Error(
        `mizan: ${hook} was called outside ${tag}. Render it inside ${tag}, which fetches the local context "${name}" for its props.`,
      );
    }
    return value;
  }
  return { Provider, use: useLocalContext };
}
