import { describe, expect, test } from "vitest";
import { activateLocale } from "../../../src/forms/messages.js";
import {
  cleanIpv6Address,
  formatIpv6,
  isValidIpv6,
  parseIpv6,
} from "../../../src/forms/rules/ip.js";
import type { ValidationError } from "../../../src/forms/validation-error.js";
import {
  ipAddressValidators,
  validateIpv4Address,
  validateIpv6Address,
  validateIpv46Address,
} from "../../../src/forms/validators/ip.js";
import type { ValidatorObject } from "../../../src/forms/validators/validator.js";
import { passes } from "../../helpers/validator-passes.js";

activateLocale("en");

// Django's tests/validators/tests.py TEST_DATA (Django 6).
describe("validate_ipv4_address", () => {
  test.each(["1.1.1.1", "255.0.0.0", "0.0.0.0"])("%j is valid", (v) => {
    expect(passes(validateIpv4Address, v)).toBe(true);
  });
  test.each([
    "256.1.1.1",
    "25.1.1.",
    "25,1,1,1",
    "25.1 .1.1",
    "1.1.1.1\n",
    "٧.2٥.3٣.243",
    "000.000.000.000",
    "016.016.016.016",
    "192.168.000.001",
    "01.2.3.4",
    "1.02.3.4",
    "1.2.03.4",
    "1.2.3.04",
  ])("%j is invalid", (v) => {
    expect(passes(validateIpv4Address, v)).toBe(false);
  });
});

describe("validate_ipv6_address", () => {
  test.each(["fe80::1", "::1", "1:2:3:4:5:6:7:8"])("%j is valid", (v) => {
    expect(passes(validateIpv6Address, v)).toBe(true);
  });
  test.each([33.1, 9.22, "1:2", "::zzz", "12345::"])("%j is invalid", (v) => {
    expect(passes(validateIpv6Address, v)).toBe(false);
  });
});

describe("validate_ipv46_address", () => {
  test.each(["1.1.1.1", "255.0.0.0", "0.0.0.0", "fe80::1", "::1", "1:2:3:4:5:6:7:8"])(
    "%j is valid",
    (v) => {
      expect(passes(validateIpv46Address, v)).toBe(true);
    },
  );
  test.each([
    33.1,
    9.22,
    "256.1.1.1",
    "25.1.1.",
    "25,1,1,1",
    "25.1 .1.1",
    "1:2",
    "::zzz",
    "12345::",
    "000.000.000.000",
    "016.016.016.016",
    "192.168.000.001",
    "01.2.3.4",
    "1.02.3.4",
    "1.2.03.4",
    "1.2.3.04",
  ])("%j is invalid", (v) => {
    expect(passes(validateIpv46Address, v)).toBe(false);
  });
});

test("messages name the protocol (Django 6's 'Enter a valid %(protocol)s address.')", () => {
  const messageOf = (v: ValidatorObject) => {
    try {
      v.validate("nope");
    } catch (e) {
      return (e as ValidationError).errors[0];
    }
  };
  expect(messageOf(validateIpv4Address)).toMatchObject({
    code: "invalid",
    message: "Enter a valid IPv4 address.",
  });
  expect(messageOf(validateIpv6Address)?.message).toBe("Enter a valid IPv6 address.");
  expect(messageOf(validateIpv46Address)?.message).toBe("Enter a valid IPv4 or IPv6 address.");
  expect(validateIpv46Address.toRule?.()).toEqual({
    rule: "ipv46",
    code: "invalid",
    message: "Enter a valid IPv4 or IPv6 address.",
    key: "validate_ipv46_address.invalid",
    params: { protocol: "IPv4 or IPv6" },
    paramKeys: { protocol: "validate_ipv46_address.protocol" },
  });
});

test("ip_address_validators (Django's argument checks)", () => {
  expect(ipAddressValidators("both", true)).toEqual([validateIpv46Address]);
  expect(ipAddressValidators("IPv4", false)).toEqual([validateIpv4Address]);
  expect(ipAddressValidators("ipv6", false)).toEqual([validateIpv6Address]);
  expect(() => ipAddressValidators("hamster", false)).toThrow("The protocol 'hamster' is unknown");
  expect(() => ipAddressValidators("ipv4", true)).toThrow("You can only use `unpack_ipv4`");
  expect(() => ipAddressValidators("Both", true)).toThrow("You can only use `unpack_ipv4`");
});

// Django's tests/utils_tests/test_ipv6.py.
describe("django.utils.ipv6", () => {
  test.each([
    "fe80::223:6cff:fe8a:2e8a",
    "2a02::223:6cff:fe8a:2e8a",
    "1::2:3:4:5:6:7",
    "::",
    "::a",
    "2::",
    "::ffff:254.42.16.14",
    "::ffff:0a0a:0a0a",
    "::254.42.16.14",
    "::0a0a:0a0a",
    "fe80::1%eth0",
  ])("is_valid_ipv6_address(%j)", (v) => {
    expect(isValidIpv6(v)).toBe(true);
  });

  test.each([
    "foo",
    "127.0.0.1",
    "12345::",
    "1::2:3::4",
    "1::zzz",
    "1::2:3:4:5:6:7:8",
    "1:2",
    "1:::2",
    "fe80::223: 6cff:fe8a:2e8a",
    "2a02::223:6cff :fe8a:2e8a",
    "::ffff:999.42.16.14",
    "::ffff:zzzz:0a0a",
    "::999.42.16.14",
    "::zzzz:0a0a",
    "fe80::1%",
    "fe80::1%a%b",
    "0000:0000:0000:0000:0000:ffff:192.168.100.228",
    "0000:0000:0000:0000:0000:ffff:192.168.100.228%123456",
    "fe80::223:6cff:fe8a:2e8a:1234:5678:00000",
  ])("not is_valid_ipv6_address(%j)", (v) => {
    expect(isValidIpv6(v)).toBe(false);
  });

  test.each([
    ["DEAD::0:BEEF", false, "dead::beef"],
    ["2001:000:a:0000:0:fe:fe:beef", false, "2001:0:a::fe:fe:beef"],
    ["2001::a:0000:0:fe:fe:beef", false, "2001:0:a::fe:fe:beef"],
    ["::ffff:0a0a:0a0a", false, "::ffff:10.10.10.10"],
    ["::ffff:1234:1234", false, "::ffff:18.52.18.52"],
    ["::ffff:18.52.18.52", false, "::ffff:18.52.18.52"],
    ["::ffff:0.52.18.52", false, "::ffff:0.52.18.52"],
    ["::ffff:0.0.0.0", false, "::ffff:0.0.0.0"],
    ["::ffff:0a0a:0a0a", true, "10.10.10.10"],
    ["::ffff:1234:1234", true, "18.52.18.52"],
    ["::ffff:18.52.18.52", true, "18.52.18.52"],
    ["fe80::1%eth0", false, "fe80::1"],
    ["1:0:0:1:0:0:0:1", false, "1:0:0:1::1"],
    ["1:0:0:1:0:0:1:1", false, "1::1:0:0:1:1"],
    ["0:0:0:0:0:0:0:0", false, "::"],
  ])("clean_ipv6_address(%j, unpack=%j) is %j", (input, unpack, expected) => {
    expect(cleanIpv6Address(input, unpack)).toBe(expected);
  });

  test("an address longer than max_length is refused before it is parsed", () => {
    const addr = "0000:0000:0000:0000:0000:ffff:192.168.100.228";
    expect(cleanIpv6Address(addr)).toBeNull();
    expect(cleanIpv6Address(addr, false, addr.length)).toBe("::ffff:192.168.100.228");
  });

  test("parse and format round-trip", () => {
    expect(formatIpv6(parseIpv6("2001:db8::ff00:42:8329") as bigint)).toBe(
      "2001:db8::ff00:42:8329",
    );
    expect(parseIpv6("::1")).toBe(1n);
    expect(parseIpv6("1::")).toBe(1n << 112n);
  });
});
