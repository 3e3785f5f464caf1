import { describe, expect, test } from "vitest";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form, NON_FIELD_ERRORS } from "../../src/forms/form.js";
import { ValidationError } from "../../src/forms/validation-error.js";

// form.errors as user code sees it during and after cleaning, and errorDetails in its order.

describe("form.errors and errorDetails", () => {
  test("clean() reads the field errors, and later errors join the same lists", async () => {
    const seen: Record<string, unknown> = {};
    class F extends Form {
      a = new CharField({ minLength: 3 });
      b = new CharField();
      c = new CharField({ maxLength: 1 });
      override clean() {
        const before = this.errors;
        seen.keys = Object.keys(before);
        seen.aList = before.a;
        this.addError("a", new ValidationError("Again.", { code: "again" }));
        this.addError("b", "Bad b.");
        throw new ValidationError("Whole form.", { code: "whole" });
      }
    }
    const form = new F({ data: { a: "x", b: "ok", c: "long" } });
    expect(await form.isValid()).toBe(false);
    expect(seen.keys).toEqual(["a", "c"]);
    expect(form.errors.a).toBe(seen.aList);
    expect(Object.keys(form.errors)).toEqual(["a", "c", "b", NON_FIELD_ERRORS]);
    expect(form.errors.a?.map((e) => e.code)).toEqual(["min_length", "again"]);
    expect(form.cleanedData).toEqual({});
    expect(form.errorDetails()).toEqual({
      fields: {
        a: [
          {
            code: "min_length",
            message: "Ensure this value has at least 3 characters (it has 1).",
          },
          { code: "again", message: "Again." },
        ],
        c: [
          {
            code: "max_length",
            message: "Ensure this value has at most 1 character (it has 4).",
          },
        ],
        b: [{ code: "invalid", message: "Bad b." }],
      },
      non_field: [{ code: "whole", message: "Whole form." }],
    });
  });

  test("errorDetails without a read of form.errors: the same details as after one", async () => {
    class F extends Form {
      z = new CharField({ minLength: 3 });
      y = new CharField({ minLength: 3 });
      override clean() {
        this.addError("z", "More z.");
      }
    }
    const data = { z: "1", y: "2" };
    const fresh = new F({ data, prefix: "p" });
    await fresh.fullClean();
    const read = new F({ data, prefix: "p" });
    await read.fullClean();
    void read.errors;
    expect(JSON.stringify(fresh.errorDetails())).toBe(JSON.stringify(read.errorDetails()));
    expect(Object.keys(fresh.errorDetails().fields)).toEqual(["p-z", "p-y"]);
    expect(fresh.hasError("z", "invalid")).toBe(true);
  });

  test("a field named like an array index keeps the object's order on the wire", async () => {
    class F extends Form {
      a = new CharField();
      override clean() {
        this.addError("a", "Bad a.");
        this.addError("1", "Bad 1.");
      }
    }
    const form = new F({ data: { "p-a": "x", "p-1": "y" }, prefix: "p" });
    // A field of the instance's own (an index-like name cannot be declared in the class body).
    (form as unknown as Record<string, unknown>)["1"] = new CharField();
    await form.fullClean();
    const details = form.errorDetails();
    expect(Object.keys(details.fields)).toEqual(
      Object.keys(form.errors).map((name) => `p-${name}`),
    );
    expect(Object.keys(details.fields)).toEqual(["p-1", "p-a"]);
  });
});
