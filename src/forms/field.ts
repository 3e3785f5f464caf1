import {
  type FieldDescriptor,
  type FieldOptions,
  type FieldTsTypes,
  isEmptyValue,
  type JsonSchema,
  prettyName,
  REFUSED,
  takeRefusal,
} from "./field-parts.js";
import { type ValidatorParts, validatorsErrorOf } from "./field-validators.js";
import {
  addBuiltinTo,
  type BuiltinValidator,
  FIELD_DEFAULTS,
  type FieldState,
  NO_OVERRIDES,
  NO_PARAMS,
  ownValidators,
  storeGivenOptions,
} from "./fields/field-defaults.js";
import { fillTwice } from "./message-cache.js";
import { templateText } from "./message-format.js";
import { classMessageKeys, ruleWithOverride, withFieldKey } from "./message-keys.js";
import {
  classDefaultMessage,
  formatMessage,
  lookupMessage,
  type MessageParams,
  type MessageTemplate,
} from "./messages.js";
import type { CoerceSpec, JsonValue, RuleSpec } from "./rules/types.js";
import { tsOr, tsTypeOf } from "./ts-type.js";
import { errorFromItems, type ValidationError } from "./validation-error.js";
import { ruleOf, type Validator } from "./validators/validator.js";
import { TextInput, type Widget } from "./widgets/widget.js";

export {
  type FieldDescriptor,
  type FieldOptions,
  type FieldTsTypes,
  isEmptyValue,
  type JsonSchema,
  prettyName,
} from "./field-parts.js";

let validatorParts: (field: Field) => ValidatorParts;
/** @internal A field class adds `new make(limit)` to its validators (see FieldState). */
export let addBuiltinValidator: (field: Field, make: BuiltinValidator, limit?: unknown) => void;

/**
 * @internal What Field's `validatorsError` reads off the field, for a form's step to keep: the
 * form then calls `validatorsErrorOf` on it (see `FieldStep.validatorParts`).
 */
export function validatorPartsOf(field: Field): ValidatorParts {
  return validatorParts(field);
}

/**
 * Base of every field: Django's `clean()` = `toPython()` → `validate()` → `runValidators()`.
 * `TValue` is the cleaned type, `TInput` what the browser submits.
 *
 * Subclasses list their default messages in `static defaultErrorMessages` (code → locale
 * key); they merge up the class chain, and `errorMessages` overrides them per field.
 *
 * A field class describes itself to the browser and the generator through `jsonSchema()`,
 * which it shapes by overriding: `inputSchema()` (standard JSON Schema keywords),
 * `inputType()` / `cleanedType()` (its TypeScript types), `coerceSpec()` / `validateSpecs()`
 * (the `toPython`/`validate` steps the browser can run), `emptyValue()` and
 * `hasServerRules()` (whether the server checks more than the browser can).
 *
 * @example
 * class EvenField extends IntegerField {
 *   override validate(value: number | null) {
 *     super.validate(value);
 *     if (value !== null && value % 2) throw new ValidationError("Enter an even number.", { code: "odd" });
 *   }
 * }
 */
export abstract class Field<TValue = unknown, TInput = unknown> {
  /** Django's class name, as renderers and the schema see it. */
  static readonly fieldType: string = "Field";
  static defaultErrorMessages: Record<string, string> = { required: "Field.required" };

  declare readonly __value: TValue;
  declare readonly __input: TInput;

  // Until given, these options are read off the prototype (FIELD_DEFAULTS).
  readonly required!: boolean;
  readonly label!: string | undefined;
  readonly initial: unknown;
  readonly helpText!: string;
  readonly disabled!: boolean;
  readonly localize!: boolean;
  readonly showHiddenInitial!: boolean;
  readonly labelSuffix!: string | undefined;
  readonly #s: FieldState;
  /** Set when the field is bound to a form attribute. */
  declare name: string;

  /** Django's `empty_values`; a subclass may narrow it. */
  isEmpty(value: unknown): boolean {
    return isEmptyValue(value);
  }

  /** The widget used when none is given. */
  protected defaultWidget(): Widget {
    return new TextInput();
  }

  /** Validators every instance of this class gets (Django's `default_validators`). */
  protected defaultValidators(): Validator[] {
    return [];
  }

  static {
    validatorParts = (field) => {
      const s = field.#s;
      const validators = s.list;
      if (s.parts?.validators !== validators) {
        s.checks ??= { of: [], states: [] };
        s.parts = { validators, checks: s.checks, overrides: s.overrides };
      }
      return s.parts;
    };
    addBuiltinValidator = (field, make, limit) => addBuiltinTo(field.#s, make, limit);
  }

  constructor(options: FieldOptions = {}) {
    storeGivenOptions(this, options);
    const messages = options.errorMessages;
    const given = options.validators;
    const defaults = this.defaultValidators();
    this.#s = {
      // A copy either way: `defaultValidators()` may return a list its class keeps.
      list: given === undefined ? defaults.slice() : [...defaults, ...given],
      fresh: undefined,
      widget: options.widget ?? undefined,
      overrides: messages ? { ...messages } : NO_OVERRIDES,
      checks: undefined,
      parts: undefined,
    };
  }

  /** Default, given, then the class's validators (Django's order): this field's own list. */
  get validators(): Validator[] {
    return ownValidators(this.#s);
  }

  set validators(validators: Validator[]) {
    this.#s.list = validators;
    this.#s.fresh = null;
  }

  /** The `widget` option, else `defaultWidget()`'s, made when first read; this field's own. */
  get widget(): Widget {
    const s = this.#s;
    s.widget ??= this.defaultWidget();
    return s.widget;
  }

  set widget(widget: Widget) {
    this.#s.widget = widget;
  }

  /** Code → locale key of the default messages `errorMessages` leaves (`x-mizan-message-keys`). */
  get messageKeys(): Record<string, string> {
    const keys = classMessageKeys(this.constructor);
    for (const code of Object.keys(this.#s.overrides)) delete keys[code];
    return keys;
  }

  /** The merged code → template table: class chain defaults, then the field's overrides. */
  get errorMessages(): Record<string, MessageTemplate> {
    const table: Record<string, MessageTemplate> = {};
    for (const [code, key] of Object.entries(this.messageKeys)) table[code] = lookupMessage(key);
    return Object.assign(table, this.#s.overrides);
  }

  /** A ValidationError with this field's message for `code`. */
  error(code: string, params?: MessageParams): ValidationError {
    // `errorMessages[code]` without building the whole table (this runs per failed check).
    const own = Object.hasOwn(this.#s.overrides, code);
    const template =
      (own ? this.#s.overrides[code] : classDefaultMessage(this.constructor, code)) ?? code;
    // The item `new ValidationError(formatTemplate(template, params), { code, params })`
    // builds (it formats again); without params, every placeholder is kept.
    const text = templateText(template, params ?? NO_PARAMS);
    if (params === undefined) return errorFromItems([{ code, message: text }]);
    const message = text.includes("%(") ? fillTwice(text, params) : text;
    return errorFromItems([{ code, message, params }]);
  }

  /** Turn submitted input into the field's type; throw ValidationError if impossible. */
  toPython(value: unknown): unknown {
    const python = this.toPythonChecked(value);
    if (python === REFUSED) throw takeRefusal();
    return python;
  }

  /** @internal `toPython` returning REFUSED (see `takeRefusal`) instead of throwing. */
  toPythonChecked(value: unknown): unknown {
    return value;
  }

  /** Checks that need the field itself (required, choices); runs before validators. */
  validate(value: unknown): void {
    const error = this.validateError(value);
    if (error) throw error;
  }

  /** @internal The error `validate` raises, returned instead (see `fieldStep`). */
  validateError(value: unknown): ValidationError | undefined {
    return this.isEmpty(value) && this.required ? this.error("required") : undefined;
  }

  /** Every validator runs; all their errors are raised together, in order. */
  runValidators(value: unknown): void {
    const error = this.validatorsError(value);
    if (error) throw error;
  }

  /**
   * @internal The error `runValidators` raises, returned instead: a form cleaning a field
   * whose class keeps Field's `clean` and `runValidators` takes it without a throw.
   */
  validatorsError(value: unknown): ValidationError | undefined {
    if (this.isEmpty(value)) return undefined;
    const s = this.#s;
    s.checks ??= { of: [], states: [] };
    return validatorsErrorOf(s.list, value, s.checks, s.overrides);
  }

  /** Django's `Field.clean`: `toPython` → `validate` → `runValidators`; returns the value. */
  clean(value: unknown): TValue {
    const python = this.toPython(value);
    this.validate(python);
    this.runValidators(python);
    return python as TValue;
  }

  /** Django's `bound_data`: a disabled field keeps its initial value. */
  boundData(data: unknown, initial: unknown): unknown {
    return this.disabled ? initial : data;
  }

  /** Whether `data` differs from `initial` (Django's `has_changed`). */
  hasChanged(initial: unknown, data: unknown): boolean {
    if (this.disabled) return false;
    let initialValue: unknown;
    let dataValue: unknown;
    try {
      dataValue = this.toPython(data);
      initialValue = this.toPython(initial);
    } catch {
      return true;
    }
    const norm = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
    return norm(initialValue) !== norm(dataValue);
  }

  // ---- schema export (shared with the browser) ----

  /** The `x-mizan-coerce` spec of this field's `toPython`, when the browser can run it. */
  protected coerceSpec(): CoerceSpec | undefined {
    return undefined;
  }

  /** Checks from `validate()` the browser can run too (`x-mizan-validate`, stop at first). */
  protected validateSpecs(): RuleSpec[] {
    return [];
  }

  /** Standard JSON Schema keywords describing the submitted input (type, lengths, enum...). */
  protected inputSchema(): JsonSchema {
    return {};
  }

  /** Django's `empty_value` the field returns for empty input (`x-mizan-empty`). */
  protected emptyValue(): JsonValue {
    return null;
  }

  /**
   * TypeScript type of what the form holds for this field while it is edited
   * (`x-mizan-ts.input`); undefined lets the generator guess from the JSON `type`.
   *
   * @example
   * protected override inputType() { return "number | string"; }
   */
  protected inputType(): string | undefined {
    return undefined;
  }

  /**
   * TypeScript type of what the browser's steps clean the field to, with these options
   * (`x-mizan-ts.output`): usually `this.orEmpty(type)`. Undefined lets the generator guess.
   *
   * @example
   * protected override cleanedType() { return this.orEmpty("number"); } // "number | null" when optional
   */
  protected cleanedType(): string | undefined {
    return undefined;
  }

  /** `type`, plus the type of `emptyValue()` when the field is not required. */
  protected orEmpty(type: string): string {
    return this.required ? type : tsOr(type, tsTypeOf(this.emptyValue()));
  }

  /** The field's TypeScript types (`x-mizan-ts`), when its class states them. */
  tsTypes(): FieldTsTypes | undefined {
    const input = this.inputType();
    const output = this.cleanedType();
    return input === undefined || output === undefined ? undefined : { input, output };
  }

  /**
   * Whether cleaning runs something the browser cannot (a validator without a shared rule,
   * a `coerce` function...), so the browser must ask the server (`x-mizan-server-rules`).
   * A subclass with its own server-only step extends it; a form adds its clean<Field> hooks.
   */
  hasServerRules(): boolean {
    return this.validators.some((v) => ruleOf(v) === undefined);
  }

  /** Field-specific extras for `<name>.schema` (max_length, choices, ...). */
  protected constraints(): Record<string, unknown> {
    return {};
  }

  /** Initial value for the schema (callables are resolved per request by the form). */
  resolveInitial(ctx?: unknown): unknown {
    return typeof this.initial === "function"
      ? (this.initial as (ctx: unknown) => unknown)(ctx)
      : this.initial;
  }

  /** The field as a JSON Schema node: standard keywords, messages and `x-mizan-*` rules. */
  jsonSchema(): JsonSchema {
    const messages: Record<string, string> = {};
    for (const [code, template] of Object.entries(this.errorMessages)) {
      messages[code] = formatMessage(template, {});
    }
    const rules = this.validators
      .map((v) => ruleOf(v))
      .filter((r): r is RuleSpec => r !== undefined)
      .map((r) => ruleWithOverride(r, this.#s.overrides[r.code]));
    const keys = this.messageKeys;
    const node: JsonSchema = {
      ...this.inputSchema(),
      title: this.label ?? prettyName(this.name),
      errorMessage: messages,
      "x-mizan-message-keys": keys,
      "x-mizan-field": (this.constructor as typeof Field).fieldType,
      "x-mizan-required": this.required,
      "x-mizan-empty": this.emptyValue(),
      "x-mizan-widget": (this.widget.constructor as typeof Widget & { widgetType: string })
        .widgetType,
    };
    if (this.helpText) node.description = this.helpText;
    if (this.disabled) node.readOnly = true;
    const coerce = this.coerceSpec();
    if (coerce) node["x-mizan-coerce"] = coerce;
    const validate = this.validateSpecs().map((spec) => withFieldKey(spec, keys));
    if (validate.length) node["x-mizan-validate"] = validate;
    if (rules.length) node["x-mizan-rules"] = rules;
    if (this.hasServerRules()) node["x-mizan-server-rules"] = true;
    const types = this.tsTypes();
    if (types) node["x-mizan-ts"] = types;
    return node;
  }

  /** The field's entry in `<name>.schema`'s `fields`. */
  describe(ctx?: unknown): FieldDescriptor {
    // A per-request initial is only known with a request; the manifest shows null.
    const initial =
      typeof this.initial === "function" && ctx === undefined ? null : this.resolveInitial(ctx);
    return {
      name: this.name,
      label: this.label ?? prettyName(this.name),
      type: (this.constructor as typeof Field).fieldType,
      widget: this.widget.describe(),
      required: this.required,
      disabled: this.disabled,
      help_text: this.helpText,
      initial: (initial === undefined ? null : initial) as JsonValue,
      ...this.constraints(),
    };
  }
}

Object.assign(Field.prototype, FIELD_DEFAULTS);

/** The cleaned type of a field. */
export type FieldValue<F> = F extends Field<infer V, unknown> ? V : never;
/** The submitted (input) type of a field. */
export type FieldInput<F> = F extends Field<unknown, infer I> ? I : never;
