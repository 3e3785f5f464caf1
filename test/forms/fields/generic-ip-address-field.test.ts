import { describe, expect, expectTypeOf, test } from "vitest";
import { GenericIPAddressField } from "../../../src/forms/fields/generic-ip-address-field.js";

import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: GenericIPAddressField, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const err = (message: string, code = "invalid") => ({ errors: [{ code, message }] });
const REQUIRED = err("This field is required.", "required");
const BOTH = err("Enter a valid IPv4 or IPv6 address.");
const V4 = err("Enter a valid IPv4 address.");
const V6 = err("Enter a valid IPv6 address.");
const NOT_V6 = err("This is not a valid IPv6 address.");

// Django 6's tests/forms_tests/field_tests/test_genericipaddressfield.py.
describe("GenericIPAddressField", () => {
  test("test_generic_ipaddress_invalid_arguments", () => {
    // @ts-expect-error: not a protocol.
    expect(() => new GenericIPAddressField({ protocol: "hamster" })).toThrow();
    expect(() => new GenericIPAddressField({ protocol: "ipv4", unpackIpv4: true })).toThrow();
  });

  const IPV6_ERRORS: Array<[string, Outcome]> = [
    [" fe80::223:6cff:fe8a:2e8a ", { value: "fe80::223:6cff:fe8a:2e8a" }],
    [" 2a02::223:6cff:fe8a:2e8a ", { value: "2a02::223:6cff:fe8a:2e8a" }],
    ["12345:2:3:4", NOT_V6],
    ["1::2:3::4", NOT_V6],
    ["foo::223:6cff:fe8a:2e8a", NOT_V6],
    ["1::2:3:4:5:6:7:8", NOT_V6],
    ["1:2", NOT_V6],
  ];

  test.each<[unknown, Outcome]>([
    ["", REQUIRED],
    [null, REQUIRED],
    [" 127.0.0.1 ", { value: "127.0.0.1" }],
    ["foo", BOTH],
    ["127.0.0.", BOTH],
    ["1.2.3.4.5", BOTH],
    ["256.125.1.5", BOTH],
    ...IPV6_ERRORS,
  ])("test_generic_ipaddress_as_generic: %j", (input, expected) => {
    expect(check(new GenericIPAddressField(), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    ["", REQUIRED],
    [null, REQUIRED],
    [" 127.0.0.1 ", { value: "127.0.0.1" }],
    ["foo", V4],
    ["127.0.0.", V4],
    ["1.2.3.4.5", V4],
    ["256.125.1.5", V4],
    ["fe80::223:6cff:fe8a:2e8a", V4],
    ["2a02::223:6cff:fe8a:2e8a", V4],
  ])("test_generic_ipaddress_as_ipv4_only: %j", (input, expected) => {
    expect(check(new GenericIPAddressField({ protocol: "IPv4" }), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    ["", REQUIRED],
    [null, REQUIRED],
    ["127.0.0.1", V6],
    ["foo", V6],
    ["127.0.0.", V6],
    ["1.2.3.4.5", V6],
    ["256.125.1.5", V6],
    ...IPV6_ERRORS,
  ])("test_generic_ipaddress_as_ipv6_only: %j", (input, expected) => {
    expect(check(new GenericIPAddressField({ protocol: "IPv6" }), input)).toEqual(expected);
  });

  test.each<[unknown, Outcome]>([
    ["", { value: "" }],
    [null, { value: "" }],
    ["127.0.0.1", { value: "127.0.0.1" }],
    ["foo", BOTH],
    ["127.0.0.", BOTH],
    ["1.2.3.4.5", BOTH],
    ["256.125.1.5", BOTH],
    ...IPV6_ERRORS,
  ])("test_generic_ipaddress_as_generic_not_required: %j", (input, expected) => {
    expect(check(new GenericIPAddressField({ required: false }), input)).toEqual(expected);
  });

  test.each([
    [" ::ffff:0a0a:0a0a  ", "::ffff:10.10.10.10"],
    [" ::ffff:10.10.10.10  ", "::ffff:10.10.10.10"],
    [" 2001:000:a:0000:0:fe:fe:beef  ", "2001:0:a::fe:fe:beef"],
    [" 2001::a:0000:0:fe:fe:beef  ", "2001:0:a::fe:fe:beef"],
  ])("test_generic_ipaddress_normalization: %j cleans to %j", (input, expected) => {
    expect(check(new GenericIPAddressField(), input)).toEqual({ value: expected });
  });

  test("test_generic_ipaddress_normalization: unpack_ipv4", () => {
    const f = new GenericIPAddressField({ unpackIpv4: true });
    expect(check(f, " ::ffff:0a0a:0a0a")).toEqual({ value: "10.10.10.10" });
  });

  const MAPPED = "0000:0000:0000:0000:0000:ffff:192.168.100.228"; // 45 characters

  test("test_generic_ipaddress_max_length_custom", () => {
    const f = new GenericIPAddressField({ maxLength: MAPPED.length });
    expect(check(f, MAPPED)).toEqual({ value: "::ffff:192.168.100.228" });
  });

  test.each<[number | undefined, number]>([
    [undefined, 39],
    [MAPPED.length - 1, MAPPED.length - 1],
  ])("test_generic_ipaddress_max_length_validation_error (maxLength %j)", (maxLength, limit) => {
    const f = new GenericIPAddressField(maxLength === undefined ? {} : { maxLength });
    expect(check(f, "x".repeat(limit + 1))).toEqual({
      errors: [
        BOTH.errors[0],
        {
          code: "max_length",
          message: `Ensure this value has at most ${limit} characters (it has ${limit + 1}).`,
        },
      ],
    });
    expect(check(f, MAPPED)).toEqual(NOT_V6);
  });

  test("errorMessages.invalid overrides every invalid message, on both sides", () => {
    const f = new GenericIPAddressField({
      errorMessages: { invalid: "Not an address (%(protocol)s)." },
    });
    expect(check(f, "foo")).toEqual(err("Not an address (IPv4 or IPv6)."));
    expect(check(f, "1:2")).toEqual(err("Not an address (IPv6)."));
  });

  test("jsonSchema and describe", () => {
    const f = new GenericIPAddressField({ protocol: "IPv6" });
    f.name = "ip";
    expect(f.jsonSchema()).toMatchObject({
      type: "string",
      maxLength: 39,
      errorMessage: { invalid: "This is not a valid IPv6 address." },
      "x-mizan-field": "GenericIPAddressField",
      "x-mizan-empty": "",
      "x-mizan-coerce": { kind: "ip", params: { unpack_ipv4: false, max_length: 39 } },
      "x-mizan-rules": [
        {
          rule: "ipv6",
          code: "invalid",
          message: "Enter a valid IPv6 address.",
          params: { protocol: "IPv6" },
        },
        { rule: "max_length" },
        { rule: "null_characters" },
      ],
    });
    expect(f.describe()).toMatchObject({
      type: "GenericIPAddressField",
      protocol: "IPv6",
      unpack_ipv4: false,
      max_length: 39,
    });
    expectTypeOf(f.clean).returns.toEqualTypeOf<string>();
  });
});
