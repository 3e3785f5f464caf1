import { formatMessage, lookupMessage, type MessageTemplate } from "../messages.js";
import { isFileLike } from "../rules/file.js";
import { ValidationError } from "../validation-error.js";
import type { ValidatorObject } from "./validator.js";

/**
 * Python's `Path(name).suffix[1:]`: the text after the last dot of the last path component,
 * or "" when there is none, the dot starts the name (".bashrc") or ends it ("photo.").
 */
function fileExtension(name: string): string {
  const base = name.replace(/\/+$/, "").split("/").pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1) : "";
}

/**
 * Django's FileExtensionValidator (code `invalid_extension`): the upload's name must end in
 * one of `allowedExtensions` (compared lower-cased, without the dot); `null` allows any.
 * Server-only: it needs no bytes, but mizan's shared rules do not include it (yet).
 *
 * @example
 * new FileField({ validators: [new FileExtensionValidator(["pdf", "txt"])] });
 * // "notes.doc" → "File extension “doc” is not allowed. Allowed extensions are: pdf, txt."
 */
export class FileExtensionValidator implements ValidatorObject {
  readonly allowedExtensions: readonly string[] | null;
  readonly code: string;
  readonly #message: MessageTemplate | undefined;

  constructor(
    allowedExtensions: readonly string[] | null = null,
    message?: MessageTemplate,
    code = "invalid_extension",
  ) {
    this.allowedExtensions = allowedExtensions
      ? allowedExtensions.map((e) => e.toLowerCase())
      : null;
    this.#message = message;
    this.code = code;
  }

  /** The template in force: the one given, else the active locale's (looked up late). */
  get message(): MessageTemplate {
    return this.#message ?? lookupMessage("FileExtensionValidator.invalid_extension");
  }

  validate(value: unknown): void {
    if (!isFileLike(value) || this.allowedExtensions === null) return;
    const extension = fileExtension(value.name).toLowerCase();
    if (this.allowedExtensions.includes(extension)) return;
    const params = { extension, allowed_extensions: this.allowedExtensions.join(", ") };
    throw new ValidationError(formatMessage(this.message, params), { code: this.code, params });
  }
}

/**
 * The extensions ImageField accepts (Django's `get_available_image_extensions()`, which
 * asks Pillow): those Pillow registers for the formats mizan recognises by their bytes.
 */
export const IMAGE_EXTENSIONS: readonly string[] = [
  "bmp",
  "dib",
  "cur",
  "dds",
  "gif",
  "icns",
  "ico",
  "jfif",
  "jpe",
  "jpg",
  "jpeg",
  "jp2",
  "j2k",
  "jpc",
  "jpf",
  "jpx",
  "j2c",
  "png",
  "apng",
  "pbm",
  "pgm",
  "ppm",
  "pnm",
  "psd",
  "tif",
  "tiff",
  "webp",
];

/**
 * Django's `validate_image_file_extension`: FileExtensionValidator with IMAGE_EXTENSIONS.
 *
 * @example
 * validateImageFileExtension.validate(new File(["x"], "notes.txt")); // throws invalid_extension
 */
export const validateImageFileExtension: FileExtensionValidator = new FileExtensionValidator(
  IMAGE_EXTENSIONS,
);
