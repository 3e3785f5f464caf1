import { describe, expect, test } from "vitest";
import {
  CharField,
  createContext,
  Form,
  formMeta,
  IntegerField,
  NON_FIELD_ERRORS,
  Registry,
  ValidationError,
} from "../../src/index.js";

// errorDetails when a form class fails with the same fields again (the wire's `fields` then
// comes from a function made for those names): the same details, order and objects as the
// first time, whatever the class failed with in between.

class WireForm extends Form<WireForm> {
  static override meta = formMeta({ name: "wire" });
  name = new CharField({ minLength: 3 });
  age = new IntegerField({ minValue: 13 });
  bio = new CharField({ maxLength: 4 });
  note = new CharField({ required: false });
  override clean() {
    if (this.cleanedData.note === "whole") throw new ValidationError("Whole.", { code: "whole" });
    if (this.cleanedData.note === "late") this.addError("name", "Late.");
  }
}

const bad = { name: "x", age: 7, bio: "too long" };
const expected = {
  fields: {
    name: [
      { message: "Ensure this value has at least 3 characters (it has 1).", code: "min_length" },
    ],
    age: [{ message: "Ensure this value is greater than or equal to 13.", code: "min_value" }],
    bio: [
      { message: "Ensure this value has at most 4 characters (it has 8).", code: "max_length" },
    ],
  },
  non_field: [],
};

async function details(data: Record<string, unknown>, prefix?: string) {
  const form = new WireForm(prefix === undefined ? { data } : { data, prefix });
  await form.fullClean(); // form.errors not read: errorDetails reads the pending lists
  return form.errorDetails();
}

describe("errorDetails of a class failing with the same fields again", () => {
  test("the same details, in order, each time (and fresh objects)", async () => {
    const seen = [];
    const original = globalThis.Function;
    let made = 0; // functions made from source that builds the fields object
    function counting(...args: string[]) {
      if (String(args.at(-1)).includes('"name": w(l[0])')) made++;
      return original(...args);
    }
    counting.prototype = original.prototype;
    globalThis.Function = counting as unknown as FunctionConstructor;
    try {
      for (let i = 0; i < 5; i++) seen.push(await details(bad));
    } finally {
      globalThis.Function = original;
    }
    expect(made).toBe(1);
    for (const got of seen) {
      expect(got).toEqual(expected);
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
      expect(Object.getPrototypeOf(got.fields)).toBe(Object.prototype);
    }
    expect(seen[3]).not.toBe(seen[4]);
    expect(seen[3]?.fields).not.toBe(seen[4]?.fields);
    expect(seen[3]?.fields.name).not.toBe(seen[4]?.fields.name);
    (seen[3]?.fields as Record<string, unknown>).extra = 1;
    expect(Object.keys(seen[4]?.fields ?? {})).toEqual(["name", "age", "bio"]);
  });

  test("other sets of names in between, several items, a prefix, non-field errors", async () => {
    const runs: Array<[Record<string, unknown>, string | undefined, string]> = [
      [bad, undefined, JSON.stringify(expected)],
      [{ name: "x", age: 20, bio: "ok" }, undefined, ""],
      [{ name: "abc", age: 7, bio: "long one" }, undefined, ""],
      [{ ...bad, note: "late" }, undefined, ""],
      [{ ...bad, note: "whole" }, undefined, ""],
      [bad, "p", ""],
    ];
    const first = new Map<number, string>();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < runs.length; i++) {
        const [data, prefix, known] = runs[i] as [
          Record<string, unknown>,
          string | undefined,
          string,
        ];
        const got = JSON.stringify(await details(data, prefix));
        if (known) expect(got).toBe(known);
        if (!first.has(i)) first.set(i, got);
        expect(got).toBe(first.get(i));
      }
    }
    const late = JSON.parse(first.get(3) as string);
    expect(late.fields.name.map((e: { code: string }) => e.code)).toEqual([
      "min_length",
      "invalid",
    ]);
    const whole = JSON.parse(first.get(4) as string);
    expect(Object.keys(whole.fields)).toEqual(["name", "age", "bio"]);
    expect(whole.non_field).toEqual([{ message: "Whole.", code: "whole" }]);
    expect(Object.keys(JSON.parse(first.get(5) as string).fields)).toEqual([
      "p-name",
      "p-age",
      "p-bio",
    ]);
  });

  test("a form whose errors were read, and registry calls, agree", async () => {
    const read = new WireForm({ data: bad });
    expect(await read.isValid()).toBe(false);
    expect(read.errors[NON_FIELD_ERRORS]).toBeUndefined();
    const registry = new Registry();
    registry.register(WireForm);
    for (let i = 0; i < 4; i++) {
      const ctx = createContext({ request: new Request("http://localhost/") });
      const answer = (await registry.call("wire.validate", ctx, { data: bad })) as {
        errors: unknown;
      };
      expect(JSON.stringify(answer.errors)).toBe(JSON.stringify(read.errorDetails()));
    }
  });
});
