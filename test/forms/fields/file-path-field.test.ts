import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FilePathField } from "../../../src/forms/fields/file-path-field.js";
import { Form } from "../../../src/forms/form.js";
import { formMeta } from "../../../src/forms/form-meta.js";
import { server } from "./support/outcome.js";

// Django's tests/forms_tests/field_tests/test_filepathfield.py, over a copy of its
// filepathfield_test_dir made in a temporary directory.
const TREE = [
  "README",
  "__init__.py",
  "a.py",
  "ab.py",
  "b.py",
  "c/__init__.py",
  "c/d.py",
  "c/e.py",
  "c/f/__init__.py",
  "c/f/g.py",
  "h/__init__.py",
  "j/__init__.py",
  // Django skips __pycache__ folders (their files are walked, and .pyc does not match).
  "__pycache__/a.cpython-312.pyc",
];

let PATH = "";
let root = "";

/** Django's fix_os_paths: full paths shown from the test directory's name. */
function fixOsPaths(choices: unknown): unknown {
  return JSON.parse(JSON.stringify(choices).split(root).join("").replaceAll("\\\\", "/"));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "mizan-filepath-"));
  PATH = `${join(root, "filepathfield_test_dir")}/`;
  for (const file of TREE) {
    await mkdir(join(PATH, file, ".."), { recursive: true });
    await writeFile(join(PATH, file), "");
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const expectedChoices = [
  ["/filepathfield_test_dir/__init__.py", "__init__.py"],
  ["/filepathfield_test_dir/a.py", "a.py"],
  ["/filepathfield_test_dir/ab.py", "ab.py"],
  ["/filepathfield_test_dir/b.py", "b.py"],
  ["/filepathfield_test_dir/c/__init__.py", "__init__.py"],
  ["/filepathfield_test_dir/c/d.py", "d.py"],
  ["/filepathfield_test_dir/c/e.py", "e.py"],
  ["/filepathfield_test_dir/c/f/__init__.py", "__init__.py"],
  ["/filepathfield_test_dir/c/f/g.py", "g.py"],
  ["/filepathfield_test_dir/h/__init__.py", "__init__.py"],
  ["/filepathfield_test_dir/j/__init__.py", "__init__.py"],
];

describe("FilePathField (Django's test_filepathfield.py)", () => {
  test("test_fix_os_paths", () => {
    expect(fixOsPaths(PATH)).toBe("/filepathfield_test_dir/");
  });

  test("test_nonexistent_path", () => {
    const f = new FilePathField({ path: "nonexistent" });
    expect(() => f.choices).toThrow(/nonexistent/);
  });

  test.each([
    [
      "test_no_options",
      {},
      [["/filepathfield_test_dir/README", "README"], ...expectedChoices.slice(0, 4)],
    ],
    ["test_match", { match: "^.*?\\.py$" }, expectedChoices.slice(0, 4)],
    ["test_match (a RegExp)", { match: /^.*?\.py$/g }, expectedChoices.slice(0, 4)],
    [
      "test_recursive",
      { recursive: true, match: "^.*?\\.py$" },
      [
        ["/filepathfield_test_dir/__init__.py", "__init__.py"],
        ["/filepathfield_test_dir/a.py", "a.py"],
        ["/filepathfield_test_dir/ab.py", "ab.py"],
        ["/filepathfield_test_dir/b.py", "b.py"],
        ["/filepathfield_test_dir/c/__init__.py", "c/__init__.py"],
        ["/filepathfield_test_dir/c/d.py", "c/d.py"],
        ["/filepathfield_test_dir/c/e.py", "c/e.py"],
        ["/filepathfield_test_dir/c/f/__init__.py", "c/f/__init__.py"],
        ["/filepathfield_test_dir/c/f/g.py", "c/f/g.py"],
        ["/filepathfield_test_dir/h/__init__.py", "h/__init__.py"],
        ["/filepathfield_test_dir/j/__init__.py", "j/__init__.py"],
      ],
    ],
    [
      "test_allow_folders",
      { allowFolders: true, allowFiles: false },
      [
        ["/filepathfield_test_dir/c", "c"],
        ["/filepathfield_test_dir/h", "h"],
        ["/filepathfield_test_dir/j", "j"],
      ],
    ],
    [
      "test_recursive_no_folders_or_files",
      { recursive: true, allowFolders: false, allowFiles: false },
      [],
    ],
    [
      "test_recursive_folders_without_files",
      { recursive: true, allowFolders: true, allowFiles: false },
      [
        ["/filepathfield_test_dir/c", "c"],
        ["/filepathfield_test_dir/h", "h"],
        ["/filepathfield_test_dir/j", "j"],
        ["/filepathfield_test_dir/c/f", "c/f"],
      ],
    ],
    [
      "recursive, files from every folder (__pycache__'s included, as os.walk lists them)",
      { recursive: true, match: "^[a-c]" },
      [
        ["/filepathfield_test_dir/a.py", "a.py"],
        ["/filepathfield_test_dir/ab.py", "ab.py"],
        ["/filepathfield_test_dir/b.py", "b.py"],
        ["/filepathfield_test_dir/__pycache__/a.cpython-312.pyc", "__pycache__/a.cpython-312.pyc"],
      ],
    ],
  ])("%s", (_name, options, expected) => {
    const f = new FilePathField({ path: PATH, ...options });
    expect(fixOsPaths(f.choices)).toEqual(expected);
  });

  test("test_clean", () => {
    const f = new FilePathField({ path: PATH });
    expect(server(f, "a.py")).toEqual({
      errors: [
        ["invalid_choice", "Select a valid choice. a.py is not one of the available choices."],
      ],
    });
    const cleaned = server(f, `${PATH}a.py`) as { value: string };
    expect(fixOsPaths(cleaned.value)).toBe("/filepathfield_test_dir/a.py");
  });

  test("not required: a blank choice first, and empty input cleans to ''", () => {
    const f = new FilePathField({ path: PATH, required: false, match: "^a" });
    expect(fixOsPaths(f.choices)).toEqual([
      ["", "---------"],
      ["/filepathfield_test_dir/a.py", "a.py"],
      ["/filepathfield_test_dir/ab.py", "ab.py"],
    ]);
    expect(server(f, "")).toEqual({ value: "" });
    expect(server(new FilePathField({ path: PATH }), "")).toEqual({
      errors: [["required", "This field is required."]],
    });
  });

  test("a path without a trailing separator labels recursive entries from it", () => {
    const f = new FilePathField({ path: PATH.slice(0, -1), recursive: true, match: "^g" });
    expect(fixOsPaths(f.choices)).toEqual([["/filepathfield_test_dir/c/f/g.py", "/c/f/g.py"]]);
  });

  test("recursive over a missing directory lists nothing (os.walk)", () => {
    expect(new FilePathField({ path: join(root, "missing"), recursive: true }).choices).toEqual([]);
  });

  test("symbolic links count as what they point to; linked folders are not entered", async () => {
    const dir = join(root, "links");
    await mkdir(join(dir, "real"), { recursive: true });
    await writeFile(join(dir, "real", "x.txt"), "");
    await symlink(join(dir, "real"), join(dir, "alias"));
    await symlink(join(dir, "real", "x.txt"), join(dir, "y.txt"));
    await symlink(join(dir, "nowhere"), join(dir, "broken"));
    const label = (options: object) =>
      new FilePathField({ path: `${dir}/`, ...options }).choices.map(([, l]) => l);
    expect(label({})).toEqual(["y.txt"]);
    expect(label({ allowFiles: false, allowFolders: true })).toEqual(["alias", "real"]);
    expect(label({ recursive: true, allowFolders: true })).toEqual([
      "broken",
      "y.txt",
      "alias",
      "real",
      "real/x.txt",
    ]);
  });

  test("the directory is read once per field, when the choices are first needed", async () => {
    const dir = join(root, "later");
    await mkdir(dir);
    const f = new FilePathField({ path: `${dir}/` });
    await writeFile(join(dir, "new.txt"), "");
    expect(f.choices.map(([, l]) => l)).toEqual(["new.txt"]);
    await writeFile(join(dir, "newer.txt"), "");
    expect(f.choices.map(([, l]) => l)).toEqual(["new.txt"]);
    expect(new FilePathField({ path: `${dir}/` }).choices.map(([, l]) => l)).toEqual([
      "new.txt",
      "newer.txt",
    ]);
  });

  test("a form lists the directory per instance and checks the choice", async () => {
    class PickForm extends Form<PickForm> {
      static override meta = formMeta({ name: "pick_file" });
      file = new FilePathField({ path: PATH, match: "\\.py$" });
    }
    const good = new PickForm({ data: { file: `${PATH}b.py` } });
    expect(await good.isValid()).toBe(true);
    expect(fixOsPaths(good.cleanedData.file)).toBe("/filepathfield_test_dir/b.py");
    const bad = new PickForm({ data: { file: `${PATH}README` } });
    expect(await bad.isValid()).toBe(false);
    expect(bad.errors.file?.[0]?.code).toBe("invalid_choice");
  });

  test("server-rules: the schema lists no paths; the descriptor does, to render", () => {
    const f = new FilePathField({ path: PATH, match: "^a" });
    f.name = "file";
    const schema = f.jsonSchema();
    expect(schema["x-mizan-server-rules"]).toBe(true);
    expect(schema.enum).toBeUndefined();
    expect(schema["x-mizan-validate"]).toBeUndefined();
    expect(schema.type).toBe("string");
    expect(schema["x-mizan-field"]).toBe("FilePathField");
    const descriptor = f.describe();
    expect(fixOsPaths(descriptor.choices)).toEqual([
      ["/filepathfield_test_dir/a.py", "a.py"],
      ["/filepathfield_test_dir/ab.py", "ab.py"],
    ]);
    expect(descriptor).toMatchObject({ recursive: false, allow_files: true, allow_folders: false });
  });
});
