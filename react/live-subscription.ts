import type { FieldValues, UseFormReturn } from "react-hook-form";

type ValuesCallback = Parameters<UseFormReturn<FieldValues>["subscribe"]>[0]["callback"];

/**
 * A react-hook-form values subscription limited to `names()`: react-hook-form copies the
 * whole form's values for each change a values subscriber hears, so subscribing to every
 * field would make each keystroke cost in proportion to the form's size. `sync()` subscribes
 * again when `names()` changed (call it after a render and whenever the watched set moves);
 * no names, no subscription.
 *
 * @example
 * const values = valuesSubscription(form.subscribe, () => ["username"], onChange);
 * values.sync();
 * // later
 * values.stop();
 */
export interface ValuesSubscription {
  sync(): void;
  stop(): void;
}

export function valuesSubscription(
  subscribe: UseFormReturn<FieldValues>["subscribe"],
  names: () => string[] | undefined,
  callback: ValuesCallback,
): ValuesSubscription {
  let key: string | null = null;
  let unsubscribe: (() => void) | undefined;
  const stop = () => {
    unsubscribe?.();
    unsubscribe = undefined;
  };
  return {
    sync() {
      const fields = names();
      const next = fields === undefined ? "*" : fields.join("\n");
      if (next === key) return;
      key = next;
      // Unsubscribe first: react-hook-form may be notifying its subscribers right now.
      stop();
      if (fields?.length === 0) return;
      unsubscribe = subscribe({
        ...(fields ? { name: fields } : {}),
        formState: { values: true },
        callback,
      });
    },
    stop() {
      stop();
      key = null;
    },
  };
}
