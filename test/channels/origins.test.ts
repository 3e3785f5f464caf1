import { describe, expect, test } from "vitest";
import { trustedOriginTest, upgradeOriginAllowed } from "../../src/server/origins.js";

describe("the upgrade's Origin check", () => {
  const none = trustedOriginTest([]);
  const trusted = trustedOriginTest(["https://app.example.com", "https://*.example.org"]);

  test("no Origin (not a browser) and the Host's own origin pass", () => {
    expect(upgradeOriginAllowed(undefined, "site.test", none)).toBe(true);
    expect(upgradeOriginAllowed("https://site.test", "site.test", none)).toBe(true);
    expect(upgradeOriginAllowed("http://SITE.test:8080", "site.test:8080", none)).toBe(true);
  });

  test("another host, a different port, null and garbage are refused", () => {
    expect(upgradeOriginAllowed("https://evil.test", "site.test", none)).toBe(false);
    expect(upgradeOriginAllowed("https://site.test:444", "site.test", none)).toBe(false);
    expect(upgradeOriginAllowed("null", "site.test", none)).toBe(false);
    expect(upgradeOriginAllowed("not a url", "site.test", none)).toBe(false);
    expect(upgradeOriginAllowed("https://site.test", undefined, none)).toBe(false);
  });

  test("trusted origins: exact ones and subdomain wildcards, scheme included", () => {
    expect(upgradeOriginAllowed("https://app.example.com", "api.test", trusted)).toBe(true);
    expect(upgradeOriginAllowed("http://app.example.com", "api.test", trusted)).toBe(false);
    expect(upgradeOriginAllowed("https://a.b.example.org", "api.test", trusted)).toBe(true);
    expect(upgradeOriginAllowed("https://example.org", "api.test", trusted)).toBe(false);
    expect(upgradeOriginAllowed("https://evilexample.org", "api.test", trusted)).toBe(false);
  });

  test("an entry that is not an origin is refused up front", () => {
    expect(() => trustedOriginTest(["example.com"])).toThrow(/not an origin/);
  });
});
