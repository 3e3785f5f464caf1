import { describe, expect, test } from "vitest";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { MultiValueField } from "../../../src/forms/fields/multi-value-field.js";
import { MultipleChoiceField } from "../../../src/forms/fields/multiple-choice-field.js";
import { SplitDateTimeField } from "../../../src/forms/fields/split-date-time-field.js";
import { Form } from "../../../src/forms/form.js";
import { formMeta } from "../../../src/forms/form-meta.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { MultiWidget, SplitDateTimeWidget } from "../../../src/forms/widgets/multi-widget.js";
import { SelectMultiple, TextInput } from "../../../src/forms/widgets/widget.js";
import { server } from "./support/outcome.js";

// Django's tests/forms_tests/field_tests/test_multivaluefield.py, with its fixtures.
const beatles = [
  ["J", "John"],
  ["P", "Paul"],
  ["G", "George"],
  ["R", "Ringo"],
] as const;

/** Django's ComplexMultiWidget; `decompress` splits "text,JP,2007-04-25 06:24:00". */
class ComplexMultiWidget extends MultiWidget {
  constructor() {
    super([new TextInput(), new SelectMultiple(), new SplitDateTimeWidget()]);
  }
  override decompress(value: unknown): unknown[] {
    if (typeof value === "string" && value) {
      const [text, letters, when] = value.split(",");
      return [text, [...(letters ?? "")], when];
    }
    return [null, null, null];
  }
}

/** Django's ComplexField: "%s,%s,%s" of the parts (Python's str(datetime) has a space). */
class ComplexField extends MultiValueField<string | null> {
  constructor(options: ConstructorParameters<typeof MultiValueField>[1] = {}) {
    super(
      [new CharField(), new MultipleChoiceField({ choices: beatles }), new SplitDateTimeField()],
      options,
    );
  }
  override compress(dataList: unknown[]): string | null {
    if (!dataList.length) return null;
    const [text, letters, when] = dataList as [string, string[], string];
    return `${text},${letters.join("")},${when.replace("T", " ")}`;
  }
}

/** Django's PartiallyRequiredField: the first part required, the second optional. */
class PartiallyRequiredField extends MultiValueField<string | null> {
  override compress(dataList: unknown[]): string | null {
    return dataList.length ? dataList.join(",") : null;
  }
}

const field = () => new ComplexField({ widget: new ComplexMultiWidget() });
const partial = (parts = [new CharField({ required: true }), new CharField({ required: false })]) =>
  new PartiallyRequiredField(parts, { required: true, requireAllFields: false });
const VALUE = ["some text", ["J", "P"], ["2007-04-25", "6:24:00"]];
const STORED = "some text,JP,2007-04-25 06:24:00";
const REQUIRED = { errors: [["required", "This field is required."]] };

describe("MultiValueField (Django's test_multivaluefield.py)", () => {
  test.each([
    // test_clean
    ["test_clean", VALUE, { value: STORED }],
    // test_bad_choice
    [
      "test_bad_choice",
      ["some text", ["X"], ["2007-04-25", "6:24:00"]],
      {
        errors: [
          ["invalid_choice", "Select a valid choice. X is not one of the available choices."],
        ],
      },
    ],
    // test_no_value: a missing part is None, so "required".
    ["test_no_value", ["some text", ["JP"]], REQUIRED],
    // The empty inputs, and what is not a list (Django's `invalid`).
    ["None", null, REQUIRED],
    ["empty string", "", REQUIRED],
    ["empty list", [], REQUIRED],
    ["all parts empty", ["", [], ["", ""]], REQUIRED],
    ["a string", "hello", { errors: [["invalid", "Enter a list of values."]] }],
    ["an object", { a: 1 }, { errors: [["invalid", "Enter a list of values."]] }],
    [
      "every part's errors together",
      ["x", ["X"], ["hello", "there"]],
      {
        errors: [
          ["invalid_choice", "Select a valid choice. X is not one of the available choices."],
          ["invalid", "Enter a valid date."],
          ["invalid", "Enter a valid time."],
        ],
      },
    ],
  ])("%s", (_name, input, expected) => {
    expect(server(field(), input)).toEqual(expected);
  });

  test("an optional field cleans all-empty input to compress([])", () => {
    const f = new ComplexField({ required: false, widget: new ComplexMultiWidget() });
    expect(server(f, null)).toEqual({ value: null });
    expect(server(f, ["", [], ""])).toEqual({ value: null });
  });

  test.each([
    ["test_has_changed_no_initial", null, VALUE, true],
    ["test_has_changed_same", STORED, VALUE, false],
    ["test_has_changed_first_widget", STORED, ["other text", ["J", "P"], VALUE[2]], true],
    [
      "test_has_changed_last_widget",
      STORED,
      ["some text", ["J", "P"], ["2009-04-25", "11:44:00"]],
      true,
    ],
  ])("%s", (_name, initial, data, changed) => {
    expect(field().hasChanged(initial, data)).toBe(changed);
  });

  test("test_disabled_has_changed", () => {
    const f = new MultiValueField([new CharField(), new CharField()], { disabled: true });
    expect(f.hasChanged(["x", "x"], ["y", "y"])).toBe(false);
  });

  test("compress() is for subclasses", () => {
    const f = new MultiValueField([new CharField(), new CharField()]);
    expect(() => f.clean(["a", "b"])).toThrow("MultiValueField must implement compress().");
  });

  test.each([
    ["test_clean_disabled_multivalue: a stored value", STORED],
    ["test_clean_disabled_multivalue: its parts", VALUE],
  ])("%s", async (_name, initial) => {
    class ComplexFieldForm extends Form<ComplexFieldForm> {
      static override meta = formMeta({ name: "complex_disabled" });
      f = new ComplexField({ disabled: true, widget: new ComplexMultiWidget() });
    }
    const form = new ComplexFieldForm({ data: {}, initial: { f: initial } });
    expect(await form.isValid()).toBe(true);
    expect(form.errors).toEqual({});
    expect(form.cleanedData).toEqual({ f: STORED });
  });

  test("test_form_cleaned_data", async () => {
    class ComplexFieldForm extends Form<ComplexFieldForm> {
      static override meta = formMeta({ name: "complex" });
      field1 = new ComplexField({ widget: new ComplexMultiWidget() });
    }
    const form = new ComplexFieldForm({ data: { field1: VALUE } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData.field1).toBe(STORED);
  });

  // test_form_as_table: mizan renders in React; the schema gives the parts' widgets.
  test("test_form_as_table: the widget describes every part, nested ones included", () => {
    const f = field();
    f.name = "field1";
    const widget = f.describe().widget as unknown as {
      type: string;
      subwidgets: Array<{ type: string; subwidgets?: Array<{ type: string }> }>;
    };
    expect(widget.type).toBe("MultiWidget");
    expect(widget.subwidgets.map((w) => w.type)).toEqual([
      "TextInput",
      "SelectMultiple",
      "SplitDateTimeWidget",
    ]);
    expect(widget.subwidgets[2]?.subwidgets?.map((w) => w.type)).toEqual([
      "DateInput",
      "TimeInput",
    ]);
    expect(f.describe()).toMatchObject({ required: true, required_parts: [true, true, true] });
  });

  test("the default widget is a MultiWidget of the parts' widgets", () => {
    const f = new PartiallyRequiredField([new CharField(), new MultipleChoiceField()]);
    expect(f.widget).toBeInstanceOf(MultiWidget);
    expect((f.widget as MultiWidget).widgets.map((w) => w.constructor.name)).toEqual([
      "TextInput",
      "SelectMultiple",
    ]);
  });

  test("the parts' required check moves to the field (require_all_fields)", () => {
    const f = field();
    expect(f.fields.map((p) => p.required)).toEqual([false, false, false]);
    expect(partial().fields.map((p) => p.required)).toEqual([true, false]);
  });
});

describe("requireAllFields: false (Django's PartiallyRequiredField)", () => {
  test.each([
    // test_render_required_attributes: valid with the required part, invalid without any.
    ["required part given", ["Hello", ""], { value: "Hello," }],
    ["nothing given", ["", ""], REQUIRED],
    ["required part empty", ["", "World"], { errors: [["incomplete", "Enter a complete value."]] }],
    [
      "required part missing",
      [null, "World"],
      { errors: [["incomplete", "Enter a complete value."]] },
    ],
    ["both given", ["Hello", "World"], { value: "Hello,World" }],
  ])("%s", (_name, input, expected) => {
    expect(server(partial(), input)).toEqual(expected);
  });

  test("test_render_required_attributes: only the required part is marked", () => {
    expect(partial().describe()).toMatchObject({
      require_all_fields: false,
      required_parts: [true, false],
    });
  });

  test("a part's own `incomplete` text wins; the same text is reported once", () => {
    const f = partial([
      new CharField({ errorMessages: { incomplete: "Enter the area code." } }),
      new CharField(),
      new CharField({ required: false }),
    ]);
    expect(server(f, ["", "", "x"])).toEqual({
      errors: [
        ["incomplete", "Enter the area code."],
        ["incomplete", "Enter a complete value."],
      ],
    });
    const same = partial([new CharField(), new CharField(), new CharField({ required: false })]);
    expect(server(same, ["", "", "x"])).toEqual({
      errors: [["incomplete", "Enter a complete value."]],
    });
  });

  test("errors carry Django's codes through the field's `errorMessages`", () => {
    const f = new PartiallyRequiredField([new CharField(), new CharField()], {
      requireAllFields: false,
      errorMessages: { invalid: "A list, please.", incomplete: "Both, please." },
    });
    expect(server(f, "x")).toEqual({ errors: [["invalid", "A list, please."]] });
    expect(server(f, ["a", ""])).toEqual({ errors: [["incomplete", "Both, please."]] });
  });

  test("validators run on the compressed value", () => {
    const f = new PartiallyRequiredField([new CharField(), new CharField()], {
      validators: [
        (value) => {
          if (value === "a,a") throw new ValidationError("Not twice.", { code: "twice" });
        },
      ],
    });
    expect(server(f, ["a", "a"])).toEqual({ errors: [["twice", "Not twice."]] });
    expect(f.jsonSchema()["x-mizan-server-rules"]).toBe(true);
  });
});
