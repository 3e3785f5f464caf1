import type { Dirent } from "node:fs";
import type { JsonSchema } from "../field.js";
import type { RuleSpec } from "../rules/types.js";
import { ChoiceField, type ChoiceFieldOptions, type NormalizedChoices } from "./choice-field.js";
import type { MaybeEmpty } from "./integer-field.js";

export interface FilePathFieldOptions<R extends boolean = boolean>
  extends Omit<ChoiceFieldOptions<R>, "choices"> {
  /** The directory whose entries are the choices (absolute, or relative to the process). */
  path: string;
  /** Only entries whose name this matches (`RegExp.test`, like Python's `re.search`). */
  match?: string | RegExp;
  /** Default false: include every subdirectory's entries too. */
  recursive?: boolean;
  /** Default true: list files. */
  allowFiles?: boolean;
  /** Default false: list directories. */
  allowFolders?: boolean;
}

/** Django's `settings.BLANK_CHOICE_LABEL`. */
const BLANK_CHOICE_LABEL = "---------";

type Fs = typeof import("node:fs");
type Path = typeof import("node:path");

/**
 * node:fs and node:path without importing them: this module runs in the browser too, and
 * `process.getBuiltinModule` (Node ≥ 20.16) is invisible to bundlers.
 */
function nodeModules(): { fs: Fs; path: Path } {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as Fs | undefined;
  const path = proc?.getBuiltinModule?.("node:path") as Path | undefined;
  if (!fs || !path) {
    throw new Error(
      "FilePathField lists the server's files; its choices exist only on the server.",
    );
  }
  return { fs, path };
}

/** Python's `str` ordering (by code point). */
function byCodePoint(a: string, b: string): number {
  const left = [...a].map((c) => c.codePointAt(0) ?? 0);
  const right = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff) return diff;
  }
  return left.length - right.length;
}

/**
 * Django's FilePathField: a ChoiceField whose choices are entries of a directory on the
 * server: `[fullPath, label]`, the label being the entry's name (with `recursive`, its path
 * below `path`), sorted like Django's. A field that is not required starts with
 * `["", "---------"]`. Cleans to the chosen full path.
 *
 * Server-only: the directory is read with Node's fs on first use of `choices` (once per field
 * instance: a form builds its fields per request, as Django builds its choices per form), so
 * the module loads in the browser, and the schema carries no list of paths to check against:
 * the choice check runs on the server (`x-mizan-server-rules`). A missing `path` is an error
 * when the choices are read (Django's FileNotFoundError), except with `recursive`, which like
 * `os.walk` lists nothing.
 *
 * @example
 * const template = new FilePathField({ path: "/srv/templates/", match: /\.html$/, recursive: true });
 * template.choices; // [["/srv/templates/base.html", "base.html"], ["/srv/templates/mail/x.html", "mail/x.html"]]
 */
export class FilePathField<R extends boolean = true> extends ChoiceField<
  R,
  [],
  MaybeEmpty<R, string, "">,
  string
> {
  static override readonly fieldType: string = "FilePathField";
  readonly path: string;
  readonly match: string | RegExp | undefined;
  readonly recursive: boolean;
  readonly allowFiles: boolean;
  readonly allowFolders: boolean;
  readonly #matchRe: RegExp | undefined;
  #listed: NormalizedChoices | undefined;

  constructor(options: FilePathFieldOptions<R>) {
    super(options as ChoiceFieldOptions<R, []>);
    this.path = options.path;
    this.match = options.match;
    this.recursive = options.recursive ?? false;
    this.allowFiles = options.allowFiles ?? true;
    this.allowFolders = options.allowFolders ?? false;
    if (options.match !== undefined) {
      const source = options.match;
      // A global or sticky RegExp would keep state between tests.
      this.#matchRe =
        typeof source === "string"
          ? new RegExp(source)
          : new RegExp(source.source, source.flags.replace(/[gy]/g, ""));
    }
    // The directory is read when the choices are first needed (see `choices`).
    this.choices = () => this.listed();
  }

  /** Django's `__init__` listing, done once per field instance. */
  private listed(): NormalizedChoices {
    if (!this.#listed) {
      const entries = this.recursive ? this.walk() : this.scan();
      this.#listed = this.required ? entries : [["", BLANK_CHOICE_LABEL], ...entries];
    }
    return this.#listed;
  }

  private matches(name: string): boolean {
    return this.#matchRe === undefined || this.#matchRe.test(name);
  }

  /** Python's `os.path.join(a, b)` for a relative `b`. */
  private join(a: string, b: string): string {
    const { path } = nodeModules();
    return !a || a.endsWith(path.sep) || a.endsWith("/") ? a + b : a + path.sep + b;
  }

  /** `entry.is_file()` / `is_dir()`: a symbolic link counts as what it points to. */
  private kind(dir: string, entry: Dirent): "file" | "dir" | "other" {
    if (entry.isFile()) return "file";
    if (entry.isDirectory()) return "dir";
    if (!entry.isSymbolicLink()) return "other";
    try {
      const stat = nodeModules().fs.statSync(this.join(dir, entry.name));
      return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
    } catch {
      return "other";
    }
  }

  /** The non-recursive listing: `os.scandir(path)`, sorted by name, `__pycache__` skipped. */
  private scan(): Array<[string, string]> {
    const { fs } = nodeModules();
    const choices: Array<[string, string]> = [];
    for (const entry of fs.readdirSync(this.path, { withFileTypes: true })) {
      if (entry.name === "__pycache__") continue;
      const kind = this.kind(this.path, entry);
      const wanted = (this.allowFiles && kind === "file") || (this.allowFolders && kind === "dir");
      if (wanted && this.matches(entry.name)) {
        choices.push([this.join(this.path, entry.name), entry.name]);
      }
    }
    return choices.sort((a, b) => byCodePoint(a[1], b[1]));
  }

  /**
   * The recursive listing: `sorted(os.walk(path))` (directories in order of their path;
   * symbolic links to directories listed but not entered; an unreadable directory skipped),
   * each directory's files then its folders, sorted by name; labels are the full path with
   * the first occurrence of `path` removed.
   */
  private walk(): Array<[string, string]> {
    const { fs } = nodeModules();
    const roots: Array<{ root: string; dirs: string[]; files: string[] }> = [];
    const visit = (root: string) => {
      let entries: Dirent[];
      try {
        entries = fs.readdirSync(root, { withFileTypes: true });
      } catch {
        return;
      }
      const dirs: string[] = [];
      const files: string[] = [];
      for (const entry of entries) {
        if (this.kind(root, entry) === "dir") dirs.push(entry.name);
        else files.push(entry.name);
      }
      roots.push({ root, dirs, files });
      for (const entry of entries) {
        if (entry.isDirectory()) visit(this.join(root, entry.name));
      }
    };
    visit(this.path);
    roots.sort((a, b) => byCodePoint(a.root, b.root));
    const choices: Array<[string, string]> = [];
    const add = (root: string, name: string) => {
      const full = this.join(root, name);
      choices.push([full, full.replace(this.path, "")]);
    };
    for (const { root, dirs, files } of roots) {
      if (this.allowFiles) {
        for (const f of files.sort(byCodePoint)) if (this.matches(f)) add(root, f);
      }
      if (this.allowFolders) {
        for (const d of dirs.sort(byCodePoint)) {
          if (d !== "__pycache__" && this.matches(d)) add(root, d);
        }
      }
    }
    return choices;
  }

  /** No list of server paths in the schema: the browser does not check the choice. */
  protected override validateSpecs(): RuleSpec[] {
    return [];
  }

  protected override inputSchema(): JsonSchema {
    return { type: this.required ? "string" : ["string", "null"] };
  }

  /** The choice check reads the server's directory. */
  override hasServerRules(): boolean {
    return true;
  }

  /** A path, not a union of the server's paths (they stay out of the generated code). */
  protected override cleanedType(): string {
    return this.orEmpty("string");
  }

  protected override constraints(): Record<string, unknown> {
    return {
      ...super.constraints(),
      path: this.path,
      recursive: this.recursive,
      allow_files: this.allowFiles,
      allow_folders: this.allowFolders,
    };
  }
}
