import { afterEach, expect, test } from "vitest";
import { CharField, Form, IntegerField } from "../../src/forms/index.js";
import { activateLocale, lookupMessage, registerLocale } from "../../src/forms/messages.js";

// The registry remembers each key's last lookup; every registration must make it look again,
// so a text is never one that an earlier table held.

afterEach(() => activateLocale("en"));

class AgeForm extends Form {
  name = new CharField({ maxLength: 3 });
  age = new IntegerField({ minValue: 18 });
}

/** The form's errors for data failing `required` (name) and `min_value` (age). */
async function errorsOf(data: Record<string, unknown>) {
  const form = new AgeForm({ data });
  expect(await form.isValid()).toBe(false);
  return form.errors;
}

test("a table registered after a first lookup gives its new text", () => {
  registerLocale("x-reg", { "Field.required": "first" });
  activateLocale("x-reg");
  expect(lookupMessage("Field.required")).toBe("first");
  expect(lookupMessage("Field.required")).toBe("first");
  registerLocale("x-reg", { "Field.required": "second" });
  expect(lookupMessage("Field.required")).toBe("second");
  // A table without the key: back to English, not the remembered text.
  registerLocale("x-reg", {});
  expect(lookupMessage("Field.required")).toBe("This field is required.");
});

test("another language's registration, and switching languages, are seen too", () => {
  registerLocale("x-one", { "Field.required": "one" });
  registerLocale("x-two", { "Field.required": "two" });
  activateLocale("x-one");
  expect(lookupMessage("Field.required")).toBe("one");
  activateLocale("x-two");
  expect(lookupMessage("Field.required")).toBe("two");
  expect(lookupMessage("Field.required", "x-one")).toBe("one");
  // A region tag with no table of its own reads its base language's, registered later.
  expect(lookupMessage("Field.required", "xthree-CA")).toBe("This field is required.");
  registerLocale("xthree", { "Field.required": "three" });
  expect(lookupMessage("Field.required", "xthree-CA")).toBe("three");
  registerLocale("xthree-CA", { "Field.required": "three (CA)" });
  expect(lookupMessage("Field.required", "xthree-CA")).toBe("three (CA)");
});

test("a form's failures use the table registered after its first failures", async () => {
  registerLocale("x-form", {
    "Field.required": "needed",
    "MinValueValidator.min_value": "at least %(limit_value)s",
  });
  activateLocale("x-form");
  const before = await errorsOf({ age: "3" });
  expect(before).toEqual(await errorsOf({ age: "3" }));
  expect(JSON.stringify(before)).toContain("needed");
  expect(JSON.stringify(before)).toContain("at least 18");
  registerLocale("x-form", {
    "Field.required": "missing",
    "MinValueValidator.min_value": "%(limit_value)s or more",
  });
  const after = JSON.stringify(await errorsOf({ age: "3" }));
  expect(after).toContain("missing");
  expect(after).toContain("18 or more");
  expect(after).not.toContain("needed");
});

test("the table is copied: a change to the object passed in needs a new registration", () => {
  const table: Record<string, string> = { "Field.required": "kept" };
  registerLocale("x-copy", table);
  table["Field.required"] = "changed";
  expect(lookupMessage("Field.required", "x-copy")).toBe("kept");
  registerLocale("x-copy", table);
  expect(lookupMessage("Field.required", "x-copy")).toBe("changed");
});

test("a key named __proto__ stays an own text of the table", () => {
  const table = JSON.parse('{"__proto__": "proto text"}') as Record<string, string>;
  registerLocale("x-proto", table);
  expect(lookupMessage("__proto__", "x-proto")).toBe("proto text");
});
