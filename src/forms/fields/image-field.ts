import { imageSize } from "image-size";
import type { FileLike } from "../rules/file.js";
import { validateImageFileExtension } from "../validators/file-extension.js";
import type { Validator } from "../validators/validator.js";
import { FileInput } from "../widgets/widget.js";
import { FileField, type FileFieldOptions } from "./file-field.js";

/** What ImageField found in an upload's bytes (Django's `f.image`, a Pillow image). */
export interface ImageInfo {
  /** Pillow's format name: "PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF"... */
  readonly format: string;
  /** In pixels, from the header (the largest image of an ICO/CUR/ICNS). */
  readonly width: number;
  readonly height: number;
}

/**
 * The File an ImageField cleans to: the upload, with what its bytes say. `type` is the
 * detected MIME type (Django sets `content_type` from the format, whatever the browser
 * claimed), or "" for a format without one (Django's `None`); `image` is the format and size.
 *
 * @example
 * const photo = await new ImageField().cleanAsync(upload); // an ImageFile
 * photo.image.format; // "PNG"
 * photo.type; // "image/png"
 */
export class ImageFile extends File {
  readonly image: ImageInfo;

  constructor(file: File, image: ImageInfo, type: string) {
    super([file], file.name, { type, lastModified: file.lastModified });
    this.image = image;
  }

  get width(): number {
    return this.image.width;
  }

  get height(): number {
    return this.image.height;
  }
}

/** image-size's type → Pillow's format name and MIME type (`Image.MIME`; "" for none). */
const FORMATS: Readonly<Record<string, readonly [format: string, mime: string]>> = {
  bmp: ["BMP", "image/bmp"],
  cur: ["CUR", ""],
  dds: ["DDS", "image/vnd-ms.dds"],
  gif: ["GIF", "image/gif"],
  icns: ["ICNS", "image/icns"],
  ico: ["ICO", "image/x-icon"],
  j2c: ["JPEG2000", "image/jp2"],
  jp2: ["JPEG2000", "image/jp2"],
  jpg: ["JPEG", "image/jpeg"],
  png: ["PNG", "image/png"],
  pnm: ["PPM", "image/x-portable-anymap"],
  psd: ["PSD", "image/vnd.adobe.photoshop"],
  tiff: ["TIFF", "image/tiff"],
  webp: ["WEBP", "image/webp"],
};

/** Pillow's `MAX_IMAGE_PIXELS`; twice as many is a decompression bomb, which Django refuses. */
const MAX_IMAGE_PIXELS = 89_478_485;

/** The bytes read from the start of an upload: as much as image-size reads from a file. */
const IMAGE_HEAD_BYTES = 512 * 1024;

/**
 * The format and size of an image from its first bytes (image-size reads the header), or
 * `null` when they are not an image mizan recognises (Pillow's `Image.open` failing).
 * SVG is not an image here (Pillow does not open it, and it can carry scripts), nor is
 * TGA (no signature tells it from arbitrary bytes), nor formats Pillow lacks (HEIF, JPEG
 * XL, KTX). Only the header is read: unlike Pillow's `verify()`, chunk checksums are not.
 *
 * @example
 * detectImage(pngBytes); // { format: "PNG", width: 1, height: 1, type: "image/png" }
 */
function detectImage(bytes: Uint8Array): (ImageInfo & { type: string }) | null {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return null;
  }
  const known = size.type ? FORMATS[size.type] : undefined;
  const { width, height } = size;
  if (!known || !Number.isInteger(width) || !Number.isInteger(height)) return null;
  if (width <= 0 || height <= 0 || width * height > 2 * MAX_IMAGE_PIXELS) return null;
  return { format: known[0], width, height, type: known[1] };
}

/** The first bytes of uploads cleaned through `cleanAsync()`, read before the sync clean. */
const heads = new WeakMap<Blob, Uint8Array>();

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

/**
 * Django's ImageField: a FileField whose upload must really be an image. Its bytes must
 * be a format mizan recognises with a sane size (`invalid_image`: "Upload a valid image.
 * The file you uploaded was either not an image or a corrupted image."), and its name must
 * end in an image extension (Django's `validate_image_file_extension`, code
 * `invalid_extension`). Cleans to an ImageFile (a File with the detected `type` and an
 * `image` of format and size). The default widget accepts `image/*`.
 *
 * Reading a File is asynchronous, so a form cleans it in `await form.isValid()`; alone, use
 * `await field.cleanAsync(file)` (`clean()` then works on that file too). The image and
 * extension checks are server-only (`x-mizan-server-rules`); the browser runs FileField's
 * checks (name length, empty file, size, content type).
 *
 * @example
 * class AvatarForm extends Form<AvatarForm> {
 *   avatar = new ImageField({ maxSize: 2 * 1024 * 1024 });
 * }
 */
export class ImageField<R extends boolean = true, TInitial = never> extends FileField<R, TInitial> {
  static override readonly fieldType: string = "ImageField";
  static override defaultErrorMessages: Record<string, string> = {
    invalid_image: "ImageField.invalid_image",
  };

  constructor(options: FileFieldOptions<R, TInitial> = {}) {
    super(options);
    // Django's widget_attrs: a file input without its own `accept` takes images.
    if (this.widget instanceof FileInput && !("accept" in this.widget.attrs)) {
      this.widget.attrs.accept = "image/*";
    }
  }

  protected override defaultValidators(): Validator[] {
    return [validateImageFileExtension];
  }

  /**
   * Read the start of an uploaded File (asynchronous), then `clean(value, initial)`. Forms
   * call this; so can code cleaning the field alone.
   */
  async cleanAsync(
    value: unknown,
    initial?: unknown,
  ): Promise<ReturnType<ImageField<R, TInitial>["clean"]>> {
    if (isBlob(value) && !heads.has(value)) {
      heads.set(value, new Uint8Array(await value.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()));
    }
    return this.clean(value, initial);
  }

  /** FileField's checks, then Django's: the bytes must open as an image. */
  override toPython(value: unknown): FileLike | null | false {
    const file = super.toPython(value);
    if (file === null || file === false) return file;
    if (isBlob(value) && !heads.has(value)) {
      throw new TypeError(
        "ImageField reads the upload's bytes first: use `await field.cleanAsync(file)` (a form does it in `await form.isValid()`).",
      );
    }
    const head = isBlob(value) ? heads.get(value) : undefined;
    const image = head && detectImage(head);
    if (!image) throw this.error("invalid_image");
    const { type, ...info } = image;
    return new ImageFile(value as File, info, type);
  }

  /** The image check reads bytes, which only the server has. */
  override hasServerRules(): boolean {
    return true;
  }
}
