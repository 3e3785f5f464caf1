import fc from "fast-check";
import { expect, test } from "vitest";
import {
  isUnderBasePath,
  matchRoute,
  normalizeBasePath,
  requestPathname,
} from "../../src/server/router.js";

test.each([
  ["/api/mizan", "/api/mizan"],
  ["/api/mizan/", "/api/mizan"],
  ["api/mizan", "/api/mizan"],
  ["/", ""],
])("normalizeBasePath(%j) → %j", (input, expected) => {
  expect(normalizeBasePath(input)).toBe(expected);
});

test.each([
  ["/api/mizan/call/", { kind: "call", allow: "POST" }],
  ["/api/mizan/call", { kind: "call", allow: "POST" }],
  ["/api/mizan/manifest/", { kind: "manifest", allow: "GET" }],
  ["/api/mizan/ctx/site%20nav/", { kind: "context", allow: "GET", name: "site nav" }],
  ["/api/mizan/ctx/%E0%A4%A/", null],
  ["/api/mizan/", null],
  ["/api/mizan/calls/", null],
  ["/api/mizan/call/extra/", null],
  ["/api/mizanx/call/", null],
  ["/other/call/", null],
])("matchRoute(%j)", (path, expected) => {
  expect(matchRoute(path, "/api/mizan")).toEqual(expected);
});

test("a root base path serves at the root", () => {
  expect(matchRoute("/call/", "")).toEqual({ kind: "call", allow: "POST" });
  expect(isUnderBasePath("/anything", "")).toBe(true);
  expect(isUnderBasePath("/api/mizanx", "/api/mizan")).toBe(false);
});

test.each([
  "http://localhost/api/mizan/call/",
  "https://example.test:8443/api/mizan/call/?x=1#y",
  "http://EXAMPLE.test:080/api/mizan/call",
  "http://127.0.0.1:3000/api/mizan/ctx/greet/?args=%7B%7D",
  "http://[::1]:8080/api/mizan/call/",
  "http://example.test/api/mizan/./x/../call/",
  "http://example.test/api/mizan/ctx/site%20nav/",
  "http://example.test/api/mizan/ctx/caf\u00e9/",
  "http://example.test/api/mizan\\call/",
  "http://example.test/a b/",
  "http://example.test/#/hash/path",
  "http://example.test?only=query",
  "http://example.test",
  "https://xn--caf-dma.example/api/",
])("requestPathname(new Request(%j)) is new URL(url).pathname", (url) => {
  const request = new Request(url);
  expect(requestPathname(request)).toBe(new URL(request.url).pathname);
});

test("requestPathname is new URL(url).pathname for any Request, and for a look-alike's url", () => {
  const part = fc.string({
    unit: fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@/%?#\\ \té[]"),
    maxLength: 24,
  });
  fc.assert(
    fc.property(
      fc.constantFrom("http://", "https://", "HTTP://"),
      fc.constantFrom("localhost", "example.test:8080", "127.0.0.1", "[::1]", "a@b", "EX.test:"),
      part,
      (scheme, host, path) => {
        const url = `${scheme}${host}/${path}`;
        let request: Request;
        try {
          request = new Request(url);
        } catch {
          return;
        }
        expect(requestPathname(request)).toBe(new URL(request.url).pathname);
        // Not a Request (no serialised URL): parsed as given.
        const lookAlike = { url } as unknown as Request;
        expect(requestPathname(lookAlike)).toBe(new URL(url).pathname);
      },
    ),
    { numRuns: 500 },
  );
});
