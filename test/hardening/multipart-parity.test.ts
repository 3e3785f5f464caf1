import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { boundaryOf, readMultipart } from "../../src/server/multipart.js";

/** What a parser made of one part: a text value, or a file's name, type and bytes. */
type Entry = [string, string | { filename: string; type: string; bytes: number[] }];

const decoder = new TextDecoder();

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.slice(from, cut);
    from = cut;
  }
  yield bytes.slice(from);
}

/** mizan's reader (@remix-run/multipart-parser underneath), fed in arbitrary chunks. */
async function ours(bytes: Uint8Array, contentType: string, cuts: number[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const part of readMultipart(chunked(bytes, cuts), boundaryOf(contentType) as string)) {
    const content = part.content.flatMap((chunk) => [...chunk]);
    entries.push([
      part.name,
      part.filename === null
        ? decoder.decode(new Uint8Array(content))
        : { filename: part.filename, type: part.contentType ?? "text/plain", bytes: content },
    ]);
  }
  return entries;
}

/** undici's `Response.formData()`, the reference. */
async function theirs(bytes: Uint8Array, contentType: string): Promise<Entry[]> {
  const form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { "content-type": contentType },
  }).formData();
  const entries: Entry[] = [];
  for (const [name, value] of form) {
    entries.push([
      name,
      typeof value === "string"
        ? value
        : {
            filename: value.name,
            type: value.type,
            bytes: [...new Uint8Array(await value.arrayBuffer())],
          },
    ]);
  }
  return entries;
}

/** Bytes rich in what confuses a boundary search: CR, LF, dashes and the boundary's letters. */
const tricky = fc
  .array(fc.constantFrom(0x0d, 0x0a, 0x2d, 0x58, 0x79, 0x5a, 0x61, 0x00, 0xff), { maxLength: 300 })
  .map((bytes) => new Uint8Array(bytes));

const names = fc.oneof(
  fc.constantFrom("fn", "args", "args.data.avatar", 'quote"d', "line\nbreak", "ünï", ""),
  fc.string({ maxLength: 12 }),
);

describe("the multipart reader agrees with undici's parser", () => {
  test("on FormData as undici serialises it, cut into any chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            names,
            fc.oneof(
              fc.string({ maxLength: 50 }),
              fc.record({
                bytes: tricky,
                filename: fc.oneof(fc.constant(""), fc.string({ maxLength: 10 })),
                type: fc.constantFrom("", "image/png", "text/plain; charset=utf-8"),
              }),
            ),
          ),
          { maxLength: 6 },
        ),
        fc.array(fc.nat(3000), { maxLength: 12 }),
        async (parts, cuts) => {
          const form = new FormData();
          for (const [name, value] of parts) {
            if (typeof value === "string") form.append(name, value);
            else form.append(name, new File([value.bytes], value.filename, { type: value.type }));
          }
          const response = new Response(form);
          const contentType = response.headers.get("content-type") as string;
          const bytes = new Uint8Array(await response.arrayBuffer());
          expect(await ours(bytes, contentType, cuts)).toEqual(await theirs(bytes, contentType));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("on bodies whose contents nearly contain the delimiter: every byte comes back", async () => {
    const enc = new TextEncoder();
    const delimiter = "\r\n--XyZ";
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(tricky, { minLength: 1, maxLength: 4 })
          .filter((contents) =>
            contents.every((c) => !`${String.fromCharCode(...c)}\r\n`.includes(delimiter)),
          ),
        fc.array(fc.nat(2000), { maxLength: 12 }),
        async (contents, cuts) => {
          const pieces: Uint8Array[] = [];
          contents.forEach((content, i) => {
            pieces.push(
              enc.encode(
                `--XyZ\r\nContent-Disposition: form-data; name="f${i}"; filename="f${i}.bin"\r\n\r\n`,
              ),
              content,
              enc.encode("\r\n"),
            );
          });
          pieces.push(enc.encode("--XyZ--\r\n"));
          const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const piece of pieces) {
            bytes.set(piece, at);
            at += piece.length;
          }
          const parsed = await ours(bytes, "multipart/form-data; boundary=XyZ", cuts);
          expect(parsed).toEqual(
            contents.map((content, i) => [
              `f${i}`,
              { filename: `f${i}.bin`, type: "text/plain", bytes: [...content] },
            ]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("stops at the closing delimiter: an epilogue in a chunk of its own is never read", async () => {
    const enc = new TextEncoder();
    async function* body(): AsyncGenerator<Uint8Array> {
      yield enc.encode('--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\necho\r\n--XyZ--');
      yield enc.encode("\r\n");
      throw new Error("the epilogue was read");
    }
    const names: string[] = [];
    for await (const part of readMultipart(body(), "XyZ")) names.push(part.name);
    expect(names).toEqual(["fn"]);
  });

  test.each([
    [
      "a preamble",
      'preamble\r\n--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\nx\r\n--XyZ--',
    ],
    [
      "a leading CRLF",
      '\r\n--XyZ\r\nContent-Disposition: form-data; name="fn"\r\n\r\nx\r\n--XyZ--',
    ],
    [
      "a 17 KiB header block",
      `--XyZ\r\nContent-Disposition: form-data; name="fn"\r\nX-Pad: ${"p".repeat(17 * 1024)}\r\n\r\nx\r\n--XyZ--`,
    ],
  ])("refuses %s (400): browsers never send one", async (_name, text) => {
    const bytes = new TextEncoder().encode(text);
    const error = await ours(bytes, "multipart/form-data; boundary=XyZ", [7, 300]).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
  });

  test.each([
    ["multipart/form-data; boundary=XyZ", "XyZ"],
    ['multipart/form-data; boundary="a b:c"', "a b:c"],
    ["Multipart/Form-Data; charset=utf-8; BOUNDARY=abc", "abc"],
    ["multipart/form-data", null],
    ["multipart/form-data; boundary=", null],
    [`multipart/form-data; boundary=${"x".repeat(71)}`, null],
    ["multipart/form-data; boundary=bad\u0000", null],
  ])("boundaryOf(%s) → %s", (contentType, boundary) => {
    expect(boundaryOf(contentType)).toBe(boundary);
  });
});
