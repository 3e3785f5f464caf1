import type { FieldValues, UseFormReturn } from "react-hook-form";
import { liveSettings } from "./form-settings.js";
import type { LiveValidationOption } from "./form-types.js";
import { type MizanFormMeta, serverRuleFields } from "./meta.js";

const markedFields = new WeakMap<MizanFormMeta, string[] | undefined>();

function serverFields(meta: MizanFormMeta): string[] | undefined {
  if (!markedFields.has(meta)) markedFields.set(meta, serverRuleFields(meta));
  return markedFields.get(meta);
}

/**
 * The fields whose changes live server validation needs to hear about: `watched` (tracked
 * server errors, checks in flight) and, in the on-change mode, the fields it checks as they
 * change (the option's `fields`, else those the metadata marks as having server rules, under
 * the form's prefix too). `undefined` means every field: on-change checks with metadata that
 * marks no field (then every field is checked). On blur, checks start from the blur handler.
 */
export function liveFieldNames(
  option: LiveValidationOption | undefined,
  meta: MizanFormMeta | undefined,
  watched: readonly string[],
): string[] | undefined {
  const settings = liveSettings(option);
  const names = new Set(watched);
  if (settings.on === "change") {
    const fields = settings.fields ?? (meta ? serverFields(meta) : undefined);
    if (!fields) return undefined;
    for (const field of fields) {
      names.add(field);
      if (meta?.prefix) names.add(`${meta.prefix}-${field}`);
    }
  }
  return [...names];
}

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
