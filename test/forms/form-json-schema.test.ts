import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { FormField } from "../../src/forms/form-field.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { formJsonSchema, formVersion } from "../../src/forms/form-schema.js";
import { FormSet } from "../../src/forms/formsets.js";
import { Textarea } from "../../src/forms/widgets/widget.js";

class AddressForm extends Form {
  city = new CharField({ maxLength: 50 });
}
class ItemForm extends Form {
  sku = new CharField();
}
class ContactForm extends Form {
  static override meta = formMeta({ name: "contact", title: "Contact Us" });
  name = new CharField({ maxLength: 100, helpText: "Your full name" });
  message = new CharField({ widget: new Textarea(), minLength: 10 });
  address = new FormField(AddressForm, { required: false });
  items = new FormSet(ItemForm, { minNum: 1, maxNum: 3 });
}

function ajv() {
  // strict: false lets mizan's x-mizan-* and errorMessage keywords through, as 2020-12 allows.
  return new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
}

describe("form JSON Schema", () => {
  const schema = formJsonSchema(ContactForm);

  test("is valid against the draft 2020-12 metaschema", () => {
    const validator = ajv();
    expect(validator.validateSchema(schema)).toBe(true);
    expect(validator.errors ?? null).toBeNull();
  });

  test("compiles and accepts what the browser submits", () => {
    const validate = ajv().compile(schema);
    expect(validate({ name: "Ann", message: "hello there!", items: [{ sku: "a" }] })).toBe(true);
    expect(validate({ name: 5 })).toBe(false);
  });

  test("carries Django's rules and messages for the generator", () => {
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["x-mizan-field-order"]).toEqual(["name", "message", "address", "items"]);
    expect(props.name).toMatchObject({
      type: "string",
      maxLength: 100,
      title: "Name",
      description: "Your full name",
      "x-mizan-field": "CharField",
      "x-mizan-required": true,
      "x-mizan-coerce": { kind: "str", params: { strip: true, empty: "" } },
      errorMessage: { required: "This field is required." },
    });
    expect(props.name?.["x-mizan-rules"]).toEqual([
      {
        rule: "max_length",
        code: "max_length",
        params: { limit_value: 100 },
        message: "Ensure this value has at most 100 characters (it has %(show_value)d).",
        key: "MaxLengthValidator.max_length",
      },
      {
        rule: "null_characters",
        code: "null_characters_not_allowed",
        params: {},
        message: "Null characters are not allowed.",
        key: "ProhibitNullCharactersValidator.null_characters_not_allowed",
      },
    ]);
    expect(props.message?.["x-mizan-widget"]).toBe("Textarea");
    expect(props.address).toMatchObject({ type: "object", "x-mizan-field": "FormField" });
    expect(props.items).toMatchObject({
      type: "array",
      minItems: 1,
      maxItems: 3,
      "x-mizan-min-num": 1,
      "x-mizan-max-num": 3,
      errorMessage: {
        too_few_forms: "Please submit at least 1 form.",
        too_many_forms: "Please submit at most 3 forms.",
      },
    });
  });

  test("the version changes when a rule changes, not otherwise", () => {
    class Same extends Form {
      static override meta = formMeta({ name: "contact", title: "Contact Us" });
      name = new CharField({ maxLength: 100, helpText: "Your full name" });
      message = new CharField({ widget: new Textarea(), minLength: 10 });
      address = new FormField(AddressForm, { required: false });
      items = new FormSet(ItemForm, { minNum: 1, maxNum: 3 });
    }
    class Changed extends Same {
      override name = new CharField({ maxLength: 99, helpText: "Your full name" });
    }
    expect(formVersion(Same)).toBe(formVersion(ContactForm));
    expect(formVersion(Changed)).not.toBe(formVersion(ContactForm));
  });
});
