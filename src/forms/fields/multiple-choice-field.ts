import type { JsonSchema } from "../field.js";
import { coerceStrList } from "../rules/choice.js";
import { pyStr } from "../rules/core.js";
import type { CoerceSpec, JsonValue, RuleSpec } from "../rules/types.js";
import { SelectMultiple, type Widget } from "../widgets/widget.js";
import { ChoiceField, type Choices, type ChoiceValues } from "./choice-field.js";

/**
 * Django's MultipleChoiceField. Cleans to an array of the `str()` of chosen values (`[]` when
 * empty); with literal choices, to an array of their union. Anything but a list (or a falsy
 * value) is refused with `invalid_list`; the first value that is not a choice raises
 * `invalid_choice` naming it.
 *
 * @example
 * toppings = new MultipleChoiceField({ choices: [["ham", "Ham"], ["egg", "Egg"]] }); // ("ham" | "egg")[]
 */
export class MultipleChoiceField<
  R extends boolean = true,
  const C extends Choices = Choices,
  TValue = Array<ChoiceValues<C>>,
> extends ChoiceField<R, C, TValue, string[]> {
  static override readonly fieldType: string = "MultipleChoiceField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid_choice: "MultipleChoiceField.invalid_choice",
    invalid_list: "MultipleChoiceField.invalid_list",
  };

  protected override defaultWidget(): Widget {
    return new SelectMultiple();
  }

  override toPython(value: unknown): string[] {
    const result = coerceStrList(value, {});
    if (!result.ok) throw this.error(result.code);
    return result.value as string[];
  }

  override validate(value: unknown): void {
    const values = value as string[];
    if (this.required && !values.length) throw this.error("required");
    for (const item of values) {
      if (!this.validValue(item)) throw this.error("invalid_choice", { value: item });
    }
  }

  /** Django compares the two as sets of `str()`, after checking their lengths. */
  override hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    const before = Array.isArray(initial) ? initial : [];
    const after = Array.isArray(data) ? data : [];
    if (before.length !== after.length) return true;
    const a = new Set(before.map(pyStr));
    const b = new Set(after.map(pyStr));
    return a.size !== b.size || [...a].some((v) => !b.has(v));
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "str_list", params: {} };
  }

  protected override validateSpecs(): RuleSpec[] {
    return [this.choiceSpec("choice_list")];
  }

  protected override emptyValue(): JsonValue {
    return [];
  }

  protected override inputType(): string {
    return "string[]";
  }

  protected override cleanedType(): string {
    const union = this.choiceUnion();
    return this.orEmpty(union === "string" ? "string[]" : `Array<${union}>`);
  }

  protected override inputSchema(): JsonSchema {
    return { type: "array", items: { type: "string", enum: this.choiceValues() } };
  }
}
