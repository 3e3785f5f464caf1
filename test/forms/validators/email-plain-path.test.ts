import fc from "fast-check";
import { expect, test } from "vitest";
import { emailRule } from "../../../src/codegen/runtime/index.js";
import { EmailValidator, validateEmail } from "../../../src/forms/validators/email.js";
import { passes } from "../../helpers/validator-passes.js";

// The server's EmailValidator answers the common address (ASCII dot-atom, ASCII labels, a
// letters-only TLD, at most 64 characters) without the full check; the browser's rule always
// runs the full check. These properties hold the two to one answer on strings near that
// pattern and across its edges (length 64, label length, hyphens, digits in the TLD, Unicode).

const browserAccepts = (value: string, allowlist = ["localhost"]) =>
  emailRule(value, { allowlist }) === null;

const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const atom = chars("abcXYZ019_!#$%&'*+/=?^`{|}~-", 1, 8);
const localPart = fc.oneof(
  fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join(".")),
  fc.constantFrom('"quoted"', "a..b", ".a", "a.", "", "é", "a b"),
);
const label = fc.oneof(
  { weight: 6, arbitrary: chars("abcz09-", 1, 12) },
  { weight: 1, arbitrary: chars("a", 60, 66) },
  { weight: 1, arbitrary: fc.constantFrom("", "-a", "a-", "a--b", "é", "xn--e1a", "İ") },
);
const tld = fc.oneof(
  chars("abcz", 1, 6),
  fc.constantFrom("c0m", "x-y", "xn--p1ai", "1", "", "co-", "K", "ı"),
);
const address = fc
  .tuple(localPart, fc.array(label, { minLength: 0, maxLength: 3 }), tld)
  .map(([user, labels, top]) => `${user}@${[...labels, top].join(".")}`);

test("the server's shortcut answers as the full rule does", () => {
  let accepted = 0;
  let short = 0;
  fc.assert(
    fc.property(address, (value) => {
      const server = passes(validateEmail, value);
      expect(server, value).toBe(browserAccepts(value));
      if (server) accepted++;
      if (server && value.length <= 64) short++;
    }),
    { numRuns: 20000 },
  );
  // The generator reaches both answers, and accepted addresses inside the shortcut's length.
  expect(accepted).toBeGreaterThan(1000);
  expect(accepted).toBeLessThan(19000);
  expect(short).toBeGreaterThan(500);
});

test("around 64 characters, a 63-character label and the allowlist", () => {
  const at = (n: number) => `${"a".repeat(n)}@example.com`;
  for (let n = 48; n <= 56; n++) expect(passes(validateEmail, at(n)), at(n)).toBe(true);
  const longLabel = (n: number) => `a@${"b".repeat(n)}.com`;
  for (const n of [62, 63, 64]) {
    expect(passes(validateEmail, longLabel(n)), `label ${n}`).toBe(browserAccepts(longLabel(n)));
  }
  expect(passes(validateEmail, longLabel(64))).toBe(false);
  const narrow = new EmailValidator({ allowlist: [] });
  expect(passes(narrow, "me@example.com")).toBe(true);
  expect(passes(narrow, "me@localhost")).toBe(false);
  expect(passes(validateEmail, "me@localhost")).toBe(true);
});
