import type { JsonValue } from "../rules/types.js";
import { ValidationError } from "../validation-error.js";
import {
  ChoiceField,
  type ChoiceFieldOptions,
  type Choices,
  type ChoiceValues,
} from "./choice-field.js";
import type { MaybeEmpty } from "./integer-field.js";

export interface TypedChoiceFieldOptions<
  R extends boolean = boolean,
  C extends Choices = Choices,
  T = ChoiceValues<C>,
  TEmpty = "",
> extends ChoiceFieldOptions<R, C> {
  /**
   * Turns the chosen `str()` into the cleaned value (Django's `coerce`, default: identity).
   * Server-only: the browser checks membership, the server also coerces. A `TypeError`,
   * `RangeError`, `SyntaxError` or `ValidationError` it throws becomes `invalid_choice`
   * (Python's ValueError/TypeError/ValidationError); any other error propagates.
   */
  coerce?: (value: string) => T;
  /** What empty input cleans to; default `""` (Django's `empty_value`). */
  emptyValue?: TEmpty;
}

/** Errors a coerce function may throw to mean "not coercible" (Python's ValueError/TypeError). */
export function isCoerceError(error: unknown): boolean {
  return (
    error instanceof ValidationError ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof SyntaxError
  );
}

/**
 * Django's TypedChoiceField: a ChoiceField whose cleaned value goes through `coerce`. Cleans
 * to `T` (the coerce result type), or `emptyValue` (default `""`) when empty and not required.
 * The choice membership check is shared with the browser; `coerce` runs on the server only
 * (the schema then sets `x-mizan-server-rules`).
 *
 * @example
 * rating = new TypedChoiceField({ choices: [[1, "Bad"], [5, "Great"]], coerce: Number }); // number
 */
export class TypedChoiceField<
  R extends boolean = true,
  const C extends Choices = Choices,
  T = ChoiceValues<C>,
  TEmpty = "",
> extends ChoiceField<R, C, MaybeEmpty<R, T, TEmpty>> {
  static override readonly fieldType: string = "TypedChoiceField";

  readonly coerce: (value: string) => T;
  readonly emptyValueOption: TEmpty;
  readonly #customCoerce: boolean;

  constructor(options: TypedChoiceFieldOptions<R, C, T, TEmpty> = {}) {
    super(options);
    this.#customCoerce = options.coerce !== undefined;
    this.coerce = options.coerce ?? ((value: string) => value as T);
    this.emptyValueOption = (options.emptyValue === undefined ? "" : options.emptyValue) as TEmpty;
  }

  /** Django's `_coerce`: empty → `emptyValue`, else `coerce(value)` or `invalid_choice`. */
  protected coerceValue(value: unknown): MaybeEmpty<R, T, TEmpty> {
    if (value === this.emptyValueOption || this.isEmpty(value)) {
      return this.emptyValueOption as MaybeEmpty<R, T, TEmpty>;
    }
    try {
      return this.coerce(value as string) as MaybeEmpty<R, T, TEmpty>;
    } catch (error) {
      if (isCoerceError(error)) throw this.error("invalid_choice", { value });
      throw error;
    }
  }

  override clean(value: unknown): MaybeEmpty<R, T, TEmpty> {
    return this.coerceValue(super.clean(value));
  }

  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    try {
      const after = this.coerceValue(this.toPython(data));
      const before = this.coerceValue(this.toPython(initial));
      return JSON.stringify(after) !== JSON.stringify(before);
    } catch (error) {
      if (error instanceof ValidationError) return true;
      throw error;
    }
  }

  protected override emptyValue(): JsonValue {
    return this.emptyValueOption as JsonValue;
  }

  /** A custom `coerce` is a function: only the server can run it. */
  override hasServerRules(): boolean {
    return this.#customCoerce || super.hasServerRules();
  }
}
