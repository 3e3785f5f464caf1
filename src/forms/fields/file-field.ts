import { Field, type FieldOptions, type JsonSchema } from "../field.js";
import { coerceFile, type FileLike } from "../rules/file.js";
import type { CoerceSpec, JsonValue } from "../rules/types.js";
import { FileContentTypeValidator, MaxFileSizeValidator } from "../validators/file.js";
import { ClearableFileInput, type Widget } from "../widgets/widget.js";

/**
 * What ClearableFileInput reports when a file is uploaded and "clear" is ticked at once
 * (Django's `FILE_INPUT_CONTRADICTION`); `clean()` answers with the `contradiction` error.
 */
export const FILE_INPUT_CONTRADICTION: unique symbol = Symbol("FILE_INPUT_CONTRADICTION");

export interface FileFieldOptions<R extends boolean = boolean, TInitial = never>
  extends FieldOptions {
  required?: R;
  /** The stored file (a name, a URL...) kept when nothing new is uploaded. */
  initial?: TInitial | ((ctx: unknown) => TInitial);
  /** Longest file name, in characters (code `max_length`). */
  maxLength?: number;
  /** Default false: a 0-byte file is "The submitted file is empty." */
  allowEmptyFile?: boolean;
  /** mizan: largest file in bytes (code `max_size`), checked in the browser too. */
  maxSize?: number;
  /** mizan: allowed MIME types, exact or "image/*" (code `content_type`); sets `accept`. */
  allowedContentTypes?: readonly string[];
}

/**
 * Django's FileField. Cleans to the uploaded Web `File` (what the server's multipart parser
 * and the browser's `<input type="file">` both give), or, when nothing is uploaded, to the
 * `initial` value (the stored file); an optional field cleans to `null` when empty and to
 * `false` when ClearableFileInput's "clear" was ticked (the client sends `false`). Name
 * length, empty file, size and content type are checked in the browser too.
 *
 * @example
 * const avatar = new FileField({ maxSize: 2 * 1024 * 1024, allowedContentTypes: ["image/*"] });
 * avatar.clean(new File([bytes], "me.png", { type: "image/png" })); // the File
 */
export class FileField<R extends boolean = true, TInitial = never> extends Field<
  File | TInitial | (R extends false ? null | false : never),
  File | null | false
> {
  static override readonly fieldType: string = "FileField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid: "FileField.invalid",
    missing: "FileField.missing",
    empty: "FileField.empty",
    max_length: "FileField.max_length",
    contradiction: "FileField.contradiction",
  };
  readonly maxLength: number | undefined;
  readonly allowEmptyFile: boolean;
  readonly maxSize: number | undefined;
  readonly allowedContentTypes: readonly string[] | undefined;

  constructor(options: FileFieldOptions<R, TInitial> = {}) {
    super(options);
    this.maxLength = options.maxLength;
    this.allowEmptyFile = options.allowEmptyFile ?? false;
    this.maxSize = options.maxSize;
    this.allowedContentTypes = options.allowedContentTypes && [...options.allowedContentTypes];
    if (this.maxSize !== undefined) this.validators.push(new MaxFileSizeValidator(this.maxSize));
    if (this.allowedContentTypes) {
      this.validators.push(new FileContentTypeValidator(this.allowedContentTypes));
      if (!("accept" in this.widget.attrs))
        this.widget.attrs.accept = this.allowedContentTypes.join(",");
    }
  }

  protected override defaultWidget(): Widget {
    return new ClearableFileInput();
  }

  override toPython(value: unknown): FileLike | null | false {
    const result = coerceFile(value, this.coerceParams());
    if (!result.ok) throw this.error(result.code, result.params);
    return result.value as FileLike | null | false;
  }

  /**
   * Django's `FileField.clean(data, initial)`: a contradiction is an error; `false` clears an
   * optional field; no upload keeps `initial` (the form passes it); else the usual pipeline.
   */
  override clean(
    value: unknown,
    initial?: unknown,
  ): File | TInitial | (R extends false ? null | false : never) {
    type Cleaned = File | TInitial | (R extends false ? null | false : never);
    if (value === FILE_INPUT_CONTRADICTION) throw this.error("contradiction");
    let data = value;
    if (data === false) {
      if (!this.required) return false as Cleaned;
      data = null;
    }
    if (!data && initial) return initial as Cleaned;
    return super.clean(data);
  }

  /** Django's `bound_data`: a file input never shows the submitted data back. */
  override boundData(_data: unknown, initial: unknown): unknown {
    return initial;
  }

  override hasChanged(_initial: unknown, data: unknown): boolean {
    return !this.disabled && data !== null && data !== undefined;
  }

  private coerceParams(): {
    max_length: number | null;
    allow_empty_file: boolean;
    required: boolean;
  } {
    return {
      max_length: this.maxLength ?? null,
      allow_empty_file: this.allowEmptyFile,
      required: this.required,
    };
  }

  protected override coerceSpec(): CoerceSpec {
    return { kind: "file", params: this.coerceParams() };
  }

  /** No `type`: the value is a File, not JSON; "binary" tells tools it is an upload. */
  protected override inputSchema(): JsonSchema {
    return { format: "binary" };
  }

  protected override emptyValue(): JsonValue {
    return null;
  }

  /**
   * With a static `initial`, an empty upload cleans to it, so the browser must not report
   * "required" (a per-request initial is only known to the server).
   */
  #browserRequired(): boolean {
    return this.required && !(this.initial && typeof this.initial !== "function");
  }

  protected override inputType(): string {
    return "File | null | false";
  }

  /** Optional: `null` when nothing is uploaded, `false` when "clear" is ticked. */
  protected override cleanedType(): string {
    return this.#browserRequired() ? "File" : "File | false | null";
  }

  override jsonSchema(): JsonSchema {
    const schema = super.jsonSchema();
    if (this.required && !this.#browserRequired()) schema["x-mizan-required"] = false;
    return schema;
  }

  protected override constraints(): Record<string, unknown> {
    return {
      max_length: this.maxLength ?? null,
      allow_empty_file: this.allowEmptyFile,
      max_size: this.maxSize ?? null,
      allowed_content_types: this.allowedContentTypes ? [...this.allowedContentTypes] : null,
    };
  }
}
