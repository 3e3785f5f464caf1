import { describe, expect, test } from "vitest";
import { CharField, ChoiceField, IntegerField } from "../../src/forms/index.js";
import { MaxLengthValidator } from "../../src/forms/validators/length.js";

// x-mizan-message-keys / RuleSpec.key: what a browser needs to show another language's text.
// A message the form's author gave stays literal in every language (Django's behaviour), so
// it carries no key.
describe("message keys in the JSON Schema", () => {
  test("default messages carry their locale keys", () => {
    const node = new IntegerField({ maxValue: 5 }).jsonSchema();
    expect(node["x-mizan-message-keys"]).toEqual({
      required: "Field.required",
      invalid: "IntegerField.invalid",
    });
    expect(node["x-mizan-rules"]).toMatchObject([{ key: "MaxValueValidator.max_value" }]);
  });

  test("errorMessages overrides drop the key, for the field's codes and its validators'", () => {
    const node = new IntegerField({
      maxValue: 5,
      errorMessages: { required: "Needed.", max_value: "Too big." },
    }).jsonSchema();
    expect(node["x-mizan-message-keys"]).toEqual({ invalid: "IntegerField.invalid" });
    const [rule] = node["x-mizan-rules"] as Array<Record<string, unknown>>;
    expect(rule).toMatchObject({ code: "max_value", message: "Too big." });
    expect(rule).not.toHaveProperty("key");
  });

  test("a validator given its own message has no key", () => {
    const node = new CharField({
      validators: [new MaxLengthValidator(3, "Short, please.")],
    }).jsonSchema();
    const rules = node["x-mizan-rules"] as Array<Record<string, unknown>>;
    const own = rules.find((r) => r.message === "Short, please.");
    expect(own).toBeDefined();
    expect(own).not.toHaveProperty("key");
    expect(rules.find((r) => r.code === "null_characters_not_allowed")).toHaveProperty(
      "key",
      "ProhibitNullCharactersValidator.null_characters_not_allowed",
    );
  });

  test("a check from validate() takes the field's key for its code, unless overridden", () => {
    const choices: Array<[string, string]> = [["a", "A"]];
    const plain = new ChoiceField({ choices }).jsonSchema();
    expect(plain["x-mizan-validate"]).toMatchObject([
      { code: "invalid_choice", key: "ChoiceField.invalid_choice" },
    ]);
    const own = new ChoiceField({ choices, errorMessages: { invalid_choice: "No." } }).jsonSchema();
    const [spec] = own["x-mizan-validate"] as Array<Record<string, unknown>>;
    expect(spec).toMatchObject({ code: "invalid_choice", message: "No." });
    expect(spec).not.toHaveProperty("key");
    expect(own["x-mizan-message-keys"]).toEqual({ required: "Field.required" });
  });
});
