import fc from "fast-check";
import { EverythingForm } from "./support.js";

const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "polluted",
  "isStaff",
  "",
  "a.b",
  "0",
] as const;

const NASTY_LEAVES = [
  "null",
  "true",
  "false",
  "0",
  "-0",
  "-0.0",
  "1e400",
  "-1e400",
  "1e-400",
  "9007199254740993",
  "123456789012345678901234567890",
  '""',
  '" "',
  '"\\u0000"',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"NaN"',
  '"Infinity"',
  '"1e400"',
  '"-0"',
  '"2024-02-30"',
  '"25:61:61"',
  '"P99999999999999999999D"',
  '"<script>alert(1)</script>"',
  '"\\u202e"',
  '"a@b"',
  '"http://[::1"',
  '"%00"',
] as const;

/** Raw JSON text (so `__proto__` keys survive), with hostile keys and numbers at every level. */
export const jsonText = fc.letrec<{ value: string; leaf: string; array: string; object: string }>(
  (tie) => ({
    value: fc.oneof({ depthSize: "small", maxDepth: 4 }, tie("leaf"), tie("array"), tie("object")),
    leaf: fc.oneof(
      fc.constantFrom(...NASTY_LEAVES),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
      fc.integer().map(String),
      fc.string({ maxLength: 12, unit: "binary" }).map((s) => JSON.stringify(s)),
    ),
    array: fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    object: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 6 })),
          tie("value"),
        ),
        {
          maxLength: 4,
        },
      )
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
  }),
).value;

/** A form's `data` as raw JSON text: some of its fields, each with any value, plus strays. */
export function formDataText(fieldNames: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), fc.constantFrom(...NASTY_KEYS)), jsonText),
      {
        maxLength: 8,
      },
    )
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`);
}

export const FIELDS = [...new EverythingForm().fields.keys()];
export const FUNCTIONS = [
  "echo",
  "identity",
  "everything.schema",
  "everything.validate",
  "everything.submit",
  "nope",
  "../etc/passwd",
  "__proto__",
  "constructor",
  "",
];

/** One generated HTTP request. */
export interface Spec {
  method: string;
  path: string;
  contentType: string | null;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

const paths = fc.oneof(
  fc.constantFrom(
    "/api/mizan/call/",
    "/api/mizan/call",
    "/api/mizan/call//",
    "/api/mizan//call/",
    "/api/mizan/manifest/",
    "/api/mizan/manifest",
    "/api/mizan/ctx/site/",
    "/api/mizan/ctx/%E0%A4%A/",
    "/api/mizan/ctx/..%2F..%2Fetc/",
    "/api/mizan/",
    "/api/mizan",
    "/api/mizanx/call/",
    "/api/Mizan/call/",
    "/api/mizan/call/extra",
    "/api/mizan/%00/",
    "/",
  ),
  fc.webPath(),
  fc.webPath().map((p) => `/api/mizan${p}`),
);

const contentTypes = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/json;;;",
    "multipart/form-data",
    "multipart/form-data; boundary=XyZ",
    'multipart/form-data; boundary="XyZ"',
    "multipart/form-data; boundary=",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/xml",
    "*/*",
    "",
  ),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.constant(null),
);

const argsText = fc.oneof(
  { weight: 3, arbitrary: formDataText(FIELDS) },
  { weight: 1, arbitrary: jsonText },
);

const envelopeText = fc
  .tuple(fc.constantFrom(...FUNCTIONS), argsText, fc.boolean())
  .map(([fn, args, wrap]) =>
    wrap && fn.startsWith("everything.")
      ? `{"fn":${JSON.stringify(fn)},"args":{"data":${args}}}`
      : `{"fn":${JSON.stringify(fn)},"args":${args}}`,
  );

const multipartText = fc
  .tuple(
    fc.constantFrom(...FUNCTIONS),
    argsText,
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom("args.data.avatar", "args.data.address.photo", "args.data.items.0.scan"),
          fc.constantFrom("args.__proto__.x", "args.a..b", "args.data.items.99999.scan", "avatar"),
          fc.string({ maxLength: 10 }).map((s) => `args.${s}`),
        ),
        fc.string({ maxLength: 200 }),
        fc.option(fc.constantFrom("image/png", "text/plain", "application/x-evil"), {
          nil: undefined,
        }),
      ),
      { maxLength: 3 },
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
  )
  .map(([fn, args, files, closed]) => {
    const data = fn.startsWith("everything.") ? `{"data":${args}}` : args;
    let out = `--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\n${fn}\r\n`;
    out += `--XyZ\r\nContent-Disposition: form-data; name="args"\r\n\r\n${data}\r\n`;
    for (const [name, content, type] of files) {
      out += `--XyZ\r\nContent-Disposition: form-data; name="${name}"; filename="f.bin"\r\n`;
      if (type) out += `Content-Type: ${type}\r\n`;
      out += `\r\n${content}\r\n`;
    }
    return closed ? `${out}--XyZ--\r\n` : out;
  });

const bodies = fc.oneof(
  envelopeText,
  jsonText,
  multipartText,
  fc
    .tuple(fc.constantFrom(...FUNCTIONS), jsonText)
    .map(([fn, args]) => `fn=${encodeURIComponent(fn)}&args=${encodeURIComponent(args)}`),
  envelopeText.chain((text) => fc.nat(text.length).map((n) => text.slice(0, n))),
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x66, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  fc.constant(null),
);

const headers = fc.dictionary(
  fc.constantFrom(
    "x-csrftoken",
    "cookie",
    "accept-language",
    "authorization",
    "origin",
    "referer",
    "content-length",
    "accept",
    "x-forwarded-proto",
    "transfer-encoding-ish",
  ),
  fc.oneof(
    fc.stringMatching(/^[\x21-\x7e]{0,40}$/),
    fc.constantFrom("csrftoken=abc", "999999999999", "-1", "null"),
  ),
  { maxKeys: 2 },
);

const callPaths = fc.constantFrom("/api/mizan/call/", "/api/mizan/call");

const urlencodedText = fc
  .tuple(fc.constantFrom(...FUNCTIONS), fc.oneof(jsonText, formDataText(FIELDS)))
  .map(([fn, args]) => `fn=${encodeURIComponent(fn)}&args=${encodeURIComponent(args)}`);

/** Mostly a body that matches its content type (so parsing gets deep), sometimes any pair. */
const typedBodies: fc.Arbitrary<[string | null, string | Uint8Array | null]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constant<string | null>("application/json"), bodies) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constant("multipart/form-data; boundary=XyZ"), multipartText),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constant("application/x-www-form-urlencoded"), urlencodedText),
  },
  { weight: 2, arbitrary: fc.tuple(contentTypes, bodies) },
);

export const specs: fc.Arbitrary<Spec> = fc
  .record({
    method: fc.oneof(
      { weight: 6, arbitrary: fc.constant("POST") },
      { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") },
    ),
    path: fc.oneof({ weight: 6, arbitrary: callPaths }, { weight: 2, arbitrary: paths }),
    typed: typedBodies,
    headers,
  })
  .map(({ typed: [contentType, body], ...rest }) => ({ ...rest, contentType, body }));
