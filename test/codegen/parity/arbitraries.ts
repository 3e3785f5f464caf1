import fc from "fast-check";

/** Whitespace Python strips, JS trims, both, or neither (\ufeff, \u200b are not stripped). */
export const WHITESPACE = [
  " ",
  "\t",
  "\n",
  "\r",
  "\x0b",
  "\x0c",
  "\x1c",
  "\x1f",
  "\x85",
  "\xa0",
  "\u2003",
  "\u3000",
  "\u200b",
  "\ufeff",
];
export const ws = fc.constantFrom("", ...WHITESPACE);

export function padded(arb: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(ws, arb, ws).map(([a, b, c]) => a + b + c);
}

/** Values of the wrong type for most fields. */
export const wrongTypes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    [],
    {},
  ),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);

/** Strings of every kind: ASCII, graphemes, lone surrogates, NUL, whitespace. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom("a", "Z", "0", "\x00", " ", "é", "😀", "-", "_", ".", "@", "ß", "\u0130"),
  }),
  padded(fc.string({ maxLength: 6 })),
  ws,
);

/** Strings whose length (in code points) is around `limit`, padded with whitespace. */
export function aroundLength(limit: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: Math.max(0, limit - 2), max: limit + 2 })
    .chain((n) =>
      fc.string({
        unit: fc.constantFrom("a", "😀", "é", "\u0301", " "),
        minLength: n,
        maxLength: n,
      }),
    )
    .chain((s) => fc.oneof(fc.constant(s), padded(fc.constant(s))));
}

/** Numbers around `n` as numbers and as (padded) strings. */
export function aroundNumber(n: number, step = 1): fc.Arbitrary<unknown> {
  const near = fc.constantFrom(
    n - step,
    n - step / 2,
    n,
    n + step / 2,
    n + step,
    n - 1e-9,
    n + 1e-9,
  );
  return fc.oneof(
    near,
    near.map(String),
    padded(near.map(String)),
    near.map((v) => v.toFixed(3)),
  );
}

/** Numeric text in the shapes Python accepts or refuses. */
export const numericText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    "1_000",
    "+1",
    "-0",
    "1.0",
    "1.",
    ".5",
    "1e3",
    "1E-2",
    "0x10",
    "١٢",
    "٤٢",
    "nan",
    "NaN",
    "inf",
    "-Infinity",
    "1,5",
    "12abc",
    "",
    " ",
    "9007199254740993",
    "1e400",
    "0.1e1",
    "00012",
    "1__0",
    "_1",
  ),
  padded(fc.integer({ min: -1000, max: 1000 }).map(String)),
  fc
    .tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 99999 }))
    .map(([a, b]) => `${a}.${b}`),
);
