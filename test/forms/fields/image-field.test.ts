import { crc32, deflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { ImageField, ImageFile } from "../../../src/forms/fields/image-field.js";
import { Form } from "../../../src/forms/form.js";
import { formMeta } from "../../../src/forms/form-meta.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import {
  FileExtensionValidator,
  IMAGE_EXTENSIONS,
} from "../../../src/forms/validators/file-extension.js";
import { ClearableFileInput, FileInput } from "../../../src/forms/widgets/widget.js";
import { browser, server } from "./support/outcome.js";

// Real 1x1 images, built here byte by byte.
function bytes(...parts: Array<number[] | Uint8Array | string>): Uint8Array {
  const arrays = parts.map((p) =>
    typeof p === "string" ? new TextEncoder().encode(p) : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = bytes(type, data);
  return bytes(u32be(data.length), body, u32be(crc32(body)));
}

/** A 1x1 opaque red RGBA PNG (Django's filepath_test_files/1x1.png is one too). */
const PNG = bytes(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  pngChunk("IHDR", bytes(u32be(1), u32be(1), [8, 6, 0, 0, 0])),
  pngChunk("IDAT", deflateSync(Uint8Array.from([0, 255, 0, 0, 255]))),
  pngChunk("IEND", new Uint8Array()),
);

/** The classic 1x1 transparent GIF89a. */
const GIF = Uint8Array.from(
  Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"),
);

/** A 1x1 grey baseline JPEG: one DC and one AC Huffman code, one block (DC 0, then EOB). */
const JPEG = bytes(
  [0xff, 0xd8],
  [0xff, 0xe0, 0, 16],
  "JFIF\0",
  [1, 1, 0, 0, 1, 0, 1, 0, 0],
  [0xff, 0xdb, 0, 67, 0],
  new Array(64).fill(1),
  [0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0],
  [0xff, 0xc4, 0, 20, 0x00, 1, ...new Array(15).fill(0), 0],
  [0xff, 0xc4, 0, 20, 0x10, 1, ...new Array(15).fill(0), 0],
  [0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0],
  [0x3f],
  [0xff, 0xd9],
);

/** A 1x1 24-bit BMP (Django's filepath_test_files/1x1.bmp is one too). */
const BMP = bytes(
  "BM",
  u32le(14 + 40 + 4),
  [0, 0, 0, 0],
  u32le(14 + 40),
  u32le(40),
  u32le(1),
  u32le(1),
  u16le(1),
  u16le(24),
  u32le(0),
  u32le(4),
  u32le(2835),
  u32le(2835),
  u32le(0),
  u32le(0),
  [0, 0, 255, 0],
);

/** A 1x1 cursor (a PNG inside): a format Pillow has no MIME type for. */
const CUR = bytes(
  u16le(0),
  u16le(2),
  u16le(1),
  [1, 1, 0, 0],
  u16le(0),
  u16le(0),
  u32le(PNG.length),
  u32le(22),
  PNG,
);

/** PNG's signature and the start of its header, cut short. */
const TRUNCATED_PNG = PNG.slice(0, 18);

const file = (data: Uint8Array | string, name: string, type = "") =>
  new File([data as BlobPart], name, { type });

async function clean(field: ImageField, value: unknown) {
  try {
    return { value: await field.cleanAsync(value) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { errors: e.errors.map((x) => [x.code, x.message]) };
  }
}

const INVALID_IMAGE = [
  "invalid_image",
  "Upload a valid image. The file you uploaded was either not an image or a corrupted image.",
];
const extensionError = (ext: string) => [
  "invalid_extension",
  `File extension “${ext}” is not allowed. Allowed extensions are: ${IMAGE_EXTENSIONS.join(", ")}.`,
];

describe("ImageField (Django's test_imagefield.py)", () => {
  test.each([
    // test_imagefield_annotate_with_image_after_clean: the browser said text/plain.
    ["1x1.png", PNG, "PNG", "image/png"],
    ["1x1.gif", GIF, "GIF", "image/gif"],
    ["1x1.jpg", JPEG, "JPEG", "image/jpeg"],
    // test_imagefield_annotate_with_bitmap_image_after_clean
    ["1x1.bmp", BMP, "BMP", "image/bmp"],
    // ...and its "Pillow has no MIME type for the format" case (#24948): type "".
    ["1x1.cur", CUR, "CUR", ""],
  ])("%s is a %s image, typed %j", async (name, data, format, type) => {
    const upload = file(data, name, "text/plain");
    const result = await clean(new ImageField(), upload);
    const cleaned = (result as { value: ImageFile }).value;
    expect(cleaned).toBeInstanceOf(ImageFile);
    expect(cleaned).toBeInstanceOf(File);
    expect(cleaned.image).toEqual({ format, width: 1, height: 1 });
    expect([cleaned.width, cleaned.height]).toEqual([1, 1]);
    expect(cleaned.type).toBe(type);
    expect(cleaned.name).toBe(name);
    expect(new Uint8Array(await cleaned.arrayBuffer())).toEqual(data);
  });

  test.each([
    // test_corrupted_image
    ["not_an_image.jpg", "not an image", [INVALID_IMAGE]],
    ["not_an_image_tmp.png", "x", [INVALID_IMAGE]],
    // Django's filepath_test_files/fake-image.jpg is a text file.
    ["fake-image.jpg", "I am a text file, not a JPEG.\n", [INVALID_IMAGE]],
    ["truncated.png", TRUNCATED_PNG, [INVALID_IMAGE]],
    ["zeros.png", new Uint8Array(64), [INVALID_IMAGE]],
    [
      "drawing.png",
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      [INVALID_IMAGE],
    ],
    // test_file_extension_validation: a real PNG, named .txt.
    ["1x1.txt", PNG, [extensionError("txt")]],
    ["1x1", PNG, [extensionError("")]],
    ["1X1.PNG", PNG, "ok"],
    // FileField's own checks come first (Django's super().to_python).
    ["empty.png", "", [["empty", "The submitted file is empty."]]],
  ])("%s", async (name, data, expected) => {
    const result = await clean(new ImageField(), file(data, name));
    if (expected === "ok") expect(result).toHaveProperty("value");
    else expect(result).toEqual({ errors: expected });
  });

  test.each([
    [null, { errors: [["required", "This field is required."]] }],
    ["", { errors: [["required", "This field is required."]] }],
    [
      "a string",
      { errors: [["invalid", "No file was submitted. Check the encoding type on the form."]] },
    ],
    [{ name: "1x1.png", size: 10 }, { errors: [INVALID_IMAGE] }],
  ])("FileField's input rules: %j", async (input, expected) => {
    expect(await clean(new ImageField(), input)).toEqual(expected);
  });

  test("an optional field: nothing, cleared, or the stored file", async () => {
    const f = new ImageField({ required: false });
    expect(await f.cleanAsync(null)).toBeNull();
    expect(await f.cleanAsync(false)).toBe(false);
    expect(await f.cleanAsync(null, "avatars/me.png")).toBe("avatars/me.png");
  });

  test("clean() needs the bytes read first", async () => {
    const f = new ImageField();
    const upload = file(PNG, "1x1.png");
    expect(() => f.clean(upload)).toThrow(TypeError);
    await f.cleanAsync(upload);
    expect(f.clean(upload)).toBeInstanceOf(ImageFile);
  });

  test("errorMessages override invalid_image and invalid_extension", async () => {
    const f = new ImageField({
      errorMessages: { invalid_image: "Not a picture.", invalid_extension: "No .%(extension)s." },
    });
    expect(await clean(f, file("text", "a.png"))).toEqual({
      errors: [["invalid_image", "Not a picture."]],
    });
    expect(await clean(f, file(PNG, "a.txt"))).toEqual({
      errors: [["invalid_extension", "No .txt."]],
    });
  });

  test("FileField's limits still apply", async () => {
    const f = new ImageField({ maxSize: 10, maxLength: 5 });
    expect(await clean(f, file(PNG, "1x1.png"))).toEqual({
      errors: [["max_length", "Ensure this filename has at most 5 characters (it has 7)."]],
    });
    expect(await clean(new ImageField({ maxSize: 10 }), file(PNG, "a.png"))).toEqual({
      errors: [["max_size", "Ensure this file is at most 10\u00a0bytes (it is 70\u00a0bytes)."]],
    });
  });

  // test_widget_attrs_default_accept / _accept_specified / _accept_false
  test.each([
    ["default", undefined, { accept: "image/*" }],
    ["FileInput", new FileInput(), { accept: "image/*" }],
    ["ClearableFileInput", new ClearableFileInput(), { accept: "image/*" }],
    ["accept given", new FileInput({ accept: "image/png" }), { accept: "image/png" }],
    ["accept false", new FileInput({ accept: false }), { accept: false }],
  ])("widget attrs, %s", (_name, widget, attrs) => {
    const f = new ImageField(widget ? { widget } : {});
    expect(f.widget.attrs).toEqual(attrs);
  });

  test("server-rules; the browser runs FileField's shared checks", () => {
    const schema = new ImageField().jsonSchema();
    expect(schema["x-mizan-server-rules"]).toBe(true);
    expect(schema["x-mizan-coerce"]).toMatchObject({ kind: "file" });
    expect(schema["x-mizan-field"]).toBe("ImageField");
  });

  // The shared part agrees with the server where the server needs no bytes.
  test.each([null, "", false, "a string", 3, file("", "empty.png"), file(PNG, "x".repeat(9))])(
    "browser parity without bytes: %j",
    (input) => {
      const make = () => new ImageField({ maxLength: 8 });
      expect(browser(make(), input)).toEqual(server(make(), input));
    },
  );
});

describe("ImageField in a form", () => {
  class AvatarForm extends Form<AvatarForm> {
    static override meta = formMeta({ name: "avatar_image" });
    avatar = new ImageField();
    banner = new ImageField({ required: false });
  }

  test("isValid() reads the uploads and cleans them to ImageFiles", async () => {
    const form = new AvatarForm({
      data: { avatar: file(PNG, "me.png"), banner: file(GIF, "b.gif") },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData.avatar).toBeInstanceOf(ImageFile);
    expect((form.cleanedData.avatar as ImageFile).image.format).toBe("PNG");
    expect((form.cleanedData.banner as ImageFile).type).toBe("image/gif");
  });

  test("errors by field; a stored file stays when nothing is uploaded", async () => {
    const bad = new AvatarForm({
      data: { avatar: file("text", "me.png"), banner: file(PNG, "b.txt") },
    });
    expect(await bad.isValid()).toBe(false);
    expect(bad.errors.avatar?.map((e) => e.code)).toEqual(["invalid_image"]);
    expect(bad.errors.banner?.map((e) => e.code)).toEqual(["invalid_extension"]);
    const kept = new AvatarForm({ data: { avatar: null }, initial: { avatar: "avatars/me.png" } });
    expect(await kept.isValid()).toBe(true);
    expect(kept.cleanedData).toEqual({ avatar: "avatars/me.png", banner: null });
  });
});

describe("FileExtensionValidator", () => {
  test.each([
    [["pdf", "TXT"], "notes.txt", null],
    [["pdf"], "notes.TXT", ["txt", "pdf"]],
    [["pdf", "txt"], ".pdf", ["", "pdf, txt"]],
    [["pdf"], "archive.tar.pdf", null],
    [["pdf"], "dir.pdf/notes", ["", "pdf"]],
    [["pdf"], "photo.", ["", "pdf"]],
    [null, "anything.exe", null],
  ])("%j: %j", (allowed, name, failure) => {
    const v = new FileExtensionValidator(allowed);
    const run = () => v.validate(file("x", name));
    if (!failure) return expect(run).not.toThrow();
    try {
      run();
      throw new Error("expected a ValidationError");
    } catch (e) {
      expect((e as ValidationError).errors).toEqual([
        {
          code: "invalid_extension",
          message: `File extension “${failure[0]}” is not allowed. Allowed extensions are: ${failure[1]}.`,
          params: { extension: failure[0], allowed_extensions: failure[1] },
        },
      ]);
    }
  });
});
