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
 * const values = new ValuesSubscription(form.subscribe, () => ["username"], onChange);
 * values.sync();
 * // later
 * values.stop();
 */
export class ValuesSubscription {
  readonly #subscribe: UseFormReturn<FieldValues>["subscribe"];
  readonly #names: () => string[] | undefined;
  readonly #callback: ValuesCallback;
  #key: string | null = null;
  #unsubscribe: (() => void) | undefined;

  constructor(
    subscribe: UseFormReturn<FieldValues>["subscribe"],
    names: () => string[] | undefined,
    callback: ValuesCallback,
  ) {
    this.#subscribe = subscribe;
    this.#names = names;
    this.#callback = callback;
  }

  sync(): void {
    const names = this.#names();
    const key = names === undefined ? "*" : names.join("\n");
    if (key === this.#key) return;
    this.#key = key;
    // Unsubscribe first: react-hook-form may be notifying its subscribers right now.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (names?.length === 0) return;
    this.#unsubscribe = this.#subscribe({
      ...(names ? { name: names } : {}),
      formState: { values: true },
      callback: this.#callback,
    });
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#key = null;
  }
}
