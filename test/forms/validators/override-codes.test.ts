// A field's `errorMessages` replace a validator's message only for codes the field names
// (Django's `e.code in self.error_messages`): a code spelled like an Object.prototype member is
// just a code, on every cleaning path.
import { describe, expect, test } from "vitest";
import { createContext } from "../../../src/core/context.js";
import { Registry } from "../../../src/core/registry.js";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { Form } from "../../../src/forms/form.js";
import { formMeta } from "../../../src/forms/form-meta.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { MaxLengthValidator } from "../../../src/forms/validators/length.js";

function refuseWith(code: string) {
  return (value: unknown) => {
    if (value === "no") throw new ValidationError(`Refused as ${code}.`, { code });
  };
}

class CodesForm extends Form<CodesForm> {
  static override meta = formMeta({ name: "codes" });
  // One field per code; each also has a rule validator and a message override for max_length.
  a = new CharField({
    validators: [refuseWith("toString"), new MaxLengthValidator(5)],
    errorMessages: { max_length: "Five at most." },
  });
  b = new CharField({ validators: [refuseWith("constructor")] });
  c = new CharField({ validators: [new MaxLengthValidator(1), refuseWith("valueOf")] });
  d = new CharField({ validators: [refuseWith("hasOwnProperty")] });
  e = new CharField({ validators: [refuseWith("__proto__")] });
}

const data = { a: "no", b: "no", c: "no", d: "no", e: "no" };
const expected = {
  a: [{ code: "toString", message: "Refused as toString." }],
  b: [{ code: "constructor", message: "Refused as constructor." }],
  c: [
    {
      code: "max_length",
      message: "Ensure this value has at most 1 character (it has 2).",
    },
    { code: "valueOf", message: "Refused as valueOf." },
  ],
  d: [{ code: "hasOwnProperty", message: "Refused as hasOwnProperty." }],
  e: [{ code: "__proto__", message: "Refused as __proto__." }],
};

function codesAndMessages(errors: Record<string, Array<{ code: string; message: string }>>) {
  return Object.fromEntries(
    Object.entries(errors).map(([name, items]) => [
      name,
      items.map(({ code, message }) => ({ code, message })),
    ]),
  );
}

describe("a validator's code named like an Object.prototype member", () => {
  test("each is reported with the validator's own message (new Form)", async () => {
    const form = new CodesForm({ data });
    expect(await form.isValid()).toBe(false);
    expect(codesAndMessages(form.errorDetails().fields as never)).toEqual(expected);
  });

  test("the same errors through the registry (the class's shared fields)", async () => {
    const registry = new Registry();
    registry.register(CodesForm);
    const request = new Request("http://localhost/");
    for (let round = 0; round < 3; round++) {
      const ctx = createContext({ request, signal: request.signal });
      const result = (await registry.call("codes.validate", ctx, { data })) as {
        valid: boolean;
        errors: { fields: Record<string, Array<{ code: string; message: string }>> };
      };
      expect(result.valid).toBe(false);
      expect(codesAndMessages(result.errors.fields)).toEqual(expected);
    }
  });

  test("an override the field names still replaces the message", async () => {
    const form = new CodesForm({ data: { ...data, a: "toolong" } });
    await form.isValid();
    expect(form.errors.a?.map((e) => e.message)).toEqual(["Five at most."]);
  });
});
