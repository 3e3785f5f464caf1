import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { CharField } from "../../src/forms/fields/char-field.js";
import { EmailField } from "../../src/forms/fields/email-field.js";
import { GenericIPAddressField } from "../../src/forms/fields/generic-ip-address-field.js";
import { RegexField } from "../../src/forms/fields/regex-field.js";
import { SlugField } from "../../src/forms/fields/slug-field.js";
import { URLField } from "../../src/forms/fields/url-field.js";
import { UUIDField } from "../../src/forms/fields/uuid-field.js";
import { anyString, aroundLength, padded, wrongTypes } from "./parity/arbitraries.js";
import { assertParity, generatedFields } from "./parity/harness.js";

const FIELDS = {
  char: new CharField(),
  char_max: new CharField({ maxLength: 5 }),
  char_min: new CharField({ minLength: 3 }),
  char_min_max: new CharField({ minLength: 1, maxLength: 1 }),
  char_optional: new CharField({ required: false, maxLength: 4 }),
  char_nostrip: new CharField({ strip: false, minLength: 2 }),
  char_null: new CharField({ required: false, emptyValue: null }),
  char_messages: new CharField({
    maxLength: 3,
    errorMessages: { required: "Name?", max_length: "Too long: %(show_value)d > %(limit_value)d" },
  }),
  email: new EmailField(),
  email_optional: new EmailField({ required: false, maxLength: 20 }),
  url: new URLField(),
  url_https: new URLField({ assumeScheme: "https", required: false }),
  slug: new SlugField(),
  slug_unicode: new SlugField({ allowUnicode: true, maxLength: 8 }),
  regex: new RegexField("^[a-z]+\\d?$", { maxLength: 6 }),
  regex_flags: new RegexField(/^ab+c$/i),
  ip: new GenericIPAddressField(),
  ipv4: new GenericIPAddressField({ protocol: "ipv4" }),
  ipv6: new GenericIPAddressField({ protocol: "IPv6", required: false }),
  uuid: new UUIDField(),
  uuid_optional: new UUIDField({ required: false }),
};

const text = fc.oneof(anyString, wrongTypes);
const INPUTS: Record<keyof typeof FIELDS, fc.Arbitrary<unknown>> = {
  char: text,
  char_max: fc.oneof(text, aroundLength(5)),
  char_min: fc.oneof(text, aroundLength(3)),
  char_min_max: fc.oneof(text, aroundLength(1)),
  char_optional: fc.oneof(text, aroundLength(4)),
  char_nostrip: fc.oneof(text, aroundLength(2)),
  char_null: text,
  char_messages: fc.oneof(text, aroundLength(3)),
  email: fc.oneof(
    text,
    fc.emailAddress(),
    padded(fc.emailAddress()),
    fc.emailAddress().map((e) => e.replace("@", "@@")),
  ),
  email_optional: fc.oneof(text, fc.emailAddress(), aroundLength(20)),
  url: fc.oneof(
    text,
    fc.webUrl(),
    padded(fc.webUrl({ withQueryParameters: true, withFragments: true })),
    fc.domain(),
  ),
  url_https: fc.oneof(
    text,
    fc.webUrl(),
    fc.domain(),
    fc.domain().map((d) => `//${d}`),
  ),
  slug: fc.oneof(text, fc.stringMatching(/^[-\w]{1,8}$/)),
  slug_unicode: fc.oneof(
    text,
    fc.string({ unit: fc.constantFrom("a", "é", "-", "_", "ß", "字", " ", "!") }),
  ),
  regex: fc.oneof(text, fc.stringMatching(/^[a-z]{0,6}\d?$/), aroundLength(6)),
  regex_flags: fc.oneof(text, fc.stringMatching(/^[aA][bB]{0,3}[cC]?$/)),
  ip: fc.oneof(
    text,
    fc.ipV4(),
    fc.ipV6(),
    padded(fc.ipV4()),
    fc.ipV4Extended(),
    fc.constantFrom("::ffff:1.2.3.4", "::1", "1:2:3:4:5:6:7:8:9", "0127.0.0.1"),
  ),
  ipv4: fc.oneof(text, fc.ipV4(), fc.ipV6(), fc.ipV4Extended()),
  ipv6: fc.oneof(
    text,
    fc.ipV6(),
    fc.ipV4(),
    fc.ipV6().map((a) => a.toUpperCase()),
  ),
  uuid: fc.oneof(
    text,
    fc.uuid(),
    padded(fc.uuid()),
    fc.uuid().map((u) => u.replace(/-/g, "")),
    fc.uuid().map((u) => `{${u.toUpperCase()}}`),
  ),
  uuid_optional: fc.oneof(
    text,
    fc.uuid(),
    fc.uuid().map((u) => `urn:uuid:${u}`),
  ),
};

let schemas: Record<string, z.ZodType>;
let cases = 0;
beforeAll(async () => {
  schemas = await generatedFields("parity_text", FIELDS);
}, 60_000);

describe("parity: text fields (generated Zod vs field.clean())", () => {
  test.each(Object.keys(FIELDS) as Array<keyof typeof FIELDS>)("%s", (name) => {
    cases += assertParity(FIELDS[name], schemas[name] as z.ZodType, INPUTS[name]);
  });

  test("the harness notices a difference (a schema checked against another field fails)", () => {
    expect(() =>
      assertParity(FIELDS.char_max, schemas.char as z.ZodType, aroundLength(5), 200),
    ).toThrow(/Property failed/);
  });

  test("every case ran", () => {
    expect(cases).toBeGreaterThanOrEqual(Object.keys(FIELDS).length * 1000);
  });
});
