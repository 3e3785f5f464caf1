import fc from "fast-check";
import { expect, test } from "vitest";
import { validateEmail } from "../../../src/forms/validators/email.js";
import { validateIpv46Address } from "../../../src/forms/validators/ip.js";
import { passes } from "../../helpers/validator-passes.js";

// Django's EmailValidator takes a domain literal `[...]` (hex digits, colons and dots) when
// validate_ipv46_address takes its content. The e-mail rule checks the literal with its own
// compact code (email.ts, so the browser page of an EmailField does not carry ip.ts); these
// properties hold it to the IP validator's answer, string for string.

const HEX = [..."0123456789abcdefABCDEF"];
const hexDigits = (max: number) => fc.string({ unit: fc.constantFrom(...HEX), maxLength: max });
const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 4 });

const octet = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map(String),
  fc.constantFrom("0", "00", "01", "010", "199", "249", "250", "255", "256", "260", "1000", ""),
  digits,
);
const ipv4 = fc
  .array(octet, { minLength: 1, maxLength: 5 })
  .chain((octets) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(octets.join(".")) },
      { weight: 1, arbitrary: fc.constantFrom(".", "..").map((s) => octets.join(s)) },
    ),
  );
const hextet = fc.oneof(
  { weight: 6, arbitrary: hexDigits(4).filter((h) => h.length > 0) },
  { weight: 1, arbitrary: fc.constantFrom("", "0", "00000", "fFfF", "12345", "g", "1.2") },
  { weight: 1, arbitrary: hexDigits(6) },
);
const separator = fc.oneof(
  { weight: 8, arbitrary: fc.constant(":") },
  { weight: 2, arbitrary: fc.constant("::") },
  { weight: 1, arbitrary: fc.constantFrom(":::", ".", "") },
);
/** Hextets joined by mostly ":" with now and then "::", maybe an IPv4 tail, maybe an edge. */
const ipv6 = fc
  .tuple(
    fc.array(fc.tuple(hextet, separator), { minLength: 0, maxLength: 10 }),
    hextet,
    fc.option(fc.tuple(fc.constantFrom(":", "::", ""), ipv4), { nil: undefined }),
    fc.constantFrom("", "", "", "::", ":", "0"),
    fc.constantFrom("", "", "", "::", ":"),
  )
  .map(([pairs, last, tail, prefix, suffix]) => {
    const body = pairs.map(([h, sep]) => h + sep).join("") + last;
    return prefix + body + (tail ? tail[0] + tail[1] : "") + suffix;
  });
/** Near an address: 6 to 9 hextets (or that less two and an IPv4 tail), maybe one "::". */
const nearIpv6 = fc
  .tuple(
    fc.array(
      hexDigits(4).filter((h) => h.length > 0),
      { minLength: 6, maxLength: 9 },
    ),
    fc.boolean(),
    fc.option(fc.nat(9), { nil: undefined }),
    fc.nat(8),
    ipv4,
  )
  .map(([hextets, withIpv4, gap, drop, v4]) => {
    const parts = withIpv4 ? [...hextets.slice(2), v4] : hextets;
    if (gap === undefined) return parts.join(":");
    const kept = parts.slice(0, Math.max(0, parts.length - drop));
    const at = Math.min(gap, kept.length);
    const tail = kept.slice(at);
    // An IPv4 part in the head is refused either way; keep it last.
    return `${kept.slice(0, at).join(":")}::${tail.join(":")}`;
  });
const anyLiteral = fc.string({ unit: fc.constantFrom(...HEX, ":", ".", "0", ":"), maxLength: 45 });

function agrees(content: string): boolean {
  const email = passes(validateEmail, `email@[${content}]`);
  expect(email, content).toBe(passes(validateIpv46Address, content));
  return email;
}

test("a literal of hex digits, colons and dots: accepted exactly when validate_ipv46_address accepts it", () => {
  let accepted = 0;
  let seen = 0;
  fc.assert(
    fc.property(fc.oneof(ipv4, ipv6, nearIpv6, nearIpv6, anyLiteral), (content) => {
      seen++;
      if (content && agrees(content)) accepted++;
    }),
    { numRuns: 20000 },
  );
  // The generators reach both answers often.
  expect(accepted).toBeGreaterThan(seen / 20);
  expect(accepted).toBeLessThan(seen - seen / 20);
});

test("around the length limit (39 characters) and the hextet counts", () => {
  const cases = [
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9",
    "1::2:3:4:5:6:7:8",
    "1::2:3:4:5:6:7",
    "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::",
    "::",
    ":::",
    "::1",
    "1::",
    ":1::",
    "::1:",
    "1::2::3",
    "0:0",
    "1.2.3.4",
    "01.2.3.4",
    "1.2.3.04",
    "1.2.3.4.5",
    "1.2.3",
    "::1.2.3.4",
    ":1.2.3.4",
    "1:1.2.3.4",
    "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5:6:7:1.2.3.4",
    "1:2:3:4:5::1.2.3.4",
    "1:2:3:4:5:6::1.2.3.4",
    "::ffff:1.2.3.4",
    "::ffff:1.2.3.256",
    "::ffff:1.2.3.4:1",
    "1.2.3.4::",
    "1.2.3.4:1",
    "::1.2.3.4.5",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
    "0ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff",
    "0000:0000:0000:0000:0000:0000:0000:0000",
    "0000:0000:0000:0000:0000:0000:0000:00000",
    "0000:0000:0000:0000:0000:0000:0000::",
    "0000:0000:0000:0000:0000:0000::0000",
    "0000:0000:0000:0000:0000:0000:000::0",
    "0000:0000:0000:0000:0000:0000:0.0.0.0",
    "0000:0000:0000:0000:0000::000.0.0.0",
    "0000:0000:0000:0000:0000::100.0.0.0",
    "0000:0000:0000:0000:0000:0000:100.0.0.0",
  ];
  for (const content of cases) agrees(content);
  // An IPv4 tail takes an address past 39 characters: 37 to 45 here.
  for (const v4 of ["1.2.3.4", "10.2.3.4", "10.20.3.4", "10.20.30.4", "10.20.30.40"])
    for (const more of ["", "1", "11"])
      agrees(`ffff:ffff:ffff:ffff:ffff:ffff:${v4.replace("1", `1${more}`)}`);
  // Any literal of these characters at every length up to 45, padded with zeros.
  for (let n = 1; n <= 45; n++) {
    agrees(`::${"0".repeat(n)}`.slice(0, n + 2));
    agrees(`1:2:3:4:5:6:7:${"0".repeat(n)}`);
    agrees(`::${"0:".repeat(n)}1`);
  }
});

test("a literal with any other character is refused, as the literal pattern refuses it", () => {
  for (const content of [
    "::1%1",
    "fe80::1%eth0",
    "1.2.3.4/32",
    "::1/128",
    "IPv6:::1",
    " ::1",
    "١.٢.٣.٤",
  ]) {
    expect(passes(validateEmail, `email@[${content}]`), content).toBe(false);
  }
});
