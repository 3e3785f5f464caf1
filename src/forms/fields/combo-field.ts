import {
  Field,
  type FieldInput,
  type FieldOptions,
  type FieldValue,
  type JsonSchema,
} from "../field.js";
import type { JsonValue } from "../rules/types.js";

type Last<T extends readonly unknown[]> = T extends readonly [...unknown[], infer L]
  ? L
  : T[number];

/**
 * Django's ComboField: the value must pass every one of `fields`, in order, each cleaning
 * what the one before returned; the first that raises stops. The ComboField checks
 * `required` (and runs its own `validators`) on the raw input first; every sub-field is made
 * optional, as Django does, so `"  "` through a CharField cleans to `""` even when the
 * ComboField is required. Cleans to what the last field returns (its type: declare it with
 * `required: false` when its empty value can come out).
 *
 * In the browser its steps are the sub-fields' own steps in order (`x-mizan-steps`); a
 * sub-field with server-only rules ends the browser's part there, and the ComboField is then
 * checked by the server too (`x-mizan-server-rules`).
 *
 * @example
 * const email = new ComboField([new CharField({ maxLength: 20 }), new EmailField()]);
 * email.clean("test@example.com"); // "test@example.com"
 * email.clean("longemailaddress@example.com"); // max_length: "Ensure this value has at most 20 characters (it has 28)."
 */
export class ComboField<F extends readonly Field[] = readonly Field[]> extends Field<
  FieldValue<Last<F>>,
  FieldInput<F[0]>
> {
  static override readonly fieldType: string = "ComboField";
  readonly fields: readonly [...F];

  /**
   * `options.required` (default true) is checked on the raw input, before any sub-field.
   * (`readonly [...F]` infers a tuple of the fields' own types, for the cleaned type.)
   */
  constructor(fields: readonly [...F], options: FieldOptions = {}) {
    super(options);
    // Django sets `f.required = False` on the given fields: the ComboField decides required.
    for (const field of fields) (field as { required: boolean }).required = false;
    this.fields = fields;
  }

  /** Django's `ComboField.clean`: its own `Field.clean`, then each field's `clean` in turn. */
  override clean(value: unknown): FieldValue<Last<F>> {
    super.clean(value);
    let cleaned = value;
    for (const field of this.fields) cleaned = field.clean(cleaned);
    return cleaned as FieldValue<Last<F>>;
  }

  override hasServerRules(): boolean {
    return super.hasServerRules() || this.fields.some((field) => field.hasServerRules());
  }

  /**
   * The sub-fields' nodes the browser runs: all of them, or up to the first with server-only
   * rules (its shareable checks still run; what it hands on is the server's to compute).
   */
  #steps(): JsonSchema[] {
    const steps: JsonSchema[] = [];
    for (const field of this.fields) {
      steps.push(field.jsonSchema());
      if (field.hasServerRules()) break;
    }
    return steps;
  }

  /** The first sub-field's JSON `type`: it is the one that reads the input. */
  protected override inputSchema(): JsonSchema {
    const type = this.fields[0]?.jsonSchema().type;
    return type === undefined ? {} : { type };
  }

  /** What the last step returns for empty input. */
  protected override emptyValue(): JsonValue {
    const last = this.#steps().at(-1);
    return (last?.["x-mizan-empty"] ?? null) as JsonValue;
  }

  protected override inputType(): string | undefined {
    return this.fields[0]?.tsTypes()?.input;
  }

  /** What the last step cleans to; sub-fields are optional, so their empty value included. */
  protected override cleanedType(): string | undefined {
    const types = this.#steps().at(-1)?.["x-mizan-ts"] as { output?: string } | undefined;
    return types?.output;
  }

  override jsonSchema(): JsonSchema {
    const node = super.jsonSchema();
    const steps = this.#steps();
    if (steps.length) node["x-mizan-steps"] = steps;
    return node;
  }
}
