import type { JsonValue } from "../rules/types.js";
import { ValidationError } from "../validation-error.js";
import type { ChoiceFieldOptions, Choices, ChoiceValues } from "./choice-field.js";
import type { MaybeEmpty } from "./integer-field.js";
import { MultipleChoiceField } from "./multiple-choice-field.js";
import { isCoerceError } from "./typed-choice-field.js";

export interface TypedMultipleChoiceFieldOptions<
  R extends boolean = boolean,
  C extends Choices = Choices,
  T = ChoiceValues<C>,
  TEmpty = T[],
> extends ChoiceFieldOptions<R, C> {
  /** Applied to each chosen `str()` (server-only); see TypedChoiceField's `coerce`. */
  coerce?: (value: string) => T;
  /** What empty input cleans to; default `[]`. */
  emptyValue?: TEmpty;
}

/**
 * Django's TypedMultipleChoiceField: a MultipleChoiceField whose values each go through
 * `coerce`. Cleans to `T[]`, or `emptyValue` (default `[]`) when empty and not required.
 * Membership is checked in the browser too; `coerce` is server-only.
 *
 * @example
 * days = new TypedMultipleChoiceField({ choices: [[1, "Mon"], [2, "Tue"]], coerce: Number }); // number[]
 */
export class TypedMultipleChoiceField<
  R extends boolean = true,
  const C extends Choices = Choices,
  T = ChoiceValues<C>,
  TEmpty = T[],
> extends MultipleChoiceField<R, C, MaybeEmpty<R, T[], TEmpty>> {
  static override readonly fieldType: string = "TypedMultipleChoiceField";

  readonly coerce: (value: string) => T;
  readonly emptyValueOption: TEmpty;
  readonly #customCoerce: boolean;

  constructor(options: TypedMultipleChoiceFieldOptions<R, C, T, TEmpty> = {}) {
    super(options);
    this.#customCoerce = options.coerce !== undefined;
    this.coerce = options.coerce ?? ((value: string) => value as T);
    this.emptyValueOption = (options.emptyValue === undefined ? [] : options.emptyValue) as TEmpty;
  }

  #isEmptyValue(value: unknown): boolean {
    return JSON.stringify(value) === JSON.stringify(this.emptyValueOption);
  }

  /** Django's `_coerce`: each value through `coerce`; the first failure is `invalid_choice`. */
  protected coerceValue(value: unknown): MaybeEmpty<R, T[], TEmpty> {
    if (this.#isEmptyValue(value) || this.isEmpty(value)) {
      return this.emptyValueOption as MaybeEmpty<R, T[], TEmpty>;
    }
    const coerced: T[] = [];
    for (const item of value as string[]) {
      try {
        coerced.push(this.coerce(item));
      } catch (error) {
        if (isCoerceError(error)) throw this.error("invalid_choice", { value: item });
        throw error;
      }
    }
    return coerced as MaybeEmpty<R, T[], TEmpty>;
  }

  override clean(value: unknown): MaybeEmpty<R, T[], TEmpty> {
    return this.coerceValue(super.clean(value));
  }

  override validate(value: unknown): void {
    if (!this.#isEmptyValue(value)) super.validate(value);
    else if (this.required) throw this.error("required");
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
