import type { MessageTemplate } from "../messages.js";
import { fileContentType, fileMaxSize, filesizeformat } from "../rules/file.js";
import { RuleValidator } from "./validator.js";

/**
 * mizan's file size limit (code `max_size`): a file over `maxSize` bytes fails with both
 * sizes in Django's `filesizeformat` ("Ensure this file is at most 2.0 MB (it is 3.1 MB).").
 */
export class MaxFileSizeValidator extends RuleValidator {
  constructor(maxSize: number, message?: MessageTemplate) {
    super("file_max_size", fileMaxSize, {
      code: "max_size",
      params: { limit_value: maxSize, max_size: filesizeformat(maxSize) },
      messageKey: "FileField.max_size",
      ...(message ? { message } : {}),
    });
  }
}

/**
 * mizan's content type allow-list (code `content_type`): exact types ("application/pdf")
 * and wildcards ("image/*"), compared case-insensitively without parameters. The type is
 * the one the browser reports (`File.type`), not sniffed from the bytes.
 */
export class FileContentTypeValidator extends RuleValidator {
  constructor(allowed: readonly string[], message?: MessageTemplate) {
    super("file_content_type", fileContentType, {
      code: "content_type",
      params: { allowed: [...allowed], allowed_content_types: allowed.join(", ") },
      messageKey: "FileField.content_type",
      ...(message ? { message } : {}),
    });
  }
}
