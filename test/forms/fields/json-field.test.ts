import { describe, expect, expectTypeOf, test } from "vitest";
import { InvalidJSONInput, JSONField } from "../../../src/forms/fields/json-field.js";
import type { JsonValue } from "../../../src/forms/rules/types.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { Textarea, TextInput } from "../../../src/forms/widgets/widget.js";

function errorsOf(fn: () => unknown): Array<{ code: string; message: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError)
      return e.errors.map(({ code, message }) => ({ code, message }));
    throw e;
  }
  throw new Error("expected a ValidationError");
}

const INVALID = [{ code: "invalid", message: "Enter a valid JSON." }];
const REQUIRED = [{ code: "required", message: "This field is required." }];

describe("JSONField (Django's test_jsonfield.py)", () => {
  test("test_valid", () => {
    expect(new JSONField().clean('{"a": "b"}')).toEqual({ a: "b" });
  });

  test("test_valid_empty", () => {
    const field = new JSONField({ required: false });
    expect(field.clean("")).toBeNull();
    expect(field.clean(null)).toBeNull();
  });

  test("test_invalid", () => {
    expect(errorsOf(() => new JSONField().clean("{some badly formed: json}"))).toEqual(INVALID);
  });

  test.each<[unknown, string]>([
    [{ a: "b" }, '{"a": "b"}'],
    [null, "null"],
    ["foo", '"foo"'],
    ["你好，世界", '"你好，世界"'],
    [{ a: "😀🐱" }, '{"a": "😀🐱"}'],
    [["你好，世界", "jaźń"], '["你好，世界", "jaźń"]'],
  ])("test_prepare_value: %j → %j", (value, expected) => {
    expect(new JSONField().prepareValue(value)).toBe(expected);
  });

  test("test_widget, test_custom_widget_kwarg", () => {
    expect(new JSONField().widget).toBeInstanceOf(Textarea);
    expect(new JSONField({ widget: new TextInput() }).widget).toBeInstanceOf(TextInput);
  });

  test("test_custom_widget_attribute: a subclass picks its default widget", () => {
    class CustomJSONField extends JSONField {
      protected override defaultWidget() {
        return new TextInput();
      }
    }
    expect(new CustomJSONField().widget).toBeInstanceOf(TextInput);
  });

  // test_converted_value. Django's '"foo"' case needs its JSONString marker, which a JS
  // string cannot carry: a string input is always JSON text (see the deviation below).
  test.each(['["a", "b", "c"]', '{"a": 1, "b": 2}', "1", "1.5", "true", "false", "null"])(
    "test_converted_value: clean(clean(%j)) is stable",
    (text) => {
      const field = new JSONField({ required: false });
      const value = field.clean(text);
      expect(field.clean(value)).toEqual(value);
    },
  );

  test("test_has_changed", () => {
    const field = new JSONField();
    expect(field.hasChanged({ a: true }, '{"a": 1}')).toBe(true);
    expect(field.hasChanged({ a: 1, b: 2 }, '{"b": 2, "a": 1}')).toBe(false);
    expect(field.hasChanged("foo", '"foo"')).toBe(false);
    expect(field.hasChanged(null, "{bad")).toBe(true);
  });

  test("test_formfield_disabled: the initial is kept as is", () => {
    const field = new JSONField({ disabled: true });
    expect(field.boundData('["bar"]', ["foo"])).toEqual(["foo"]);
    expect(field.clean(["foo"])).toEqual(["foo"]);
    expect(field.prepareValue(field.boundData('["bar"]', ["foo"]))).toBe('["foo"]');
  });

  test("test_redisplay_none_input", () => {
    const field = new JSONField({ required: true });
    expect(field.prepareValue(field.boundData(null, undefined))).toBe("null");
    expect(field.prepareValue(field.boundData(undefined, undefined))).toBe("null");
    expect(errorsOf(() => field.clean(null))).toEqual(REQUIRED);
  });

  test("test_redisplay_wrong_input: invalid text is shown back as typed", () => {
    const field = new JSONField();
    expect(field.prepareValue(field.boundData('["foo"]', undefined))).toBe('["foo"]');
    const bound = field.boundData('{"foo"}', undefined);
    expect(bound).toBeInstanceOf(InvalidJSONInput);
    expect(field.prepareValue(bound)).toBe('{"foo"}');
    expect(errorsOf(() => field.clean('{"foo"}'))).toEqual(INVALID);
  });
});

describe("JSONField edge cases", () => {
  // Empty is checked after decoding (Django's validate() on the converted value).
  test.each(["", "null", "[]", "{}", '""', [], {}, null])("%j is required", (input) => {
    expect(errorsOf(() => new JSONField().clean(input))).toEqual(REQUIRED);
  });

  test.each<[unknown, JsonValue]>([
    ["[]", []],
    ["{}", {}],
    ['""', ""],
    ['"x"', "x"],
    [" \t\n1\r ", 1],
    [0, 0],
    [false, false],
    [{ nested: [1, { a: null }] }, { nested: [1, { a: null }] }],
  ])("optional: %j cleans to %j", (input, expected) => {
    expect(new JSONField({ required: false }).clean(input)).toEqual(expected);
  });

  // Python's json.loads accepts NaN/Infinity/1e400; they are not JSON, so not here.
  test.each([
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "[1, NaN]",
    "{'a': 1}",
    "1 2",
    "\ufeff1",
    "foo",
    new Date(0),
    Number.NaN,
    [Number.POSITIVE_INFINITY],
  ])("%j is invalid", (input) => {
    expect(errorsOf(() => new JSONField().clean(input))).toEqual(INVALID);
  });

  test("a JSON string with a null character fails CharField's check", () => {
    expect(errorsOf(() => new JSONField().clean('"a\\u0000b"'))).toEqual([
      { code: "null_characters_not_allowed", message: "Null characters are not allowed." },
    ]);
  });

  test("a string is always JSON text (no JSONString marker in JS)", () => {
    const field = new JSONField();
    expect(field.clean('"foo"')).toBe("foo");
    expect(errorsOf(() => field.clean("foo"))).toEqual(INVALID);
  });
});

describe("JSONField schema", () => {
  test("jsonSchema", () => {
    const field = new JSONField({ required: false });
    field.name = "settings";
    expect(field.jsonSchema()).toEqual({
      title: "Settings",
      errorMessage: {
        required: "This field is required.",
        invalid: "Enter a valid JSON.",
      },
      "x-mizan-message-keys": { invalid: "JSONField.invalid", required: "Field.required" },
      "x-mizan-field": "JSONField",
      "x-mizan-required": false,
      "x-mizan-empty": null,
      "x-mizan-widget": "Textarea",
      "x-mizan-ts": { input: "JsonValue", output: "JsonValue" },
      "x-mizan-coerce": { kind: "json", params: {} },
      "x-mizan-rules": [
        {
          rule: "null_characters",
          code: "null_characters_not_allowed",
          message: "Null characters are not allowed.",
          key: "ProhibitNullCharactersValidator.null_characters_not_allowed",
          params: {},
        },
      ],
    });
  });

  test("describe", () => {
    const field = new JSONField({ initial: { a: 1 } });
    field.name = "settings";
    expect(field.describe()).toMatchObject({
      type: "JSONField",
      initial: { a: 1 },
      widget: { type: "Textarea", attrs: { cols: 40, rows: 10 } },
    });
  });

  test("cleaned type follows `required`", () => {
    expectTypeOf(new JSONField().clean).returns.toEqualTypeOf<Exclude<JsonValue, null>>();
    expectTypeOf(new JSONField({ required: false }).clean).returns.toEqualTypeOf<JsonValue>();
  });
});
