// The text rules decide the common input (printable ASCII, no surrounding space, no surrogate
// pair) without the general path. These inputs sit at the edges of those shortcuts; each
// outcome is what Django gives, checked on the server field and in the browser runtime.
import { describe, expect, test } from "vitest";
import type { Field } from "../../../src/forms/field.js";
import { CharField } from "../../../src/forms/fields/char-field.js";
import { EmailField } from "../../../src/forms/fields/email-field.js";
import { RegexField } from "../../../src/forms/fields/regex-field.js";
import { URLField } from "../../../src/forms/fields/url-field.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { URLValidator } from "../../../src/forms/validators/url.js";
import { passes } from "../../helpers/validator-passes.js";
import { browserItems, type ItemOutcome as Outcome, serverItems } from "./support/outcome.js";

function check(field: Field, input: unknown): Outcome {
  const outcome = serverItems(field, input);
  expect(browserItems(field, input)).toEqual(outcome);
  return outcome;
}

const INVALID_URL = { errors: [{ code: "invalid", message: "Enter a valid URL." }] };

describe("URLField at the edges of the plain-URL shortcut", () => {
  const field = new URLField();
  test.each<[string, Outcome]>([
    ["https://ada.example.org/notes", { value: "https://ada.example.org/notes" }],
    // urlsplit lowercases the scheme; the host keeps its case.
    ["HTTPS://Example.COM/Path", { value: "https://Example.COM/Path" }],
    ["Http://example.com", { value: "http://example.com" }],
    // urlunsplit drops an empty query or fragment, and keeps a non-empty one.
    ["https://example.com?", { value: "https://example.com" }],
    ["https://example.com/#", { value: "https://example.com/" }],
    ["https://example.com/?#top", { value: "https://example.com/#top" }],
    ["https://example.com/a?b#", { value: "https://example.com/a?b" }],
    ["https://example.com/?a?", { value: "https://example.com/?a?" }],
    ["https://example.com/#a?#", { value: "https://example.com/#a?#" }],
    ["https://example.com:8080/a?q=1#f", { value: "https://example.com:8080/a?q=1#f" }],
    // Python's str.strip(): Unicode spaces at either end go, U+200B and U+FEFF are no space.
    ["\u3000https://example.com/\u00a0", { value: "https://example.com/" }],
    ["https://example.com/\u2028", { value: "https://example.com/" }],
    ["https://example.com/\u200b", { value: "https://example.com/\u200b" }],
    // A host with no scheme moves out of the path and gets https.
    ["example.com/a", { value: "https://example.com/a" }],
    // Internationalised and punycode hosts, a non-ASCII path.
    ["http://bücher.example/", { value: "http://bücher.example/" }],
    ["http://xn--bcher-kva.example/", { value: "http://xn--bcher-kva.example/" }],
    ["https://example.com/caf\u00e9", { value: "https://example.com/caf\u00e9" }],
    ["https://example.com/\u{1f600}", { value: "https://example.com/\u{1f600}" }],
    // IPv6 literals: a valid one passes; urlsplit refuses a bracketed host that is no address.
    ["http://[::1]:8080/x", { value: "http://[::1]:8080/x" }],
    ["http://[2001:db8::ff00:42:8329]/", { value: "http://[2001:db8::ff00:42:8329]/" }],
    ["http://[::1x]/", INVALID_URL],
    ["http://[1:2]/", INVALID_URL],
    // User info, an IPv4 host, localhost, a trailing dot: the general path.
    ["http://user:pass@example.com/", { value: "http://user:pass@example.com/" }],
    ["http://192.168.0.1:80/", { value: "http://192.168.0.1:80/" }],
    ["http://localhost:8000/", { value: "http://localhost:8000/" }],
    ["http://example.com./", { value: "http://example.com./" }],
    // Labels: at most 63 characters, no hyphen at either end; a TLD has no digit.
    [`http://${"a".repeat(63)}.com`, { value: `http://${"a".repeat(63)}.com` }],
    [`http://${"a".repeat(64)}.com`, INVALID_URL],
    ["http://-a.com", INVALID_URL],
    ["http://a-.com", INVALID_URL],
    ["http://example.c0m", INVALID_URL],
    ["http://example.com:123456", INVALID_URL],
    ["https://exa mple.com", INVALID_URL],
    ["mailto://example.com", INVALID_URL],
  ])("%j", (input, expected) => {
    expect(check(field, input)).toEqual(expected);
  });
});

describe("URLValidator: lengths in code points", () => {
  const v = new URLValidator();
  const accepts = (value: string) => passes(v, value);

  test("a plain URL of 2048 characters passes, 2049 does not", () => {
    const url = `https://example.com/${"a".repeat(2028)}`;
    expect(url.length).toBe(2048);
    expect(accepts(url)).toBe(true);
    expect(accepts(`${url}a`)).toBe(false);
  });

  test("an emoji is one character of the 2048 (two UTF-16 units)", () => {
    const url = `https://example.com/${"a".repeat(2027)}\u{1f600}`;
    expect(url.length).toBe(2049);
    expect(accepts(url)).toBe(true);
    expect(accepts(`${url}a`)).toBe(false);
  });

  test("a host of 253 characters passes with a port, 254 does not", () => {
    const host = `${`${"a".repeat(62)}.`.repeat(3)}${"a".repeat(61)}.cc`;
    expect(host.length).toBe(253);
    expect(accepts(`http://${host}:80/`)).toBe(true);
    expect(accepts(`http://a${host}:80/`)).toBe(false);
  });

  test("an uppercase scheme is checked lowercased, against the schemes given", () => {
    expect(accepts("HTTPS://EXAMPLE.COM")).toBe(true);
    expect(new URLValidator({ schemes: ["git"] }).toRule().params).toEqual({ schemes: ["git"] });
    expect(() => new URLValidator({ schemes: ["git"] }).validate("https://example.com")).toThrow(
      ValidationError,
    );
    expect(new URLValidator({ schemes: ["git"] }).validate("GIT://example.com")).toBeUndefined();
  });
});

describe("CharField: strip and length at the edges", () => {
  test.each<[string, string]>([
    ["\u3000abc\u00a0", "abc"],
    ["\x85abc\x84", "abc\x84"],
    ["abc\x1f", "abc"],
    ["\x1cabc", "abc"],
    ["abc\u200b", "abc\u200b"],
    ["\ufeffabc", "\ufeffabc"],
    ["\u2000\u200a", ""],
    ["!x~", "!x~"],
    ["\u00e9t\u00e9 ", "\u00e9t\u00e9"],
  ])("strip(%j) → %j", (input, expected) => {
    expect(check(new CharField({ required: false }), input)).toEqual({ value: expected });
  });

  const tooLong = (limit: number, has: number) => ({
    errors: [
      {
        code: "max_length",
        message: `Ensure this value has at most ${limit} characters (it has ${has}).`,
      },
    ],
  });
  const tooShort = (limit: number, has: number) => ({
    errors: [
      {
        code: "min_length",
        message: `Ensure this value has at least ${limit} characters (it has ${has}).`,
      },
    ],
  });

  test.each<[string, number, Outcome]>([
    ["\u{1f600}\u{1f600}\u{1f600}", 3, { value: "\u{1f600}\u{1f600}\u{1f600}" }],
    ["\u{1f600}\u{1f600}\u{1f600}\u{1f600}", 3, tooLong(3, 4)],
    ["ab\u{1f600}c", 3, tooLong(3, 4)],
    ["abcd", 3, tooLong(3, 4)],
    // Lone surrogates count one each, as in a Python str.
    ["\ud800\ud800\ud800", 3, { value: "\ud800\ud800\ud800" }],
    ["\udc00\ud800\udc00", 3, { value: "\udc00\ud800\udc00" }],
  ])("maxLength: %j, limit %d", (input, limit, expected) => {
    expect(check(new CharField({ maxLength: limit }), input)).toEqual(expected);
  });

  test.each<[string, Outcome]>([
    ["\u{1f600}\u{1f600}", tooShort(3, 2)],
    ["a\u{1f600}b", { value: "a\u{1f600}b" }],
    ["ab", tooShort(3, 2)],
  ])("minLength 3: %j", (input, expected) => {
    expect(check(new CharField({ minLength: 3 }), input)).toEqual(expected);
  });
});

describe("RegexField: one pattern under different flags", () => {
  test("each field keeps its own flags", () => {
    const plain = new RegexField("^ab$");
    const caseless = new RegexField(/^ab$/i);
    const invalid = { errors: [{ code: "invalid", message: "Enter a valid value." }] };
    expect(check(plain, "AB")).toEqual(invalid);
    expect(check(caseless, "AB")).toEqual({ value: "AB" });
    expect(check(plain, "ab")).toEqual({ value: "ab" });
  });
});

describe("EmailField: address literals", () => {
  const invalid = { errors: [{ code: "invalid", message: "Enter a valid email address." }] };
  test.each<[string, Outcome]>([
    ["user@[192.168.0.1]", { value: "user@[192.168.0.1]" }],
    ["user@[::1]", { value: "user@[::1]" }],
    ["user@[::ffff:1.2.3.4]", { value: "user@[::ffff:1.2.3.4]" }],
    ["user@[1::2:3:4:5:6:7]", { value: "user@[1::2:3:4:5:6:7]" }],
    ["user@[1:2:3:4:5:6:7:8]", { value: "user@[1:2:3:4:5:6:7:8]" }],
    ["user@[192.168.0.01]", invalid],
    ["user@[256.1.1.1]", invalid],
    ["user@[1::2::3]", invalid],
    ["user@[1:2:3:4:5:6:7]", invalid],
    ["user@[12345::1]", invalid],
  ])("%j", (input, expected) => {
    expect(check(new EmailField(), input)).toEqual(expected);
  });
});
