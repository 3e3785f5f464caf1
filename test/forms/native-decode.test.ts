import { describe, expect, it } from "vitest";
import {
  BooleanField,
  CharField,
  decodeFormData,
  FileField,
  Form,
  FormField,
  FormSet,
  formMeta,
  IntegerField,
  MultipleChoiceField,
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
