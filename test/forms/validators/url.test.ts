import { describe, expect, test } from "vitest";
import { RULES } from "../../../src/forms/rules/index.js";
import { urlsplit, urlunsplit } from "../../../src/forms/rules/url.js";
import { URLValidator } from "../../../src/forms/validators/url.js";
import { passes } from "../../helpers/validator-passes.js";

const EXTENDED_SCHEMES = ["http", "https", "ftp", "ftps", "git", "file", "git+ssh"];

// Django 6's tests/validators/tests.py VALID_URLS.
const VALID_URLS = [
  "http://www.djangoproject.com/",
  "HTTP://WWW.DJANGOPROJECT.COM/",
  "http://localhost/",
  "http://example.com/",
  "http://example.com:0",
  "http://example.com:0/",
  "http://example.com:65535",
  "http://example.com:65535/",
  "http://example.com./",
  "http://www.example.com/",
  "http://www.example.com:8000/test",
  "http://valid-with-hyphens.com/",
  "http://subdomain.example.com/",
  "http://a.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "http://200.8.9.10/",
  "http://200.8.9.10:8000/test",
  "http://su--b.valid-----hyphens.com/",
  "http://example.com?something=value",
  "http://example.com/index.php?something=value&another=value2",
  "https://example.com/",
  "ftp://example.com/",
  "ftps://example.com/",
  "http://foo.com/blah_blah",
  "http://foo.com/blah_blah/",
  "http://foo.com/blah_blah_(wikipedia)",
  "http://foo.com/blah_blah_(wikipedia)_(again)",
  "http://www.example.com/wpstyle/?p=364",
  "https://www.example.com/foo/?bar=baz&inga=42&quux",
  "http://✪df.ws/123",
  "http://userid@example.com",
  "http://userid@example.com/",
  "http://userid@example.com:8080",
  "http://userid@example.com:8080/",
  "http://userid@example.com:65535",
  "http://userid@example.com:65535/",
  "http://userid:@example.com",
  "http://userid:@example.com/",
  "http://userid:@example.com:8080",
  "http://userid:@example.com:8080/",
  "http://userid:password@example.com",
  "http://userid:password@example.com/",
  "http://userid:password@example.com:8",
  "http://userid:password@example.com:8/",
  "http://userid:password@example.com:8080",
  "http://userid:password@example.com:8080/",
  "http://userid:password@example.com:65535",
  "http://userid:password@example.com:65535/",
  `https://userid:p${"a".repeat(211)}ssword@example.com`,
  `https://userid:p${"a".repeat(206)}ssword@example.com:8080`,
  `https://userid${"d".repeat(210)}:password@example.com`,
  `https://userid${"d".repeat(205)}:password@example.com:8080`,
  `http://userid:password${"d".repeat(2000)}@example.aaaaaaaaaaaaa.com`,
  "http://142.42.1.1/",
  "http://142.42.1.1:8080/",
  "http://➡.ws/䨹",
  "http://⌘.ws",
  "http://⌘.ws/",
  "http://foo.com/blah_(wikipedia)#cite-1",
  "http://foo.com/blah_(wikipedia)_blah#cite-1",
  "http://foo.com/unicode_(✪)_in_parens",
  "http://foo.com/(something)?after=parens",
  "http://☺.damowmow.com/",
  "http://djangoproject.com/events/#&product=browser",
  "http://j.mp",
  "ftp://foo.bar/baz",
  "http://foo.bar/?q=Test%20URL-encoded%20stuff",
  "http://مثال.إختبار",
  "http://例子.测试",
  "http://उदाहरण.परीक्षा",
  "https://މިހާރު.com",
  "http://-.~_!$&'()*+,;=%40:80%2f@example.com",
  "http://xn--7sbb4ac0ad0be6cf.xn--p1ai",
  "http://1337.net",
  "http://a.b-c.de",
  "http://223.255.255.254",
  "ftps://foo.bar/",
  "http://10.1.1.254",
  "http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html",
  "http://[::192.9.5.5]/ipng",
  "http://[::ffff:192.9.5.5]/ipng",
  "http://[::1]:8080/",
  "http://0.0.0.0/",
  "http://255.255.255.255",
  "http://224.0.0.0",
  "http://224.1.1.1",
  "http://111.112.113.114/",
  "http://88.88.88.88/",
  "http://11.12.13.14/",
  "http://10.20.30.40/",
  "http://1.2.3.4/",
  "http://127.0.01.09.home.lan",
  `http://${"a".repeat(63)}.example.com`,
  `http://example.${"a".repeat(63)}.com`,
  `http://example.${"a".repeat(63)}`,
  `http://${["a".repeat(33), "a".repeat(27), "a".repeat(34), "a".repeat(30), "a".repeat(33), "a".repeat(31), "a".repeat(30), "a".repeat(28)].join(".")}`,
  "http://dashintld.c-m",
  "http://multipledashintld.a-b-c",
  "http://evenmoredashintld.a---c",
  "http://dashinpunytld.xn---c",
];

// Django 6's INVALID_URLS.
const INVALID_URLS: unknown[] = [
  null,
  56,
  "no_scheme",
  "foo",
  "http://",
  "http://example",
  "http://example.",
  "http://example.com:-1",
  "http://example.com:-1/",
  "http://example.com:000000080",
  "http://example.com:000000080/",
  "http://.com",
  "http://invalid-.com",
  "http://-invalid.com",
  "http://invalid.com-",
  "http://invalid.-com",
  "http://inv-.alid-.com",
  "http://inv-.-alid.com",
  "file://localhost/path",
  "git://example.com/",
  "http://.",
  "http://..",
  "http://../",
  "http://?",
  "http://??",
  "http://??/",
  "http://#",
  "http://##",
  "http://##/",
  "http://foo.bar?q=Spaces should be encoded",
  "//",
  "//a",
  "///a",
  "///",
  "http:///a",
  "foo.com",
  "rdar://1234",
  "h://test",
  "http:// shouldfail.com",
  ":// should fail",
  "http://foo.bar/foo(bar)baz quux",
  "http://-error-.invalid/",
  "http://dashinpunytld.trailingdot.xn--.",
  "http://dashinpunytld.xn---",
  "http://-a.b.co",
  "http://a.b-.co",
  "http://a.-b.co",
  "http://a.b-.c.co",
  "http:/",
  "http://",
  "http://1.1.1.1.1",
  "http://123.123.123",
  "http://3628126748",
  "http://123",
  "http://000.000.000.000",
  "http://016.016.016.016",
  "http://192.168.000.001",
  "http://01.2.3.4",
  "http://1.02.3.4",
  "http://1.2.03.4",
  "http://1.2.3.04",
  "http://.www.foo.bar/",
  "http://.www.foo.bar./",
  "http://[::1:2::3]:8/",
  "http://[::1:2::3]:8080/",
  "http://[]",
  "http://[]:8080",
  "http://example..com/",
  `http://${"a".repeat(64)}.example.com`,
  `http://example.${"a".repeat(64)}.com`,
  `http://example.${"a".repeat(64)}`,
  `http://example.${`${"a".repeat(63)}.`.repeat(1000)}com`,
  `http://${["a".repeat(35), "a".repeat(29), "a".repeat(34), "a".repeat(30), "a".repeat(33), "a".repeat(31), "a".repeat(30), "a".repeat(25)].join(".")}`,
  "https://test.[com",
  "http://@example.com",
  "http://:@example.com",
  "http://:bar@example.com",
  "http://foo@bar@example.com",
  "http://foo/bar@example.com",
  "http://foo:bar:baz@example.com",
  "http://foo:bar@baz@example.com",
  "http://foo:bar/baz@example.com",
  "http://invalid-.com/?m=foo@example.com",
  "http://www.djangoproject.com/\n",
  "http://[::ffff:192.9.5.5]\n",
  "http://www.djangoproject.com/\r",
  "http://[::ffff:192.9.5.5]\r",
  "http://www.django\rproject.com/",
  "http://[::\rffff:192.9.5.5]",
  "http://\twww.djangoproject.com/",
  "http://\t[::ffff:192.9.5.5]",
  "http://www.asdasdasdasdsadfm.com.br ",
  "http://www.asdasdasdasdsadfm.com.br z",
];

describe("URLValidator", () => {
  const v = new URLValidator();
  test.each(VALID_URLS)("%j is valid", (url) => {
    expect(passes(v, url)).toBe(true);
  });
  test.each(INVALID_URLS)("%j is invalid", (url) => {
    expect(passes(v, url)).toBe(false);
  });

  test.each<[string, boolean]>([
    ["file://localhost/path", true],
    ["git://example.com/", true],
    ["git+ssh://git@github.com/example/hg-git.git", true],
    ["git://-invalid.com", false],
  ])("with extended schemes, %j → %j", (url, ok) => {
    expect(passes(new URLValidator({ schemes: EXTENDED_SCHEMES }), url)).toBe(ok);
  });

  test("at most 2048 characters", () => {
    const url = `http://userid:password${"d".repeat(2000)}@example.aaaaaaaaaaaaa.com`;
    expect(url.length).toBe(2048);
    expect(passes(v, url)).toBe(true);
    expect(passes(v, `${url}m`)).toBe(false);
  });

  test("a host of at most 253 characters", () => {
    const host = `${`${"a".repeat(62)}.`.repeat(4)}com`;
    expect(host.length).toBe(255);
    expect(passes(v, `http://${host}`)).toBe(false);
    expect(passes(v, `http://${host.slice(4)}`)).toBe(true);
  });

  test("Python's IGNORECASE: ſ matches s in localhost, İ/ı/ſ/K in the scheme pattern", () => {
    expect(passes(v, "http://localhoſt/")).toBe(true);
    expect(passes(v, "http://LOCALHOST:8000")).toBe(true);
  });

  test("the browser rule", () => {
    expect(v.toRule()).toEqual({
      rule: "url",
      code: "invalid",
      message: "Enter a valid URL.",
      key: "URLValidator.invalid",
      params: { schemes: ["http", "https", "ftp", "ftps"] },
    });
    expect(RULES.url?.("http://example.com", { schemes: ["http"] })).toBeNull();
    expect(RULES.url?.("https://example.com", { schemes: ["http"] })).toEqual({
      value: "https://example.com",
    });
  });
});

// Python 3.13's urllib.parse, which URLField and URLValidator rely on.
describe("urlsplit / urlunsplit", () => {
  test.each<[string, ReturnType<typeof urlsplit>]>([
    ["http://u:p@Host:80/a/b?q=1#f", ["http", "u:p@Host:80", "/a/b", "q=1", "f"]],
    ["HTTP://x", ["http", "x", "", "", ""]],
    ["example.com/path", ["", "", "example.com/path", "", ""]],
    ["  \x01http://x", ["http", "x", "", "", ""]],
    ["http://ex\tam\nple.com", ["http", "example.com", "", "", ""]],
    ["#@A.bO", ["", "", "", "", "@A.bO"]],
    ["1http://x", ["", "", "1http://x", "", ""]],
    ["http://[::1]:80/", ["http", "[::1]:80", "/", "", ""]],
    ["http://[v1.fe]/", ["http", "[v1.fe]", "/", "", ""]],
    ["http://[a", null],
    ["http://a]", null],
    ["http://[1.2.3.4]/", null],
    ["http://x[::1]/", null],
    ["http://[::1]x/", null],
    ["http://[::1]@example.com", null],
    ["http://a\u2100b.com/", null],
  ])("urlsplit(%j)", (url, expected) => {
    expect(urlsplit(url)).toEqual(expected);
  });

  test.each<[[string, string, string, string, string], string]>([
    [["https", "example.com", "", "", ""], "https://example.com"],
    [["https", "example.com", "a", "q", "f"], "https://example.com/a?q#f"],
    [["https", "", "", "", "x"], "https://#x"],
    [["", "", "//a", "", ""], "////a"],
    [["mailto", "", "a@b", "", ""], "mailto:a@b"],
  ])("urlunsplit(%j)", (parts, expected) => {
    expect(urlunsplit(parts)).toBe(expected);
  });
});
