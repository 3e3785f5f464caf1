import { describe, expect, expectTypeOf, test } from "vitest";
import { FILE_INPUT_CONTRADICTION, FileField } from "../../../src/forms/fields/file-field.js";
import { filesizeformat } from "../../../src/forms/rules/file.js";
import { COERCERS, RULES } from "../../../src/forms/rules/index.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { FileInput } from "../../../src/forms/widgets/widget.js";

function errorsOf(fn: () => unknown): Array<{ code: string; message: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError)
      return e.errors.map(({ code, message }) => ({ code, message }));
    throw e;
  }
  throw new Error("expected a ValidationError");
}

/** Django's SimpleUploadedFile(name, content). */
function upload(name: string, content: string | null, type = ""): File {
  return new File(content === null ? [] : [content], name, { type });
}

const REQUIRED = [{ code: "required", message: "This field is required." }];
const NO_FILE = [
  { code: "invalid", message: "No file was submitted. Check the encoding type on the form." },
];
const EMPTY = [{ code: "empty", message: "The submitted file is empty." }];

describe("FileField (Django's test_filefield.py)", () => {
  test("test_filefield_1", () => {
    const f = new FileField();
    expect(errorsOf(() => f.clean(""))).toEqual(REQUIRED);
    expect(errorsOf(() => f.clean("", ""))).toEqual(REQUIRED);
    expect(f.clean("", "files/test1.pdf")).toBe("files/test1.pdf");
    expect(errorsOf(() => f.clean(null))).toEqual(REQUIRED);
    expect(errorsOf(() => f.clean(null, ""))).toEqual(REQUIRED);
    expect(f.clean(null, "files/test2.pdf")).toBe("files/test2.pdf");
    const nameless = upload("", "");
    expect(errorsOf(() => f.clean(nameless))).toEqual(NO_FILE);
    expect(errorsOf(() => f.clean(nameless, ""))).toEqual(NO_FILE);
    expect(f.clean(null, "files/test3.pdf")).toBe("files/test3.pdf");
    expect(errorsOf(() => f.clean("some content that is not a file"))).toEqual(NO_FILE);
    expect(errorsOf(() => f.clean(upload("name", null)))).toEqual(EMPTY);
    expect(errorsOf(() => f.clean(upload("name", "")))).toEqual(EMPTY);
    const file = upload("name", "Some File Content");
    expect(f.clean(file)).toBe(file);
    const unicode = upload("我隻氣墊船裝滿晒鱔.txt", "मेरी मँडराने वाली नाव सर्पमीनों से भरी ह");
    expect(f.clean(unicode)).toBe(unicode);
    expect(f.clean(file, "files/test4.pdf")).toBe(file);
  });

  test("test_filefield_2: max_length on the name", () => {
    const f = new FileField({ maxLength: 5 });
    expect(errorsOf(() => f.clean(upload("test_maxlength.txt", "hello world")))).toEqual([
      { code: "max_length", message: "Ensure this filename has at most 5 characters (it has 18)." },
    ]);
    expect(f.clean("", "files/test1.pdf")).toBe("files/test1.pdf");
    expect(f.clean(null, "files/test2.pdf")).toBe("files/test2.pdf");
    const file = upload("name", "Some File Content");
    expect(f.clean(file)).toBe(file);
    expect(
      errorsOf(() => new FileField({ maxLength: 1 }).clean(upload("ab", "x")))[0]?.message,
    ).toBe("Ensure this filename has at most 1 character (it has 2).");
    // Python's len(): code points, so one emoji is one character.
    expect(new FileField({ maxLength: 5 }).clean(upload("😀.txt", "x")).name).toBe("😀.txt");
  });

  test("test_filefield_3: allow_empty_file", () => {
    const file = upload("name", "");
    expect(new FileField({ allowEmptyFile: true }).clean(file)).toBe(file);
  });

  test("test_filefield_changed", () => {
    const f = new FileField();
    expect(f.hasChanged("", null)).toBe(false);
    expect(f.hasChanged("", { filename: "resume.txt", content: "My resume" })).toBe(true);
    expect(f.hasChanged("resume.txt", null)).toBe(false);
    expect(f.hasChanged("resume.txt", { filename: "resume.txt", content: "My resume" })).toBe(true);
  });

  test("test_disabled_has_changed", () => {
    expect(new FileField({ disabled: true }).hasChanged("x", "y")).toBe(false);
  });

  test("contradiction, and clearing (ClearableFileInput)", () => {
    expect(errorsOf(() => new FileField().clean(FILE_INPUT_CONTRADICTION))).toEqual([
      {
        code: "contradiction",
        message: "Please either submit a file or check the clear checkbox, not both.",
      },
    ]);
    expect(new FileField({ required: false }).clean(false, "files/old.pdf")).toBe(false);
    expect(errorsOf(() => new FileField().clean(false))).toEqual(REQUIRED);
    expect(new FileField().clean(false, "files/old.pdf")).toBe("files/old.pdf");
  });

  test("bound data is always the initial", () => {
    expect(new FileField().boundData(upload("a", "b"), "files/a.pdf")).toBe("files/a.pdf");
  });
});

/** Django's docs MultipleFileField, as a subclass (test_filefield.py's MultipleFileFieldTest). */
class MultipleFileField extends FileField {
  override clean(data: unknown, initial?: unknown): never {
    const one = (d: unknown) => super.clean(d, initial);
    return (Array.isArray(data) ? data.map(one) : one(data)) as never;
  }
}

describe("MultipleFileField (Django's test_filefield.py)", () => {
  test("test_file_multiple", () => {
    const files = [upload("name1", "Content 1"), upload("name2", "Content 2")];
    expect(new MultipleFileField().clean(files)).toEqual(files);
  });

  test("test_file_multiple_empty", () => {
    const files = [upload("empty", ""), upload("nonempty", "Some Content")];
    expect(errorsOf(() => new MultipleFileField().clean(files))).toEqual(EMPTY);
    expect(errorsOf(() => new MultipleFileField().clean([...files].reverse()))).toEqual(EMPTY);
  });
});

describe("FileField size and content type (mizan)", () => {
  test("maxSize: human-readable sizes in the message", () => {
    const f = new FileField({ maxSize: 2 * 1024 * 1024 });
    expect(f.clean(upload("ok.bin", "x".repeat(10)))).toBeInstanceOf(File);
    const big = { name: "big.bin", size: 3_250_586, type: "" };
    expect(errorsOf(() => f.clean(big))).toEqual([
      { code: "max_size", message: "Ensure this file is at most 2.0\u00a0MB (it is 3.1\u00a0MB)." },
    ]);
  });

  test("allowedContentTypes: exact and wildcard, case-insensitive, parameters ignored", () => {
    const f = new FileField({ allowedContentTypes: ["image/*", "application/pdf"] });
    for (const type of ["image/png", "IMAGE/JPEG", "application/pdf", "application/PDF; x=1"]) {
      expect(f.clean(upload("a", "x", type))).toBeInstanceOf(File);
    }
    expect(errorsOf(() => f.clean(upload("a.sh", "x", "text/x-sh")))).toEqual([
      {
        code: "content_type",
        message:
          "File type “text/x-sh” is not allowed. Allowed types are: image/*, application/pdf.",
      },
    ]);
    expect(errorsOf(() => f.clean(upload("a", "x")))[0]?.message).toBe(
      "File type “” is not allowed. Allowed types are: image/*, application/pdf.",
    );
  });

  test("size and type errors are reported together, after the to_python checks", () => {
    const f = new FileField({ maxSize: 1, allowedContentTypes: ["image/png"] });
    expect(
      errorsOf(() => f.clean(upload("a.txt", "too big", "text/plain"))).map((e) => e.code),
    ).toEqual(["max_size", "content_type"]);
    expect(errorsOf(() => f.clean(upload("a.txt", "", "text/plain"))).map((e) => e.code)).toEqual([
      "empty",
    ]);
  });

  test("errorMessages override mizan's codes too", () => {
    const f = new FileField({
      maxSize: 1,
      errorMessages: { max_size: "Max %(max_size)s, got %(size)s." },
    });
    expect(errorsOf(() => f.clean(upload("a", "abc")))[0]?.message).toBe(
      "Max 1\u00a0byte, got 3\u00a0bytes.",
    );
  });

  test("allowedContentTypes sets the input's accept attribute unless given", () => {
    expect(new FileField({ allowedContentTypes: ["image/*", ".pdf"] }).widget.attrs.accept).toBe(
      "image/*,.pdf",
    );
    const widget = new FileInput({ accept: "image/png" });
    expect(new FileField({ allowedContentTypes: ["image/*"], widget }).widget.attrs.accept).toBe(
      "image/png",
    );
  });
});

describe("filesizeformat (Django's template filter)", () => {
  test.each([
    [0, "0\u00a0bytes"],
    [1, "1\u00a0byte"],
    [1023, "1023\u00a0bytes"],
    [1024, "1.0\u00a0KB"],
    [10 * 1024, "10.0\u00a0KB"],
    [1024 * 1024 - 1, "1024.0\u00a0KB"],
    [1024 * 1024, "1.0\u00a0MB"],
    [1024 * 1024 * 50, "50.0\u00a0MB"],
    [1024 * 1024 * 1024 - 1, "1024.0\u00a0MB"],
    [1024 * 1024 * 1024, "1.0\u00a0GB"],
    [1024 ** 4, "1.0\u00a0TB"],
    [1024 ** 5, "1.0\u00a0PB"],
    [1024 ** 5 * 2000, "2000.0\u00a0PB"],
    [-1, "-1\u00a0byte"],
    [-100, "-100\u00a0bytes"],
    [-1024 * 1024 * 50, "-50.0\u00a0MB"],
    [2304, "2.2\u00a0KB"], // round(2.25, 1) is 2.2 in Python: ties go to even
    [Number.NaN, "0\u00a0bytes"],
  ])("%j → %j", (bytes, expected) => {
    expect(filesizeformat(bytes)).toBe(expected);
  });
});

describe("FileField schema: the browser runs the same checks", () => {
  test("jsonSchema", () => {
    const f = new FileField({ maxLength: 100, maxSize: 1024, allowedContentTypes: ["image/*"] });
    f.name = "avatar";
    expect(f.jsonSchema()).toEqual({
      format: "binary",
      title: "Avatar",
      errorMessage: {
        required: "This field is required.",
        invalid: "No file was submitted. Check the encoding type on the form.",
        missing: "No file was submitted.",
        empty: "The submitted file is empty.",
        max_length: "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        contradiction: "Please either submit a file or check the clear checkbox, not both.",
      },
      "x-mizan-message-keys": {
        contradiction: "FileField.contradiction",
        empty: "FileField.empty",
        invalid: "FileField.invalid",
        max_length: "FileField.max_length",
        missing: "FileField.missing",
        required: "Field.required",
      },
      "x-mizan-field": "FileField",
      "x-mizan-required": true,
      "x-mizan-empty": null,
      "x-mizan-widget": "ClearableFileInput",
      "x-mizan-ts": { input: "File | null | false", output: "File" },
      "x-mizan-coerce": {
        kind: "file",
        params: { max_length: 100, allow_empty_file: false, required: true },
      },
      "x-mizan-rules": [
        {
          rule: "file_max_size",
          code: "max_size",
          message: "Ensure this file is at most 1.0\u00a0KB (it is %(size)s).",
          key: "FileField.max_size",
          params: { limit_value: 1024, max_size: "1.0\u00a0KB" },
        },
        {
          rule: "file_content_type",
          code: "content_type",
          message: "File type “%(content_type)s” is not allowed. Allowed types are: image/*.",
          key: "FileField.content_type",
          params: { allowed: ["image/*"], allowed_content_types: "image/*" },
        },
      ],
    });
  });

  test("the shared coercer and rules give the server's verdicts", () => {
    const schema = new FileField({ maxLength: 3, maxSize: 2 }).jsonSchema();
    const coerce = schema["x-mizan-coerce"] as { kind: string; params: Record<string, never> };
    const run = (v: unknown) => COERCERS[coerce.kind]?.(v, coerce.params);
    expect(run(upload("abcd", "x"))).toEqual({
      ok: false,
      code: "max_length",
      params: { max: 3, length: 4 },
    });
    expect(run(upload("abc", ""))).toEqual({ ok: false, code: "empty" });
    expect(run("text")).toEqual({ ok: false, code: "invalid" });
    expect(run(false)).toEqual({ ok: true, value: null });
    expect(RULES.file_max_size?.(upload("abc", "xyz"), { limit_value: 2 })).toEqual({
      size: "3\u00a0bytes",
      show_value: 3,
    });
  });

  test("a static initial makes an empty upload acceptable in the browser too", () => {
    expect(new FileField({ initial: "files/a.pdf" }).jsonSchema()["x-mizan-required"]).toBe(false);
    expect(new FileField({ initial: () => "files/a.pdf" }).jsonSchema()["x-mizan-required"]).toBe(
      true,
    );
  });

  test("describe: multipart widget and constraints", () => {
    const f = new FileField({ required: false, maxSize: 10 });
    f.name = "avatar";
    expect(f.describe()).toMatchObject({
      type: "FileField",
      required: false,
      max_length: null,
      allow_empty_file: false,
      max_size: 10,
      allowed_content_types: null,
      widget: { type: "ClearableFileInput", input_type: "file", needs_multipart_form: true },
    });
  });

  test("cleaned type follows `required` and `initial`", () => {
    expectTypeOf(new FileField().clean).returns.toEqualTypeOf<File>();
    expectTypeOf(new FileField({ required: false }).clean).returns.toEqualTypeOf<
      File | null | false
    >();
    expectTypeOf(new FileField({ initial: "files/a.pdf" }).clean).returns.toEqualTypeOf<
      File | string
    >();
  });
});
