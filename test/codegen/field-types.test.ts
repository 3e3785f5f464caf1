import { describe, expect, test } from "vitest";
import { fieldTypes, GenerateError, generate } from "../../src/codegen/index.js";
import type { Field } from "../../src/forms/field.js";
import { BooleanField } from "../../src/forms/fields/boolean-field.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { ChoiceField } from "../../src/forms/fields/choice-field.js";
import { DateField } from "../../src/forms/fields/date-field.js";
import { DecimalField } from "../../src/forms/fields/decimal-field.js";
import { DurationField } from "../../src/forms/fields/duration-field.js";
import { FileField } from "../../src/forms/fields/file-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { JSONField } from "../../src/forms/fields/json-field.js";
import { MultipleChoiceField } from "../../src/forms/fields/multiple-choice-field.js";
import { NullBooleanField } from "../../src/forms/fields/null-boolean-field.js";
import { TypedChoiceField } from "../../src/forms/fields/typed-choice-field.js";
import { TypedMultipleChoiceField } from "../../src/forms/fields/typed-multiple-choice-field.js";
import { UUIDField } from "../../src/forms/fields/uuid-field.js";
import { Field as BaseField, Form, formMeta, Registry } from "../../src/index.js";

const SIZES = [
  ["s", "Small"],
  ["l", "Large"],
] as const;

// What each field class states about itself; the generator prints exactly this.
describe("x-mizan-ts: each field class states its types", () => {
  test.each<[string, Field, string, string]>([
    ["CharField", new CharField(), "string", "string"],
    [
      "CharField emptyValue null",
      new CharField({ required: false, emptyValue: null }),
      "string",
      "string | null",
    ],
    ["UUIDField optional", new UUIDField({ required: false }), "string", "string | null"],
    [
      "IntegerField optional",
      new IntegerField({ required: false }),
      "number | string",
      "number | null",
    ],
    ["DecimalField", new DecimalField(), "number | string", "string"],
    ["BooleanField", new BooleanField(), "boolean | string", "true"],
    ["BooleanField optional", new BooleanField({ required: false }), "boolean | string", "boolean"],
    ["NullBooleanField", new NullBooleanField(), "boolean | string | null", "boolean | null"],
    ["ChoiceField", new ChoiceField({ choices: SIZES }), "string", '"s" | "l"'],
    [
      "ChoiceField optional",
      new ChoiceField({ choices: SIZES, required: false }),
      "string",
      '"s" | "l" | ""',
    ],
    ["ChoiceField without choices", new ChoiceField(), "string", "string"],
    [
      "TypedChoiceField emptyValue null",
      new TypedChoiceField({
        choices: [[1, "One"]],
        coerce: Number,
        required: false,
        emptyValue: null,
      }),
      "string",
      '"1" | null',
    ],
    [
      "MultipleChoiceField",
      new MultipleChoiceField({ choices: SIZES }),
      "string[]",
      'Array<"s" | "l">',
    ],
    [
      "TypedMultipleChoiceField emptyValue null",
      new TypedMultipleChoiceField({ choices: SIZES, required: false, emptyValue: null }),
      "string[]",
      'Array<"s" | "l"> | null',
    ],
    ["DateField optional", new DateField({ required: false }), "string | Date", "string | null"],
    ["DurationField", new DurationField(), "string | number", "string"],
    ["JSONField", new JSONField(), "JsonValue", "Exclude<JsonValue, null>"],
    ["JSONField optional", new JSONField({ required: false }), "JsonValue", "JsonValue"],
    ["FileField", new FileField(), "File | null | false", "File"],
    [
      "FileField optional",
      new FileField({ required: false }),
      "File | null | false",
      "File | false | null",
    ],
    // A static initial cleans an empty upload to it, so the browser does not require one.
    [
      "FileField with initial",
      new FileField({ initial: "a.pdf" }),
      "File | null | false",
      "File | false | null",
    ],
  ])("%s", (_name, field, input, output) => {
    expect(field.jsonSchema()["x-mizan-ts"]).toEqual({ input, output });
    expect(fieldTypes(field.jsonSchema())).toEqual({ input, output });
  });
});

describe("fieldTypes(node): reads the node, knows no field by name", () => {
  test("a node without x-mizan-ts falls back to its JSON type, then JsonValue", () => {
    expect(fieldTypes({ "x-mizan-field": "CharField", type: "string" })).toEqual({
      input: "string",
      output: "string",
    });
    expect(
      fieldTypes({ type: "integer", "x-mizan-required": false, "x-mizan-empty": null }),
    ).toEqual({ input: "number | string", output: "number | null" });
    expect(fieldTypes({ type: "string", "x-mizan-required": false, "x-mizan-empty": "" })).toEqual({
      input: "string",
      output: "string",
    });
    // The name alone says nothing any more: no JSON type means JsonValue.
    expect(fieldTypes({ "x-mizan-field": "IntegerField" })).toEqual({
      input: "JsonValue",
      output: "JsonValue",
    });
  });

  test.each([
    "string>({}), globalThis.evil(), field<string",
    "(evil())",
    "new Evil",
    "typeof process",
    "string, number",
    "Array<>",
    "`x`",
    "",
  ])("x-mizan-ts that is not a plain type is refused: %j", (output) => {
    expect(() => fieldTypes({ "x-mizan-ts": { input: "string", output } })).toThrow(GenerateError);
  });

  test("object, tuple and nested generic types are accepted", () => {
    const output = '{ a: string; "b c"?: Array<Record<string, number>> } | [string, 1] | (A | B)[]';
    expect(fieldTypes({ "x-mizan-ts": { input: "string", output } }).output).toBe(output);
  });
});

/** A field class written outside mizan: one class, and the generator types it. */
class SwitchField extends BaseField<"on" | "off", string> {
  static override readonly fieldType: string = "SwitchField";
  override toPython(value: unknown): unknown {
    return value === "on" ? "on" : "off";
  }
  protected override inputType(): string {
    return "string";
  }
  protected override cleanedType(): string {
    return '"on" | "off"';
  }
}

describe("a new field class needs nothing in the generator", () => {
  test("its stated types reach the generated schema", () => {
    class LampForm extends Form<LampForm> {
      static override meta = formMeta({ name: "lamp" });
      power = new SwitchField();
    }
    const registry = new Registry();
    registry.register(LampForm);
    const file = generate(registry.manifest()).find((f) => f.path === "forms/lamp.ts");
    expect(file?.contents).toContain('power: field<"on" | "off", string>(');
  });

  test("a form field whose manifest node states a bad type fails generation, naming it", () => {
    class LampForm extends Form<LampForm> {
      static override meta = formMeta({ name: "lamp" });
      power = new SwitchField();
    }
    const registry = new Registry();
    registry.register(LampForm);
    const manifest = registry.manifest();
    const form = manifest.forms.lamp as unknown as {
      json_schema: { properties: Record<string, Record<string, unknown>> };
    };
    const node = form.json_schema.properties.power as Record<string, unknown>;
    node["x-mizan-ts"] = { input: "string", output: "string>(alert(1)" };
    expect(() => generate(manifest)).toThrow(/power: x-mizan-ts must be/);
  });
});
