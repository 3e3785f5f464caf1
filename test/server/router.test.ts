import { expect, test } from "vitest";
import { isUnderBasePath, matchRoute, normalizeBasePath } from "../../src/server/router.js";

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
