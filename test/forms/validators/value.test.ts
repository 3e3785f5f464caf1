import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import type { ValidatorObject } from "../../../src/forms/validators/validator.js";
import {
  MaxValueValidator,
  MinValueValidator,
  StepValueValidator,
} from "../../../src/forms/validators/value.js";

function check(v: ValidatorObject, value: unknown): null | { code: string; message: string } {
  try {
    v.validate(value);
    return null;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const [item] = e.errors;
    return { code: item?.code ?? "", message: item?.message ?? "" };
  }
}

// Python's Decimal(float): the exact binary value, as Django's tests construct it.
const D = {
  "0.02": "0.0200000000000000004163336342344337026588618755340576171875",
  "0.88": "0.88000000000000000444089209850062616169452667236328125",
  "0.77": "0.770000000000000017763568394002504646778106689453125",
  "0.01": "0.01000000000000000020816681711721685132943093776702880859375",
};

// Django's tests/validators/tests.py TEST_DATA (datetime cases belong to the temporal fields).
describe("TEST_DATA", () => {
  test.each<[string, ValidatorObject, unknown, boolean]>([
    ["MaxValueValidator(10), 10", new MaxValueValidator(10), 10, true],
    ["MaxValueValidator(10), -10", new MaxValueValidator(10), -10, true],
    ["MaxValueValidator(10), 0", new MaxValueValidator(10), 0, true],
    ["MaxValueValidator(0), 1", new MaxValueValidator(0), 1, false],
    ["MinValueValidator(-10), -10", new MinValueValidator(-10), -10, true],
    ["MinValueValidator(-10), 10", new MinValueValidator(-10), 10, true],
    ["MinValueValidator(-10), 0", new MinValueValidator(-10), 0, true],
    ["MinValueValidator(0), -1", new MinValueValidator(0), -1, false],
    ["MinValueValidator(lambda: 1), 0", new MinValueValidator(() => 1), 0, false],
    ["MinValueValidator(lambda: 1), 1", new MinValueValidator(() => 1), 1, true],
    ["StepValueValidator(3), 0", new StepValueValidator(3), 0, true],
    ["StepValueValidator(3), 1", new StepValueValidator(3), 1, false],
    ["StepValueValidator(3), 8", new StepValueValidator(3), 8, false],
    ["StepValueValidator(3), 9", new StepValueValidator(3), 9, true],
    ["StepValueValidator(2), 4", new StepValueValidator(2), 4, true],
    ["StepValueValidator(2, offset=1), 3", new StepValueValidator(2, { offset: 1 }), 3, true],
    ["StepValueValidator(2, offset=1), 4", new StepValueValidator(2, { offset: 1 }), 4, false],
    ["StepValueValidator(0.001), 0.55", new StepValueValidator(0.001), 0.55, true],
    ["StepValueValidator(0.001), 0.5555", new StepValueValidator(0.001), 0.5555, false],
    [
      "StepValueValidator(0.001, offset=0.0005), 0.5555",
      new StepValueValidator(0.001, { offset: 0.0005 }),
      0.5555,
      true,
    ],
    [
      "StepValueValidator(0.001, offset=0.0005), 0.555",
      new StepValueValidator(0.001, { offset: 0.0005 }),
      0.555,
      false,
    ],
    ["StepValueValidator(Decimal(0.02)), 0.88", new StepValueValidator(D["0.02"]), 0.88, true],
    [
      "StepValueValidator(Decimal(0.02)), Decimal(0.88)",
      new StepValueValidator(D["0.02"]),
      D["0.88"],
      true,
    ],
    [
      "StepValueValidator(Decimal(0.02)), Decimal(0.77)",
      new StepValueValidator(D["0.02"]),
      D["0.77"],
      false,
    ],
    [
      "StepValueValidator(Decimal(0.02), offset=Decimal(0.01)), Decimal(0.77)",
      new StepValueValidator(D["0.02"], { offset: D["0.01"] }),
      D["0.77"],
      true,
    ],
    [
      "StepValueValidator(Decimal(2.0), offset=Decimal(0.1)), Decimal(0.1)",
      new StepValueValidator("2", {
        offset: "0.1000000000000000055511151231257827021181583404541015625",
      }),
      "0.1000000000000000055511151231257827021181583404541015625",
      true,
    ],
    [
      "StepValueValidator(Decimal(0.02), offset=Decimal(0.01)), Decimal(0.88)",
      new StepValueValidator(D["0.02"], { offset: D["0.01"] }),
      D["0.88"],
      false,
    ],
    [
      'StepValueValidator(Decimal("1.2"), offset=Decimal("2.2")), Decimal("3.4")',
      new StepValueValidator("1.2", { offset: "2.2" }),
      "3.4",
      true,
    ],
    [
      'StepValueValidator(Decimal("1.2"), offset=Decimal("2.2")), Decimal("1.2")',
      new StepValueValidator("1.2", { offset: "2.2" }),
      "1.2",
      false,
    ],
    [
      'StepValueValidator(Decimal("-1.2"), offset=Decimal("2.2")), Decimal("1.1")',
      new StepValueValidator("-1.2", { offset: "2.2" }),
      "1.1",
      false,
    ],
    [
      'StepValueValidator(Decimal("-1.2"), offset=Decimal("2.2")), Decimal("1.0")',
      new StepValueValidator("-1.2", { offset: "2.2" }),
      "1.0",
      true,
    ],
  ])("%s", (_name, validator, value, ok) => {
    expect(check(validator, value) === null).toBe(ok);
  });
});

describe("messages, params and codes", () => {
  test("max_value and min_value", () => {
    expect(check(new MaxValueValidator(10), 11)).toEqual({
      code: "max_value",
      message: "Ensure this value is less than or equal to 10.",
    });
    expect(check(new MinValueValidator("0.5"), "0.4")).toEqual({
      code: "min_value",
      message: "Ensure this value is greater than or equal to 0.5.",
    });
    expect(check(new MaxValueValidator(3, "%(value)s > %(limit_value)s"), 4)?.message).toBe(
      "4 > 3",
    );
  });

  test("params as Django's BaseValidator gives them", () => {
    try {
      new MaxValueValidator(10).validate(12);
    } catch (e) {
      expect((e as ValidationError).errors[0]?.params).toEqual({
        limit_value: 10,
        show_value: 12,
        value: 12,
      });
    }
  });

  test("step_size, and step_size with an offset and examples", () => {
    expect(check(new StepValueValidator(3), 10)).toEqual({
      code: "step_size",
      message: "Ensure this value is a multiple of step size 3.",
    });
    expect(check(new StepValueValidator(2, { offset: 1 }), 4)?.message).toBe(
      "Ensure this value is a multiple of step size 2, starting from 1, e.g. 1, 3, 5, and so on.",
    );
    expect(check(new StepValueValidator("0.3", { offset: "-0.4" }), "1")?.message).toBe(
      "Ensure this value is a multiple of step size 0.3, starting from -0.4, e.g. -0.4, -0.1, 0.2, and so on.",
    );
  });

  test("decimal strings compare exactly, numbers as numbers", () => {
    expect(check(new MaxValueValidator("0.1"), "0.1000000000000000000001")).not.toBeNull();
    expect(check(new MaxValueValidator("0.1"), "0.1000")).toBeNull();
    expect(check(new MaxValueValidator(0.1), "0.10")).toBeNull();
    expect(check(new MinValueValidator("-1e3"), "-1000.0")).toBeNull();
    expect(check(new MinValueValidator("-1e3"), "-1000.01")).not.toBeNull();
    expect(check(new MaxValueValidator(2 ** 53), 2 ** 53 + 2)).not.toBeNull();
  });

  test("a callable limit is read at each check and each export", () => {
    let limit = 5;
    const v = new MaxValueValidator(() => limit);
    expect(check(v, 6)).not.toBeNull();
    limit = 10;
    expect(check(v, 6)).toBeNull();
    expect(v.toRule()).toEqual({
      rule: "max_value",
      code: "max_value",
      message: "Ensure this value is less than or equal to 10.",
      key: "MaxValueValidator.max_value",
      params: { limit_value: 10 },
    });
  });
});

describe("rules (what the browser runs)", () => {
  test("toRule names a shared function that gives the same verdict", () => {
    const v = new StepValueValidator(3, { offset: -1 });
    const spec = v.toRule();
    expect(spec).toEqual({
      rule: "step_size",
      code: "step_size",
      message:
        "Ensure this value is a multiple of step size 3, starting from -1, e.g. -1, %(valid_value1)s, %(valid_value2)s, and so on.",
      key: "StepValueValidator.step_size_offset",
      params: { limit_value: 3, offset: -1 },
    });
    expect(RULES.step_size?.(9, spec.params)).toEqual({
      offset: -1,
      valid_value1: 2,
      valid_value2: 5,
    });
    expect(RULES.step_size?.(8, spec.params)).toBeNull();
    expect(RULES.max_value?.(11, { limit_value: 10 })).toEqual({ show_value: 11, value: 11 });
    expect(RULES.min_value?.("0.5", { limit_value: "0.5" })).toBeNull();
  });

  test("values that cannot be compared pass (Django would raise TypeError)", () => {
    expect(RULES.max_value?.([1], { limit_value: 0 })).toBeNull();
    expect(RULES.step_size?.(null, { limit_value: 2 })).toBeNull();
  });
});
