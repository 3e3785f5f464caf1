// A form built with `new` works out each field's step per call; what follows from the field's
// class is kept per prototype. An instance's own method, or a method changed on a class after
// forms of it were cleaned, must still be the one that runs.
import { describe, expect, test } from "vitest";
import { CharField } from "../../src/forms/fields/char-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form } from "../../src/forms/form.js";
import { ValidationError } from "../../src/forms/validation-error.js";

class NameForm extends Form {
  name = new CharField({ maxLength: 5 });
  age = new IntegerField({ required: false });
}

async function clean(form: Form): Promise<unknown> {
  if (await form.isValid()) return form.cleanedData;
  return Object.fromEntries(
    Object.entries(form.errors).map(([name, items]) => [
      name,
      items.map((item) => ({ message: item.message, code: item.code })),
    ]),
  );
}

describe("a field's step kept per class", () => {
  test("an instance's own toPython, validate or clean runs after its class was cleaned", async () => {
    expect(await clean(new NameForm({ data: { name: "ann", age: "4" } }))).toEqual({
      name: "ann",
      age: 4,
    });

    const upper = new NameForm({ data: { name: "ann", age: "4" } });
    upper.name.toPython = (value: unknown) => String(value).toUpperCase();
    expect(await clean(upper)).toEqual({ name: "ANN", age: 4 });

    const odd = new NameForm({ data: { name: "ann", age: "3" } });
    odd.age.validate = (value: unknown) => {
      if (typeof value === "number" && value % 2) {
        throw new ValidationError("Even only.", { code: "odd" });
      }
    };
    expect(await clean(odd)).toEqual({
      age: [{ message: "Even only.", code: "odd" }],
    });

    const own = new NameForm({ data: { name: "ann", age: "4" } });
    own.name.clean = () => "cleaned";
    expect(await clean(own)).toEqual({ name: "cleaned", age: 4 });

    // The class's own step again, for a fresh instance.
    expect(await clean(new NameForm({ data: { name: "toolong", age: "4" } }))).toEqual({
      name: [expect.objectContaining({ code: "max_length" })],
    });
  });

  test("a method changed on a class after it was cleaned runs from then on", async () => {
    class ShoutField extends CharField {}
    class ShoutForm extends Form {
      word = new ShoutField();
    }
    expect(await clean(new ShoutForm({ data: { word: "hi" } }))).toEqual({ word: "hi" });
    const proto = ShoutField.prototype as unknown as Record<string, unknown>;
    try {
      proto.toPython = function (this: CharField, value: unknown) {
        return `${CharField.prototype.toPython.call(this, value)}!`;
      };
      expect(await clean(new ShoutForm({ data: { word: "hi" } }))).toEqual({ word: "hi!" });
      proto.validate = () => {
        throw new ValidationError("No.", { code: "no" });
      };
      expect(await clean(new ShoutForm({ data: { word: "hi" } }))).toEqual({
        word: [{ message: "No.", code: "no" }],
      });
    } finally {
      delete proto.toPython;
      delete proto.validate;
    }
    expect(await clean(new ShoutForm({ data: { word: "hi" } }))).toEqual({ word: "hi" });
  });

  test("a field's required and disabled are read per call", async () => {
    const form = new NameForm({ data: { age: "4" } });
    (form.name as unknown as { required: boolean }).required = false;
    expect(await clean(form)).toEqual({ name: "", age: 4 });
    expect(await clean(new NameForm({ data: { age: "4" } }))).toEqual({
      name: [expect.objectContaining({ code: "required" })],
    });
  });
});

describe("a form's own keys checked once per class", () => {
  class Flex extends Form {
    name = new CharField();
    constructor(options: ConstructorParameters<typeof Form>[0], clashing?: string) {
      super(options);
      if (clashing) {
        Object.defineProperty(this, clashing, {
          value: new CharField(),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
    }
  }

  test("a field named after a form member still clashes after its class was collected", () => {
    expect([...new Flex({ data: {} }).fields.keys()]).toEqual(["name"]);
    expect(() => new Flex({ data: {} }, "addError").fields).toThrow(/clashes with Form\.addError/);
    expect([...new Flex({ data: {} }, "other").fields.keys()]).toEqual(["name", "other"]);
    expect(() => new Flex({ data: {} }, "addError").fields).toThrow(/clashes with Form\.addError/);
    expect([...new Flex({ data: {} }).fields.keys()]).toEqual(["name"]);
  });
});
