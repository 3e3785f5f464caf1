import { describe, expect, test } from "vitest";
import { createContext } from "../../src/core/context.js";
import { MizanError, type ValidationDetails } from "../../src/core/errors.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form, NON_FIELD_ERRORS } from "../../src/forms/form.js";
import { FormField } from "../../src/forms/form-field.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { FormSet } from "../../src/forms/formsets.js";
import { ValidationError } from "../../src/forms/validation-error.js";

const calls: string[] = [];

class PasswordForm extends Form<PasswordForm> {
  static override meta = formMeta({ name: "password", title: "Set password" });
  username = new CharField({ maxLength: 10 });
  password = new CharField({ minLength: 3 });
  confirm = new CharField();

  async cleanUsername(value: string) {
    calls.push("cleanUsername");
    await Promise.resolve();
    if (value === "taken") throw new ValidationError("That username is taken.", { code: "taken" });
    return value.toLowerCase();
  }

  cleanPassword(value: string) {
    calls.push("cleanPassword");
    return value;
  }

  override clean() {
    calls.push("clean");
    const { password, confirm } = this.cleanedData;
    if (password && confirm && password !== confirm) {
      this.addError("confirm", new ValidationError("Passwords differ.", { code: "mismatch" }));
    }
    if (this.cleanedData.username === "root") {
      throw new ValidationError("No root.", { code: "root" });
    }
  }

  onSubmitSuccess(_ctx: unknown, data: { username: string }) {
    return { created: data.username };
  }
}

describe("Form lifecycle", () => {
  test("hooks run in Django's order and replace cleaned values", async () => {
    calls.length = 0;
    const form = new PasswordForm({ data: { username: "Ann", password: "abc", confirm: "abc" } });
    expect(await form.isValid()).toBe(true);
    expect(calls).toEqual(["cleanUsername", "cleanPassword", "clean"]);
    expect(form.cleanedData).toEqual({ username: "ann", password: "abc", confirm: "abc" });
  });

  test("a field error skips its hook and removes the field from cleaned data", async () => {
    calls.length = 0;
    const form = new PasswordForm({
      data: { username: "x".repeat(11), password: "ab", confirm: "zz" },
    });
    expect(await form.isValid()).toBe(false);
    expect(calls).toEqual(["clean"]);
    expect(Object.keys(form.errors)).toEqual(["username", "password"]);
    expect(form.errors.username?.[0]?.code).toBe("max_length");
    expect(form.cleanedData).toEqual({ confirm: "zz" });
  });

  test("addError from clean() and non-field errors", async () => {
    const form = new PasswordForm({ data: { username: "root", password: "abc", confirm: "abd" } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.confirm).toEqual([{ code: "mismatch", message: "Passwords differ." }]);
    expect(form.errors[NON_FIELD_ERRORS]).toEqual([{ code: "root", message: "No root." }]);
    expect(form.nonFieldErrors()).toHaveLength(1);
    expect(form.hasError("confirm", "mismatch")).toBe(true);
    expect(form.errorDetails()).toEqual({
      fields: { confirm: [{ code: "mismatch", message: "Passwords differ." }] },
      non_field: [{ code: "root", message: "No root." }],
    });
  });

  test("addError rejects unknown fields and mapping errors with a field", async () => {
    const form = new PasswordForm({ data: {} });
    await form.isValid();
    expect(() => form.addError("nope", "x")).toThrow(/no field named 'nope'/);
    expect(() => form.addError("username", new ValidationError({ password: "x" }))).toThrow(
      TypeError,
    );
    form.addError(null, new ValidationError({ password: "Bad.", confirm: ["Worse."] }));
    expect(form.errors.confirm?.map((e) => e.message)).toContain("Worse.");
  });

  test("an unbound form is not valid and has no errors", async () => {
    const form = new PasswordForm();
    expect(await form.isValid()).toBe(false);
    expect(form.errors).toEqual({});
  });

  test("errors before cleaning is a clear mistake", () => {
    expect(() => new PasswordForm({ data: {} }).errors).toThrow(/isValid/);
  });

  test("partial clean runs only the named fields and no clean()", async () => {
    calls.length = 0;
    const form = new PasswordForm({ data: { username: "taken" } });
    await form.fullClean({ fields: ["username"] });
    expect(calls).toEqual(["cleanUsername"]);
    expect(form.errors).toEqual({
      username: [{ code: "taken", message: "That username is taken." }],
    });
  });

  test("disabled fields take their initial value, whatever is submitted", async () => {
    class F extends Form {
      plan = new CharField({ disabled: true, initial: "free" });
    }
    const form = new F({ data: { plan: "gold" } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({ plan: "free" });
  });

  test("prefix reads prefixed keys and reports prefixed wire names", async () => {
    class F extends Form {
      static override meta = formMeta({ name: "billing", prefix: "billing" });
      city = new CharField();
    }
    const ok = new F({ data: { "billing-city": "Oslo", city: "ignored" } });
    expect(await ok.isValid()).toBe(true);
    expect(ok.cleanedData).toEqual({ city: "Oslo" });
    const bad = new F({ data: { city: "Oslo" } });
    expect(await bad.isValid()).toBe(false);
    expect(Object.keys(bad.errorDetails().fields)).toEqual(["billing-city"]);
  });

  test("a field named like a Form member is refused clearly", () => {
    class Bad extends Form {
      // @ts-expect-error the type checker refuses it too
      override errors = new CharField();
    }
    // Whether class fields are defined or assigned, the message names the clash.
    expect(() => new Bad().fields).toThrow(/clashes with Form.errors/);
  });
});

class AddressForm extends Form {
  city = new CharField();
  zip = new CharField({ maxLength: 5 });
}
class LineForm extends Form {
  product = new CharField();
  qty = new CharField({ maxLength: 2 });
}
class OrderForm extends Form {
  static override meta = formMeta({ name: "order" });
  shipping = new FormField(AddressForm);
  items = new FormSet(LineForm, { minNum: 1, maxNum: 2 });
}

describe("nested forms and formsets", () => {
  test("clean to nested data", async () => {
    const form = new OrderForm({
      data: { shipping: { city: "Oslo", zip: "0150" }, items: [{ product: "tea", qty: "2" }] },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({
      shipping: { city: "Oslo", zip: "0150" },
      items: [{ product: "tea", qty: "2" }],
    });
  });

  test("errors land at dotted paths", async () => {
    const form = new OrderForm({
      data: { shipping: { city: "", zip: "123456" }, items: [{ product: "tea", qty: "123" }] },
    });
    expect(await form.isValid()).toBe(false);
    const fields = form.errorDetails().fields;
    expect(Object.keys(fields).sort()).toEqual(["items.0.qty", "shipping.city", "shipping.zip"]);
  });

  test("formset counts use Django's messages", async () => {
    const few = new OrderForm({ data: { shipping: { city: "a", zip: "1" }, items: [] } });
    await few.isValid();
    expect(few.errorDetails().fields.items).toEqual([
      { code: "too_few_forms", message: "Please submit at least 1 form." },
    ]);
    const many = new OrderForm({
      data: {
        shipping: { city: "a", zip: "1" },
        items: [
          { product: "a", qty: "1" },
          { product: "b", qty: "1" },
          { product: "c", qty: "1" },
        ],
      },
    });
    await many.isValid();
    expect(many.errorDetails().fields.items).toEqual([
      { code: "too_many_forms", message: "Please submit at most 2 forms." },
    ]);
  });

  test("wrong shapes are refused, not crashed on", async () => {
    const form = new OrderForm({ data: { shipping: "Oslo", items: "tea" } });
    expect(await form.isValid()).toBe(false);
    expect(form.errorDetails().fields.shipping?.[0]?.code).toBe("invalid");
    expect(form.errorDetails().fields.items?.[0]?.code).toBe("invalid");
  });
});

describe("the three functions", () => {
  const registry = new Registry();
  registry.register(PasswordForm);
  registry.register(OrderForm);
  const ctx = () => createContext();

  test("registering creates schema, validate and submit", () => {
    expect(registry.names()).toEqual([
      "order.schema",
      "order.submit",
      "order.validate",
      "password.schema",
      "password.submit",
      "password.validate",
    ]);
    expect(() => registry.register(PasswordForm)).toThrow(/already registered/);
  });

  test("schema describes fields in order with a stable version", async () => {
    const schema = (await registry.call("password.schema", ctx(), {})) as Record<string, unknown>;
    expect(schema.name).toBe("password");
    expect(schema.title).toBe("Set password");
    expect(schema.field_order).toEqual(["username", "password", "confirm"]);
    expect(typeof schema.version).toBe("string");
    const again = (await registry.call("password.schema", ctx(), {})) as Record<string, unknown>;
    expect(again.version).toBe(schema.version);
    expect(registry.manifest().forms.password).toMatchObject({ version: schema.version });
  });

  test("validate one field runs its server hook", async () => {
    const result = await registry.call("password.validate", ctx(), {
      data: { username: "taken" },
      fields: ["username"],
    });
    expect(result).toEqual({
      valid: false,
      errors: {
        fields: { username: [{ code: "taken", message: "That username is taken." }] },
        non_field: [],
      },
      stale: false,
    });
  });

  test("validate reports a stale client version", async () => {
    const result = (await registry.call("password.validate", ctx(), {
      data: {},
      version: "old",
    })) as { stale: boolean };
    expect(result.stale).toBe(true);
  });

  test("submit: 422 with details, then success exactly once", async () => {
    await expect(registry.call("password.submit", ctx(), { data: {} })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: { username: [{ code: "required" }] } },
    });
    const result = await registry.call("password.submit", ctx(), {
      data: { username: "Bob", password: "abc", confirm: "abc", extra: "ignored" },
    });
    expect(result).toEqual({ created: "bob" });
  });

  test("a ValidationError from onSubmitSuccess is a 422; other throws are not swallowed", async () => {
    class Flaky extends Form {
      static override meta = formMeta({ name: "flaky" });
      mode = new CharField();
      onSubmitSuccess(_ctx: unknown, data: { mode: string }) {
        if (data.mode === "invalid") throw new ValidationError("Out of stock.", { code: "stock" });
        throw new Error("database down");
      }
    }
    const r = new Registry();
    r.register(Flaky);
    const err = (await r
      .call("flaky.submit", ctx(), { data: { mode: "invalid" } })
      .catch((e: unknown) => e)) as MizanError;
    expect(err).toBeInstanceOf(MizanError);
    expect(err.status).toBe(422);
    expect((err.details as ValidationDetails).non_field).toEqual([
      { code: "stock", message: "Out of stock." },
    ]);
    await expect(r.call("flaky.submit", ctx(), { data: { mode: "x" } })).rejects.toThrow(
      "database down",
    );
  });

  test("form-level auth applies to all three functions", async () => {
    class Private extends Form {
      static override meta = formMeta({ name: "private", auth: true });
      note = new CharField();
    }
    const r = new Registry();
    r.register(Private);
    for (const fn of ["private.schema", "private.validate", "private.submit"]) {
      await expect(r.call(fn, ctx(), { data: {} })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    const signedIn = createContext({ user: { id: 1 } });
    await expect(r.call("private.validate", signedIn, { data: {} })).resolves.toMatchObject({
      valid: false,
    });
  });

  test("per-request initial values resolve in schema and feed disabled fields", async () => {
    class Per extends Form {
      static override meta = formMeta({
        name: "per",
        initial: (c) => ({ owner: String(c.user?.id ?? "anon") }),
      });
      owner = new CharField({ disabled: true });
      note = new CharField({ initial: () => "hello" });
    }
    const r = new Registry();
    r.register(Per);
    const c = createContext({ user: { id: 7 } });
    const schema = (await r.call("per.schema", c, {})) as {
      fields: Record<string, { initial: unknown }>;
    };
    expect(schema.fields.owner?.initial).toBe("7");
    expect(schema.fields.note?.initial).toBe("hello");
    const result = await r.call("per.validate", c, { data: { owner: "intruder", note: "x" } });
    expect(result).toMatchObject({ valid: true });
  });
});
