// A field builds some of its parts only when first used (its default widget, its validators'
// checks) and shares what no instance changes (no `errorMessages`); a ChoiceField looks
// through a choices list it has not checked before instead of copying it. These tests pin that
// every instance still reads and changes its own parts, as an eager construction gave it.
import { describe, expect, test } from "vitest";
import { createContext } from "../../src/core/context.js";
import type { ValidationDetails } from "../../src/core/errors.js";
import { Registry } from "../../src/core/registry.js";
import { Field } from "../../src/forms/field.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { ChoiceField, type Choices } from "../../src/forms/fields/choice-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form, type FormOptions } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";
import {
  MaxLengthValidator,
  MinLengthValidator,
  ProhibitNullCharactersValidator,
} from "../../src/forms/validators/length.js";
import type { Validator } from "../../src/forms/validators/validator.js";
import {
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
  type Widget,
} from "../../src/forms/widgets/widget.js";

const noDigits: Validator = (value) => {
  if (/\d/.test(String(value))) throw new ValidationError("No digits.", { code: "digits" });
};

describe("widget", () => {
  test("the default widget is the class's, one object per field, kept between reads", () => {
    const a = new CharField();
    const b = new CharField();
    expect(a.widget).toBeInstanceOf(TextInput);
    expect(a.widget).toBe(a.widget);
    expect(a.widget).not.toBe(b.widget);
    expect(new IntegerField().widget).toBeInstanceOf(NumberInput);
    expect(new ChoiceField({ choices: [["a", "A"]] }).widget).toBeInstanceOf(Select);
  });

  test("a given widget is kept as it is; assigning one changes that field only", () => {
    const given = new Textarea();
    const a = new CharField({ widget: given });
    const b = new CharField();
    expect(a.widget).toBe(given);
    const password = new PasswordInput();
    b.widget = password;
    expect(b.widget).toBe(password);
    expect(a.widget).toBe(given);
    expect(new CharField().widget).toBeInstanceOf(TextInput);
  });

  test("changing the default widget's attrs changes that field's only", () => {
    const a = new CharField();
    const b = new CharField();
    a.widget.attrs.placeholder = "Name";
    expect(a.describe().widget.attrs).toEqual({ placeholder: "Name" });
    expect(b.describe().widget.attrs).toEqual({});
  });

  test("a subclass's defaultWidget is honoured, read when the field is constructed or later", () => {
    class LocalizedInteger extends IntegerField {
      protected override defaultWidget(): Widget {
        return this.localize ? new TextInput({ inputmode: "numeric" }) : new NumberInput();
      }
    }
    expect(new LocalizedInteger({ localize: true }).widget).toBeInstanceOf(TextInput);
    expect(new LocalizedInteger().widget).toBeInstanceOf(NumberInput);
    expect(new LocalizedInteger({ localize: true }).describe().widget.attrs).toEqual({
      inputmode: "numeric",
    });
  });
});

describe("options", () => {
  test("every option reads its given value, else Django's default", () => {
    const plain = new CharField();
    expect([plain.required, plain.label, plain.initial, plain.helpText, plain.disabled]).toEqual([
      true,
      undefined,
      undefined,
      "",
      false,
    ]);
    expect([plain.localize, plain.showHiddenInitial, plain.labelSuffix, plain.name]).toEqual([
      false,
      false,
      undefined,
      "",
    ]);
    expect([plain.maxLength, plain.minLength, plain.strip, plain.emptyValueOption]).toEqual([
      undefined,
      undefined,
      true,
      "",
    ]);
    const given = new CharField<string | null>({
      required: false,
      label: "Name",
      initial: "x",
      helpText: "Help",
      disabled: true,
      localize: true,
      showHiddenInitial: true,
      labelSuffix: ":",
      maxLength: 5,
      minLength: 2,
      strip: false,
      emptyValue: null,
    });
    expect([given.required, given.label, given.initial, given.helpText, given.disabled]).toEqual([
      false,
      "Name",
      "x",
      "Help",
      true,
    ]);
    expect([given.localize, given.showHiddenInitial, given.labelSuffix]).toEqual([true, true, ":"]);
    expect([given.maxLength, given.minLength, given.strip, given.emptyValueOption]).toEqual([
      5,
      2,
      false,
      null,
    ]);
    const numbers = new IntegerField({ minValue: 1, stepSize: 2 });
    expect([numbers.minValue, numbers.maxValue, numbers.stepSize]).toEqual([1, undefined, 2]);
    expect(new IntegerField().maxValue).toBeUndefined();
    expect("label" in plain && "maxLength" in plain && "stepSize" in numbers).toBe(true);
  });

  test("a null option reads as its default, as `option ?? default` gave it", () => {
    const field = new CharField({
      required: null,
      helpText: null,
      strip: null,
      label: null,
    } as unknown as ConstructorParameters<typeof CharField>[0]);
    expect([field.required, field.helpText, field.strip, field.label]).toEqual([
      true,
      "",
      true,
      null,
    ]);
  });

  test("changing a field's option (as Django code does) changes that field only", () => {
    const a = new CharField();
    const b = new CharField();
    (a as { required: boolean }).required = false;
    (a as { label: string }).label = "Nickname";
    expect(a.clean("")).toBe("");
    expect(() => b.clean("")).toThrow("This field is required.");
    expect(a.describe().label).toBe("Nickname");
    expect(b.describe().label).toBe("");
    expect(new CharField().required).toBe(true);
  });
});

describe("validators", () => {
  test("each field has its own list: default validators, then the given ones, in order", () => {
    const given = [noDigits];
    const a = new CharField({ maxLength: 5, validators: given });
    const b = new CharField({ maxLength: 5, validators: given });
    expect(a.validators).not.toBe(b.validators);
    expect(a.validators[0]).toBe(noDigits);
    expect(a.validators[1]).toBeInstanceOf(MaxLengthValidator);
    given.push(noDigits);
    a.validators.push(noDigits);
    expect(a.validators).toHaveLength(4);
    expect(b.validators).toHaveLength(3);
    expect(given).toHaveLength(2);
  });

  test("a list defaultValidators() keeps on its class is copied, never changed", () => {
    const shared: Validator[] = [noDigits];
    class NoDigits extends Field<string, string> {
      protected override defaultValidators(): Validator[] {
        return shared;
      }
    }
    const a = new NoDigits();
    const b = new NoDigits({ validators: [noDigits] });
    a.validators.push(noDigits);
    expect(shared).toEqual([noDigits]);
    expect(a.validators).toHaveLength(2);
    expect(b.validators).toHaveLength(2);
    expect(new NoDigits().validators).toEqual([noDigits]);
    expect(() => new NoDigits().clean("a1")).toThrow("No digits.");
  });

  test("the validators a class adds are the field's own objects, even after cleaning", () => {
    const a = new CharField({ minLength: 3, maxLength: 5 });
    const b = new CharField({ minLength: 3, maxLength: 5 });
    expect(() => a.clean("ab")).toThrow("at least 3 characters");
    expect(() => b.clean("abcdef")).toThrow("at most 5 characters");
    const [minA, maxA, nullA] = a.validators;
    const [minB, maxB, nullB] = b.validators;
    expect(minA).toBeInstanceOf(MinLengthValidator);
    expect(maxA).toBeInstanceOf(MaxLengthValidator);
    expect(nullA).toBeInstanceOf(ProhibitNullCharactersValidator);
    expect(new Set([minA, maxA, nullA, minB, maxB, nullB]).size).toBe(6);
    expect(a.validators[0]).toBe(minA);
    // Changing one field's validator changes that field only.
    (minA as MinLengthValidator).params = { limit_value: 1 };
    expect(a.clean("ab")).toBe("ab");
    expect(() => b.clean("ab")).toThrow("at least 3 characters");
    expect(() => new CharField({ minLength: 3 }).clean("ab")).toThrow("at least 3 characters");
    (maxB as MaxLengthValidator).params.limit_value = 10;
    expect(b.clean("abcdefg")).toBe("abcdefg");
    expect(() => new CharField({ maxLength: 5 }).clean("abcdefg")).toThrow("at most 5");
  });

  test("IntegerField's limits: own objects, in Django's order (max, min, step)", () => {
    const field = new IntegerField({ minValue: 1, maxValue: 9, stepSize: 2 });
    const other = new IntegerField({ minValue: 1, maxValue: 9 });
    expect(() => other.clean(0)).toThrow("greater than or equal to 1");
    expect(field.validators.map((v) => (v as unknown as { code: string }).code)).toEqual([
      "max_value",
      "min_value",
      "step_size",
    ]);
    expect(field.validators[0]).not.toBe(other.validators[0]);
    expect(() => field.clean(4)).toThrow("multiple of step size 2");
    let calls = 0;
    const limit = new IntegerField({
      maxValue: (() => {
        calls++;
        return 5;
      }) as unknown as number,
    });
    expect(calls).toBe(1);
    // A callable limit's validator is made at construction, as before (not when read).
    expect(limit.validators).toHaveLength(1);
    expect(calls).toBe(1);
    expect(() => limit.clean(6)).toThrow("less than or equal to 5");
  });

  test("a validator added after a field has cleaned is run from then on", () => {
    const field = new CharField({ maxLength: 10 });
    expect(field.clean("a1")).toBe("a1");
    field.validators.push(noDigits);
    expect(() => field.clean("a1")).toThrow("No digits.");
    expect(new CharField({ maxLength: 10 }).clean("a1")).toBe("a1");
  });
});

describe("errorMessages", () => {
  test("fields without errorMessages give their class's messages; a table read is a copy", () => {
    const a = new CharField();
    const b = new CharField();
    const table = a.errorMessages;
    table.required = "Changed.";
    expect(a.errorMessages.required).toBe("This field is required.");
    expect(b.errorMessages.required).toBe("This field is required.");
    expect(() => a.clean("")).toThrow("This field is required.");
  });

  test("a given errorMessages is the field's own copy", () => {
    const messages = { required: "Name, please." };
    const a = new CharField({ errorMessages: messages });
    messages.required = "Changed.";
    expect(a.errorMessages.required).toBe("Name, please.");
    expect(() => a.clean("")).toThrow("Name, please.");
    expect(() => new CharField().clean("")).toThrow("This field is required.");
  });
});

describe("ChoiceField: a list's first check (looked through) answers as later ones (a set)", () => {
  const shapes: Array<[string, () => Choices, unknown[]]> = [
    [
      "pairs",
      () => [
        ["a", "A"],
        ["b", "B"],
      ],
      ["a", "b", "c", "", "A"],
    ],
    [
      "number, boolean and null values",
      () => [
        [1, "One"],
        [true, "Yes"],
        [null, "None"],
        [2.5, "x"],
      ],
      [1, "1", "True", true, "None", "2.5", 2, "true"],
    ],
    [
      "optgroups of pairs and of mappings",
      () => [
        [
          "Audio",
          [
            ["vinyl", "Vinyl"],
            ["cd", "CD"],
          ],
        ],
        ["Video", { vhs: "VHS", dvd: "DVD" }],
        ["unknown", "Unknown"],
      ],
      ["vinyl", "dvd", "unknown", "Audio", "Video", "VHS"],
    ],
    [
      "a mapping",
      () => ({ s: "Small", 2: "Two", grp: { x: "X" } }),
      ["s", "2", 2, "x", "grp", "Small"],
    ],
    [
      "a sparse list",
      () => {
        const list: unknown[] = [["a", "A"]];
        list[2] = ["b", "B"];
        return list as Choices;
      },
      ["a", "b", "undefined"],
    ],
    [
      "a label that is neither text nor a group",
      () => [["a", 3]] as unknown as Choices,
      ["a", "3"],
    ],
  ];

  for (const [name, choices, values] of shapes) {
    test(name, () => {
      const reused = new ChoiceField({ choices: choices(), required: false });
      for (const value of values) {
        const fresh = new ChoiceField({ choices: choices(), required: false });
        const first = fresh.validValue(value);
        expect(fresh.validValue(value)).toBe(first);
        expect(fresh.validValue(value)).toBe(first);
        reused.validValue(value);
        expect(reused.validValue(value)).toBe(first);
      }
    });
  }

  test("a malformed entry throws the same TypeError on the first check and later ones", () => {
    const malformed = () =>
      [
        ["a", "A"],
        ["b", null],
      ] as unknown as Choices;
    const field = new ChoiceField({ choices: malformed() });
    expect(() => field.validValue("a")).toThrow(TypeError);
    expect(() => field.validValue("a")).toThrow(TypeError);
    expect(() => new ChoiceField({ choices: malformed() }).choices).toThrow(TypeError);
  });

  test("choices assigned after a check are the ones checked", () => {
    const field = new ChoiceField({ choices: [["a", "A"]] });
    expect(field.validValue("a")).toBe(true);
    field.choices = [["b", "B"]];
    expect(field.validValue("a")).toBe(false);
    expect(field.validValue("b")).toBe(true);
    expect(field.validValue("b")).toBe(true);
  });
});

describe("forms built with new", () => {
  class Profile extends Form<Profile> {
    name = new CharField({ maxLength: 5 });
    size = new ChoiceField({
      choices: [
        ["s", "Small"],
        ["l", "Large"],
      ],
    });
  }

  async function errors(form: Profile) {
    await form.isValid();
    return form.errorDetails().fields;
  }

  test("each instance's fields are its own: a change to one form's field stays there", async () => {
    const a = new Profile({ data: { name: "a1", size: "s" }, ctx: createContext() });
    const b = new Profile({ data: { name: "a1", size: "m" }, ctx: createContext() });
    const fieldA = a.fields.get("name") as CharField;
    const fieldB = b.fields.get("name") as CharField;
    fieldA.validators.push(noDigits);
    fieldA.widget = new Textarea();
    expect(fieldB.widget).toBeInstanceOf(TextInput);
    expect(await errors(a)).toEqual({ name: [{ code: "digits", message: "No digits." }] });
    expect(await errors(b)).toEqual({
      size: [
        {
          code: "invalid_choice",
          message: "Select a valid choice. m is not one of the available choices.",
        },
      ],
    });
  });
});

describe("forms served by the registry and built with new share no validator", () => {
  class Plain extends Form<Plain> {
    static override meta = formMeta({ name: "plain" });
    name = new CharField({ minLength: 2, maxLength: 5 });
  }

  /** Adds a validator and tightens a limit per instance (Django's `__init__` pattern). */
  class Tight extends Form<Tight> {
    static override meta = formMeta({ name: "tight" });
    name = new CharField({ minLength: 2, maxLength: 5 });
    constructor(options?: FormOptions) {
      super(options);
      this.name.validators.push(noDigits);
      (this.name.validators[1] as MaxLengthValidator).params = { limit_value: 3 };
    }
  }

  async function served(r: Registry, form: string, name: string) {
    const answer = (await r.call(`${form}.validate`, createContext(), { data: { name } })) as {
      errors: ValidationDetails;
    };
    return answer.errors.fields.name?.map((e) => e.code) ?? [];
  }

  test("a form's changes stay in its instances; the others keep the class's limits", async () => {
    const r = new Registry();
    r.register(Plain);
    r.register(Tight);
    for (let i = 0; i < 2; i++) {
      expect(await served(r, "tight", "a1b2")).toEqual(["max_length", "digits"]);
      expect(await served(r, "plain", "a1b2")).toEqual([]);
      expect(await served(r, "plain", "abcdef")).toEqual(["max_length"]);
      expect(await served(r, "tight", "x")).toEqual(["min_length"]);
      const plain = new Plain({ data: { name: "a1b2" }, ctx: createContext() });
      expect(await plain.isValid()).toBe(true);
      const tight = new Tight({ data: { name: "abcd" }, ctx: createContext() });
      expect(await tight.isValid()).toBe(false);
    }
  });
});
