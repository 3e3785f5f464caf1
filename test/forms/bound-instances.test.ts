// The registry binds a declarative form class's requests to fields built once per class (its
// `base_fields`); these tests pin that Django's per-instance semantics hold all the same.
import { describe, expect, test } from "vitest";
import { createContext } from "../../src/core/context.js";
import { MizanError, type ValidationDetails } from "../../src/core/errors.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { ChoiceField } from "../../src/forms/fields/choice-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form, type FormOptions } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";

type Validated = { valid: boolean; errors: ValidationDetails };

function call(registry: Registry, name: string, data: Record<string, unknown>) {
  return registry.call(name, createContext(), { data });
}

async function errorsOf(registry: Registry, name: string, data: Record<string, unknown>) {
  return ((await call(registry, name, data)) as Validated).errors.fields;
}

/** The oracle: the same data through an ordinary `new` instance. */
async function errorsViaNew(
  form: new (options?: FormOptions) => Form,
  data: Record<string, unknown>,
) {
  const instance = new form({ data, ctx: createContext() });
  await instance.isValid();
  return instance.errorDetails().fields;
}

const order: string[] = [];

class OrderForm extends Form<OrderForm> {
  static override meta = formMeta({ name: "order" });
  first = new CharField();
  second = new IntegerField({ minValue: 1 });
  third = new CharField({ required: false });

  cleanFirst(value: string) {
    order.push(`cleanFirst:${value}`);
    return value.toUpperCase();
  }

  cleanThird(value: string) {
    order.push(`cleanThird:${JSON.stringify(this.cleanedData)}`);
    return value;
  }

  override clean() {
    order.push(`clean:${Object.keys(this.cleanedData).join(",")}`);
    if (this.cleanedData.first === "STOP") throw new ValidationError("Stop.", { code: "stop" });
  }
}

/** Changes its fields per instance from a hook. */
class ProfileForm extends Form<ProfileForm> {
  static override meta = formMeta({ name: "profile" });
  username = new CharField();
  bio = new CharField({ required: false, maxLength: 100 });
  level = new ChoiceField({ choices: [["a", "A"]] });

  cleanUsername(value: string) {
    // Reassigned after the form collected its fields, so not cleaned with (Django's full_clean
    // also iterates the fields it started with).
    if (value === "reassign") this.bio = new CharField({ required: false, maxLength: 3 });
    if (value === "in-place") this.level.choices = [["z", "Z"]];
    if (value === "through-fields") {
      (this.fields.get("level") as ChoiceField).choices = [["y", "Y"]];
    }
    return value;
  }
}

/** Not declarative: its constructor adjusts a field per instance. */
class StrictForm extends Form<StrictForm> {
  static override meta = formMeta({ name: "strict" });
  name = new CharField({ required: false });
  constructor(options?: FormOptions) {
    super(options);
    if (options?.data?.strict === true) this.name = new CharField({ required: true });
  }
}

/** Not declarative either: per-instance state that is not a field. */
class CountingForm extends Form<CountingForm> {
  static override meta = formMeta({ name: "counting" });
  seen: string[] = [];
  name = new CharField();

  cleanName(value: string) {
    this.seen.push(value);
    if (this.seen.length > 1) throw new ValidationError("Shared state.", { code: "shared" });
    return value;
  }
}

function registry() {
  const r = new Registry();
  for (const form of [OrderForm, ProfileForm, StrictForm, CountingForm]) r.register(form);
  return r;
}

describe("forms bound by the registry", () => {
  test("clean order, hooks and errors are Django's, call after call", async () => {
    const r = registry();
    for (let i = 0; i < 2; i++) {
      order.length = 0;
      const result = (await call(r, "order.validate", {
        first: "ab",
        second: 2,
        third: "x",
      })) as Validated;
      expect(result.valid).toBe(true);
      expect(order).toEqual([
        "cleanFirst:ab",
        'cleanThird:{"first":"AB","second":2,"third":"x"}',
        "clean:first,second,third",
      ]);
    }
    expect(await errorsOf(r, "order.validate", { first: "STOP", second: 0 })).toEqual({
      second: [{ message: "Ensure this value is greater than or equal to 1.", code: "min_value" }],
    });
    await expect(call(r, "order.submit", { first: "STOP", second: 3 })).rejects.toMatchObject({
      details: { non_field: [{ message: "Stop.", code: "stop" }] },
    });
  });

  test("fields changed per instance in a hook: as with `new`, and never shared", async () => {
    const r = registry();
    const plain = { username: "plain", bio: "four", level: "a" };
    const payloads: Array<Record<string, unknown>> = [
      { username: "reassign", bio: "four", level: "a" },
      { username: "in-place", level: "a" },
      { username: "in-place", level: "z" },
      { username: "through-fields", level: "y" },
      { username: "through-fields", level: "a" },
    ];
    const seen = [];
    for (const data of payloads) {
      const errors = await errorsOf(r, "profile.validate", data);
      expect(errors).toEqual(await errorsViaNew(ProfileForm, data));
      seen.push(Object.keys(errors));
      // The next request sees the class's fields, unchanged.
      expect(await errorsOf(r, "profile.validate", plain)).toEqual({});
      expect(await errorsOf(r, "profile.validate", { ...plain, level: "z" })).toHaveProperty(
        "level",
      );
    }
    expect(seen).toEqual([[], ["level"], [], [], ["level"]]);
  });

  test("a constructor of the author's runs for every request", async () => {
    const r = registry();
    expect(await errorsOf(r, "strict.validate", { strict: true })).toHaveProperty("name");
    expect(await errorsOf(r, "strict.validate", {})).toEqual({});
  });

  test("per-instance state that is not a field is not shared", async () => {
    const r = registry();
    expect(await errorsOf(r, "counting.validate", { name: "a" })).toEqual({});
    expect(await errorsOf(r, "counting.validate", { name: "b" })).toEqual({});
  });

  test("invalid data keeps the input error envelope", async () => {
    const r = registry();
    const error = await r
      .call("order.validate", createContext(), { data: ["not", "a", "record"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).details).toEqual({
      fields: {
        data: [{ message: "Invalid input: expected record, received array", code: "invalid_type" }],
      },
      non_field: [],
    });
  });
});
