import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import type { ValidationError } from "../../../src/forms/validation-error.js";
import { EmailValidator, validateEmail } from "../../../src/forms/validators/email.js";
import { passes } from "../../helpers/validator-passes.js";

// Django 6's tests/validators/tests.py TEST_DATA for validate_email.
describe("validate_email", () => {
  test.each([
    "email@here.com",
    "weirder-email@here.and.there.com",
    "email@[127.0.0.1]",
    "email@[2001:dB8::1]",
    "email@[2001:dB8:0:0:0:0:0:1]",
    "email@[::fffF:127.0.0.1]",
    "example@valid-----hyphens.com",
    "example@valid-with-hyphens.com",
    "test@domain.with.idn.tld.उदाहरण.परीक्षा",
    "email@localhost",
    '"test@test"@example.com',
    `example@atm.${"a".repeat(63)}`,
    `example@${"a".repeat(63)}.atm`,
    `example@${"a".repeat(63)}.${"b".repeat(10)}.atm`,
    "email@xn--4ca9at.com",
    "email@öäü.com",
    "email@עִתוֹן.example.il",
    "email@މިހާރު.example.mv",
    "email@漢字.example.com",
    "editor@މިހާރު.example.mv",
    '"\\\t"@here.com',
    `a@${"a".repeat(63)}.us`,
    // Python's re.IGNORECASE lets ı, ſ, İ and K (Kelvin) match ASCII letters.
    "bılgi@example.com",
    "a@b.xn--p1ai",
    "a@münchen.de",
    "a@b.cé",
  ])("%j is valid", (v) => {
    expect(passes(validateEmail, v)).toBe(true);
  });

  test.each([
    `example@atm.${"a".repeat(64)}`,
    `example@${"b".repeat(64)}.atm.${"a".repeat(63)}`,
    `example@${`${"a".repeat(63)}.`.repeat(100)}com`,
    null,
    "",
    "abc",
    "abc@",
    "abc@bar",
    "a @x.cz",
    "abc@.com",
    "something@@somewhere.com",
    "email@127.0.0.1",
    "email@[127.0.0.256]",
    "email@[2001:db8::12345]",
    "email@[2001:db8:0:0:0:0:1]",
    "email@[::ffff:127.0.0.256]",
    "email@[2001:dg8::1]",
    "email@[2001:dG8:0:0:0:0:0:1]",
    "email@[::fTzF:127.0.0.1]",
    "example@invalid-.com",
    "example@-invalid.com",
    "example@invalid.com-",
    "example@inv-.alid-.com",
    "example@inv-.-alid.com",
    'test@example.com\n\n<script src="x.js">',
    "@domain.com",
    "email.domain.com",
    "email@domain@domain.com",
    "email@domain..com",
    "email@.domain.com",
    "email@-domain.com",
    "email@domain-.com",
    "email@domain.com-",
    '"\\\n"@here.com',
    "trailingdot@shouldfail.com.",
    `a@${"a".repeat(64)}.us`,
    "a@b.com\n",
    "a\n@b.com",
    '"test@test"\n@example.com',
    "a@[127.0.0.1]\n",
    // Django 5.2+: no digits in the top-level domain.
    "viewx3dtextx26qx3d@yahoo.comx26latlngx3d15854521645943074058",
    "a@b.12",
    "a@b.-xy",
    "a@[IPv6:::1]",
    "a@👍.ws",
  ])("%j is invalid", (v) => {
    expect(passes(validateEmail, v)).toBe(false);
  });

  test("at most 320 characters", () => {
    const domain = ["b".repeat(63), "c".repeat(63), "d".repeat(63), "e".repeat(59), "com"].join(
      ".",
    );
    const address = `${"a".repeat(64)}@${domain}`;
    expect(address.length).toBe(320);
    expect(passes(validateEmail, address)).toBe(true);
    expect(passes(validateEmail, `a${address}`)).toBe(false);
  });
});

describe("EmailValidator options", () => {
  test("allowlist (Django: EmailValidator(allowlist=['localdomain']))", () => {
    const v = new EmailValidator({ allowlist: ["localdomain"] });
    expect(passes(v, "email@localdomain")).toBe(true);
    expect(passes(v, "email@localhost")).toBe(false);
    expect(v.toRule().params).toEqual({ allowlist: ["localdomain"] });
  });

  test("message and code; params carry the value", () => {
    const v = new EmailValidator({ message: "BAD EMAIL", code: "bad" });
    try {
      v.validate("nope");
      throw new Error("expected a ValidationError");
    } catch (e) {
      expect((e as ValidationError).errors[0]).toMatchObject({
        code: "bad",
        message: "BAD EMAIL",
        params: { value: "nope" },
      });
    }
  });

  test("the browser rule", () => {
    expect(validateEmail.toRule()).toEqual({
      rule: "email",
      code: "invalid",
      message: "Enter a valid email address.",
      key: "EmailValidator.invalid",
      params: { allowlist: ["localhost"] },
    });
    expect(RULES.email?.("a@b.com", { allowlist: ["localhost"] })).toBeNull();
    expect(RULES.email?.("a@b", { allowlist: ["localhost"] })).toEqual({ value: "a@b" });
  });
});
