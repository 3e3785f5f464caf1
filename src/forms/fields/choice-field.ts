import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { formatMessage } from "../messages.js";
import { isValidChoice } from "../rules/choice.js";
import { coerceStr, pyStr } from "../rules/core.js";
import { pyTruthy } from "../rules/py.js";
import type { CoerceSpec, JsonValue, RuleSpec } from "../rules/types.js";
import type { ValidationError } from "../validation-error.js";
import { Select, type Widget } from "../widgets/widget.js";
import type { MaybeEmpty } from "./integer-field.js";

/** A choice's value; what the field compares and cleans to is its `str()` ("1", "True"). */
export type ChoiceValue = string | number | boolean | null;
export type ChoicePair = readonly [ChoiceValue, string];
/** An optgroup: `[groupLabel, pairs]` (or `[groupLabel, { value: label }]`). */
export type ChoiceGroup = readonly [
  string,
  ReadonlyArray<ChoicePair> | Readonly<Record<string, string>>,
];
export type ChoicesList = ReadonlyArray<ChoicePair | ChoiceGroup>;
/** Django's mapping form: `{ value: label }`, or `{ groupLabel: { value: label } | pairs }`. */
export type ChoicesMapping = Readonly<
  Record<string, string | ReadonlyArray<ChoicePair> | Readonly<Record<string, string>>>
>;
/** What `choices` accepts: a list, a mapping, or a function returning one (read at each use). */
export type Choices = ChoicesList | ChoicesMapping | (() => ChoicesList | ChoicesMapping);
/** Django's normalized choices: `[value, label]` pairs and `[groupLabel, pairs]` optgroups. */
export type NormalizedChoices = Array<
  [ChoiceValue, string] | [string, Array<[ChoiceValue, string]>]
>;

// Type-level `str(value)` of the choices, so literal choices give literal cleaned types.
type PyStr<K> = K extends string
  ? K
  : K extends true
    ? "True"
    : K extends false
      ? "False"
      : K extends null
        ? "None"
        : K extends number
          ? `${K}`
          : string;
type KeyStr<K> = K extends number ? `${K}` : K & string;
type GroupValues<L> = L extends string
  ? never
  : L extends ReadonlyArray<infer P>
    ? P extends readonly [infer V, unknown]
      ? PyStr<V>
      : never
    : KeyStr<keyof L>;
type EntryValues<E> = E extends readonly [infer V, infer L]
  ? L extends string
    ? PyStr<V>
    : GroupValues<L>
  : never;
type MappingValues<C> = {
  [K in keyof C]-?: C[K] extends string ? KeyStr<K> : GroupValues<C[K]>;
}[keyof C];
/** The strings a field with choices `C` cleans to: `"J" | "P"`, or `string` when not literal. */
export type ChoiceValues<C> = C extends () => infer Ret
  ? ChoiceValues<Ret>
  : C extends ReadonlyArray<infer E>
    ? EntryValues<E>
    : MappingValues<C>;

function pairsOf(
  group: ReadonlyArray<ChoicePair> | Readonly<Record<string, string>>,
): Array<[ChoiceValue, string]> {
  return Array.isArray(group)
    ? group.map(([value, label]) => [value, label] as [ChoiceValue, string])
    : Object.entries(group);
}

/** Django's `normalize_choices`: lists, mappings and callables become pairs and groups. */
export function normalizeChoices(choices: Choices): NormalizedChoices {
  const input = typeof choices === "function" ? choices() : choices;
  const entries: ReadonlyArray<readonly [ChoiceValue, unknown]> = Array.isArray(input)
    ? (input as ChoicesList)
    : Object.entries(input as ChoicesMapping);
  return entries.map(([value, label]) =>
    typeof label === "string"
      ? [value, label]
      : [String(value), pairsOf(label as ReadonlyArray<ChoicePair>)],
  );
}

/** `str()` of every choice's value, per choices list (lists are configuration, not per request). */
const choiceSets = new WeakMap<object, ReadonlySet<string>>();

/** The `[value, label]` pairs with optgroups flattened, in order. */
export function flattenChoices(choices: NormalizedChoices): Array<[ChoiceValue, string]> {
  return choices.flatMap((entry) =>
    Array.isArray(entry[1]) ? entry[1] : [entry as [ChoiceValue, string]],
  );
}

/**
 * Whether `text` is the `str()` of a choice's value in `choices` (a list or a mapping, not a
 * function): `new Set(choiceValues()).has(text)` without building the normalized list. Every
 * entry is read, as normalizing would (a malformed one throws the same TypeError).
 */
function hasChoice(choices: ChoicesList | ChoicesMapping, text: string): boolean {
  const entries: ReadonlyArray<readonly [ChoiceValue, unknown]> = Array.isArray(choices)
    ? (choices as ChoicesList)
    : Object.entries(choices as ChoicesMapping);
  let found = false;
  // forEach, as normalizeChoices' map and pairsOf's, skips the holes of a sparse list.
  entries.forEach(([value, label]) => {
    if (typeof label === "string") {
      if (pyStr(value) === text) found = true;
    } else if (Array.isArray(label)) {
      (label as ReadonlyArray<ChoicePair>).forEach(([groupValue]) => {
        if (pyStr(groupValue) === text) found = true;
      });
    } else {
      for (const key of Object.keys(label as object)) if (key === text) found = true;
    }
  });
  return found;
}

export interface ChoiceFieldOptions<R extends boolean = boolean, C extends Choices = Choices>
  extends FieldOptions {
  /** Default true; `false` adds `""` (an empty choice) to the cleaned type. */
  required?: R;
  /** `[[value, label], ...]`, optgroups `[groupLabel, [[value, label], ...]]`, a mapping, or a function. */
  choices?: C;
}

/**
 * Django's ChoiceField. Cleans to the `str()` of one of the choices' values (`"1"` for a
 * choice `1`), or `""` when empty and not required. With literal choices the cleaned type is
 * their union: `"J" | "P"`. A function given as `choices` is called each time they are read,
 * so the schema and validation see the current list.
 *
 * A mapping keeps JavaScript's key order (integer-like keys first); use a list to control it.
 *
 * `describe()` gives `choices` as flat `[value, label]` pairs (optgroups flattened, in order),
 * and, when there are optgroups, `grouped_choices` in Django's nested form for renderers.
 *
 * @example
 * size = new ChoiceField({ choices: [["s", "Small"], ["l", "Large"]] }); // cleans to "s" | "l"
 */
export class ChoiceField<
  R extends boolean = true,
  const C extends Choices = Choices,
  TValue = MaybeEmpty<R, ChoiceValues<C>, "">,
  TInput = string,
> extends Field<TValue, TInput> {
  static override readonly fieldType: string = "ChoiceField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid_choice: "ChoiceField.invalid_choice",
  };

  #choices: Choices;
  /** The choices list `#valueSet` was made from, and the `str()` of its values. */
  #setOf: Choices | undefined;
  #valueSet: ReadonlySet<string> | undefined;

  constructor(options: ChoiceFieldOptions<R, C> = {}) {
    super(options);
    this.#choices = options.choices ?? [];
  }

  /** The normalized choices (a callable is called on each read, like Django's). */
  get choices(): NormalizedChoices {
    return normalizeChoices(this.#choices);
  }

  set choices(choices: Choices) {
    this.#choices = choices;
  }

  protected override defaultWidget(): Widget {
    return new Select();
  }

  /** `str(value)`, or `""` when empty. */
  override toPython(value: unknown): unknown {
    if (typeof value === "string") return value; // its own str(); "" stays ""
    const result = coerceStr(value, { strip: false, empty: "" });
    return result.ok ? result.value : "";
  }

  /** @internal See `Field.validateError`. */
  override validateError(value: unknown): ValidationError | undefined {
    const error = super.validateError(value);
    if (error) return error;
    if (pyTruthy(value) && !this.validValue(value)) return this.error("invalid_choice", { value });
    return undefined;
  }

  /** Django's `valid_value`: `str(value)` is the `str()` of a choice's value (optgroups included). */
  validValue(value: unknown): boolean {
    const raw = this.#choices;
    // A callable is called on each read; a subclass's own choiceValues() is honoured.
    if (typeof raw === "function" || this.choiceValues !== ChoiceField.prototype.choiceValues) {
      return isValidChoice(value, this.choiceValues());
    }
    // Else the values' set is made once per choices list (each check would re-flatten them),
    // and the field keeps the last one it used. A list this field checks for the first time
    // (a form built with `new` has its own) is looked through instead, without a copy.
    let values = this.#valueSet;
    if (this.#setOf !== raw || values === undefined) {
      values = choiceSets.get(raw);
      if (!values) {
        if (this.#setOf !== raw && Object.getPrototypeOf(this) === ChoiceField.prototype) {
          this.#setOf = raw;
          this.#valueSet = undefined;
          return hasChoice(raw, pyStr(value));
        }
        values = new Set(this.choiceValues());
        choiceSets.set(raw, values);
      }
      this.#valueSet = values;
      this.#setOf = raw;
    }
    return values.has(pyStr(value));
  }

  /** Every choice's value as the field compares it (`str()`), groups flattened. */
  protected choiceValues(): string[] {
    return flattenChoices(this.choices).map(([value]) => pyStr(value));
  }

  protected choiceSpec(rule: string): RuleSpec {
    const template = this.errorMessages.invalid_choice ?? "";
    return {
      rule,
      code: "invalid_choice",
      message: formatMessage(template, {}),
      params: { values: this.choiceValues() },
    };
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "str", params: { strip: false, empty: "" } };
  }

  protected override validateSpecs(): RuleSpec[] {
    return [this.choiceSpec("choice")];
  }

  protected override emptyValue(): JsonValue {
    return "";
  }

  /** The union of the choices' `str()` as TS literals (`"s" | "l"`), or `string` when none. */
  protected choiceUnion(): string {
    const values = [...new Set(this.choiceValues())];
    return values.length ? values.map((v) => JSON.stringify(v)).join(" | ") : "string";
  }

  protected override inputType(): string {
    return "string";
  }

  protected override cleanedType(): string {
    return this.orEmpty(this.choiceUnion());
  }

  protected override inputSchema(): JsonSchema {
    const values = this.choiceValues();
    return this.required
      ? { type: "string", enum: values }
      : { type: ["string", "null"], enum: [...values, "", null] };
  }

  protected override constraints(): Record<string, unknown> {
    const choices = this.choices;
    const flat = flattenChoices(choices);
    return choices.some((entry) => Array.isArray(entry[1]))
      ? { choices: flat, grouped_choices: choices }
      : { choices: flat };
  }
}
