import { describe, expect, test } from "vitest";
import { URLField } from "../../../src/forms/fields/url-field.js";
import { RULES } from "../../../src/forms/rules/index.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { URLValidator } from "../../../src/forms/validators/url.js";
import { browser, server } from "./support/outcome.js";

function valid(value: string): boolean {
  try {
    new URLValidator().validate(value);
    return true;
  } catch (e) {
    if (e instanceof ValidationError) return false;
    throw e;
  }
}

// Django 6's URLValidator.unsafe_chars: a value holding "\t", "\r" or "\n" is refused outright
// (tests/validators/tests.py INVALID_URLS), by the server and by the shared browser rule alike.
const UNSAFE = [
  "http://www.djangoproject.com/\n",
  "http://[::ffff:192.9.5.5]\n",
  "http://www.djangoproject.com/\r",
  "http://[::ffff:192.9.5.5]\r",
  "http://www.django\rproject.com/",
  "http://[::\rffff:192.9.5.5]",
  "http://\twww.djangoproject.com/",
  "http://\t[::ffff:192.9.5.5]",
  "http://example.com/a\tb",
];

describe("URLs with control characters", () => {
  test.each(UNSAFE)("URLValidator refuses %j on both sides", (url) => {
    expect(valid(url)).toBe(false);
    expect(RULES.url?.(url, { schemes: ["http", "https", "ftp", "ftps"] })).toEqual({
      value: url,
    });
    expect(valid(url.replace(/[\t\r\n]/g, ""))).toBe(true);
  });

  // URLField.to_python splits and joins the URL with Python's urlsplit, which drops every
  // tab and newline (bpo-43882): the cleaned value never holds one, as in Django.
  test.each<[string, string]>([
    ["http://www.django\rproject.com/", "http://www.djangoproject.com/"],
    ["http://\twww.djangoproject.com/", "http://www.djangoproject.com/"],
    ["example.com/a\nb", "https://example.com/ab"],
  ])("URLField cleans %j to %j on both sides", (input, cleaned) => {
    const field = new URLField();
    expect(server(field, input)).toEqual({ value: cleaned });
    expect(browser(field, input)).toEqual({ value: cleaned });
  });
});

describe("the scheme's case", () => {
  // URLValidator compares `value.split("://")[0].lower()` with its schemes and keeps the value.
  test.each(["HTTP://WWW.DJANGOPROJECT.COM/", "Https://example.com", "fTp://example.com/"])(
    "URLValidator accepts %j",
    (url) => {
      expect(valid(url)).toBe(true);
    },
  );

  test("URLField lowercases the scheme (urlsplit does), not the rest", () => {
    const field = new URLField();
    expect(server(field, "HTTP://Example.COM/A")).toEqual({ value: "http://Example.COM/A" });
    expect(browser(field, "HTTP://Example.COM/A")).toEqual({ value: "http://Example.COM/A" });
    expect(server(field, "GIT://example.com/")).toEqual(browser(field, "GIT://example.com/"));
  });
});
