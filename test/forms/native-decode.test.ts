import { describe, expect, it } from "vitest";
import {
  BooleanField,
  CharField,
  decodeFormData,
  FILE_INPUT_CONTRADICTION,
  FileField,
  Form,
  FormField,
  FormSet,
  formMeta,
  IntegerField,
  MultipleChoiceField,
  NullBooleanField,
  SplitDateTimeField,
} from "../../src/index.js";

class AddressForm extends Form {
  street = new CharField();
  city = new CharField({ required: false });
}
class LineForm extends Form {
  sku = new CharField();
  qty = new IntegerField();
}
class OrderForm extends Form {
  static override meta = formMeta({ name: "order" });
  name = new CharField();
  topics = new MultipleChoiceField({
    choices: [
      ["a", "A"],
      ["b", "B"],
    ],
    required: false,
  });
  subscribe = new BooleanField({ required: false });
  address = new FormField(AddressForm);
  lines = new FormSet(LineForm, { maxNum: 5 });
  when = new SplitDateTimeField({ required: false });
  photo = new FileField({ required: false });
}

const mgmt = (total: string, initial = "0") =>
  [
    ["lines-TOTAL_FORMS", total],
    ["lines-INITIAL_FORMS", initial],
    ["lines-MIN_NUM_FORMS", "0"],
    ["lines-MAX_NUM_FORMS", "5"],
  ] as [string, string][];

describe("decodeFormData", () => {
  it("reads names the way Django's widgets do", () => {
    const photo = new File(["x"], "p.png", { type: "image/png" });
    const { data, errors } = decodeFormData(OrderForm, [
      ["name", "first"],
      ["name", "Ada"],
      ["topics", "a"],
      ["topics", "b"],
      ["address-street", "Main St"],
      ...mgmt("2"),
      ["lines-0-sku", "X1"],
      ["lines-0-qty", "2"],
      ["lines-1-sku", ""],
      ["lines-1-qty", ""],
      ["when_0", "2024-01-02"],
      ["when_1", "10:30"],
      ["photo", photo],
    ]);
    expect(errors).toEqual({});
    expect(data).toEqual({
      name: "Ada",
      topics: ["a", "b"],
      subscribe: false,
      address: { street: "Main St" },
      lines: [{ sku: "X1", qty: "2" }],
      when: ["2024-01-02", "10:30"],
      photo,
    });
  });

  it("reports a missing ManagementForm and caps TOTAL_FORMS at absolute_max", () => {
    const missing = decodeFormData(OrderForm, [["lines-TOTAL_FORMS", "x"]]);
    expect(missing.errors.lines?.[0]?.code).toBe("missing_management_form");
    expect(missing.errors.lines?.[0]?.message).toContain("lines-TOTAL_FORMS, lines-INITIAL_FORMS");
    const huge = decodeFormData(OrderForm, mgmt("1000000000"));
    expect(huge.errors.lines?.[0]?.code).toBe("too_many_forms");
    expect(huge.data.lines).toBeUndefined();
  });

  it("never reads undeclared names", () => {
    const { data } = decodeFormData(OrderForm, [
      ["__proto__", "x"],
      ["constructor", "y"],
      ["address-__proto__-polluted", "1"],
    ]);
    // A required nested form is sent (empty: it reports "required"); nothing else was read.
    expect(data).toEqual({ topics: [], subscribe: false, address: {}, when: [null, null] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("decodeFormData with prefixes and special widgets", () => {
  class Inner extends Form {
    street = new CharField();
  }
  class Row extends Form {
    sku = new CharField();
  }
  class Outer extends Form {
    static override meta = formMeta({ name: "outer", prefix: "p" });
    address = new FormField(Inner);
    lines = new FormSet(Row);
    attending = new NullBooleanField();
    avatar = new FileField({ required: false });
  }

  it("composes prefixes as Django does: p-address-street, p-lines-0-sku", () => {
    const { data, errors } = decodeFormData(Outer, [
      ["p-address-street", "Main"],
      ["p-lines-TOTAL_FORMS", "2"],
      ["p-lines-INITIAL_FORMS", "0"],
      ["p-lines-0-sku", "A"],
      ["p-lines-1-sku", "B"],
      ["p-attending", "3"],
      ["p-avatar-clear", "on"],
    ]);
    expect(errors).toEqual({});
    expect(data).toEqual({
      "p-address": { street: "Main" },
      "p-lines": [{ sku: "A" }, { sku: "B" }],
      "p-attending": false,
      "p-avatar": false,
    });
  });

  it("keeps blank rows before a filled one and INITIAL_FORMS rows; drops trailing blank extras", () => {
    const rows = (pairs: Array<[string, string]>) =>
      decodeFormData(Outer, [["p-address-street", "x"], ...pairs]).data["p-lines"];
    const mgmt = (total: string, initial: string): Array<[string, string]> => [
      ["p-lines-TOTAL_FORMS", total],
      ["p-lines-INITIAL_FORMS", initial],
    ];
    expect(rows([...mgmt("3", "0"), ["p-lines-1-sku", "B"], ["p-lines-2-sku", ""]])).toEqual([
      {},
      { sku: "B" },
    ]);
    expect(rows(mgmt("2", "2"))).toEqual([{}, {}]);
    expect(rows(mgmt("1500", "0"))).toEqual([]);
  });

  it("reports an upload and a ticked clear box together as a contradiction", () => {
    const file = new File(["x"], "a.png");
    const { data } = decodeFormData(Outer, [
      ["p-avatar", file],
      ["p-avatar-clear", "on"],
    ]);
    expect(data["p-avatar"]).toBe(FILE_INPUT_CONTRADICTION);
  });
});
