import { MULTIPART_TYPE, mediaType } from "./media-type.js";

/** Request limits of a handler; every field has a default. */
export interface Limits {
  /** Largest JSON or urlencoded body, in bytes (default 1 MiB). */
  maxBodyBytes: number;
  /** Largest multipart body, files included, in bytes (default 10 MiB). */
  maxMultipartBytes: number;
  /** Deepest `{`/`[` nesting accepted in a JSON body or `args` field (default 64). */
  maxDepth: number;
  /**
   * Largest `args` of a context read (`GET {base}/ctx/<name>/?args=…`), in bytes of the
   * decoded JSON text (default 4 KiB; its URL-encoded form stays under common 16 KiB URL
   * limits). Past it: 413 PAYLOAD_TOO_LARGE.
   */
  maxContextArgsBytes: number;
  /**
   * Most name/value pairs (files included) in a native form post (`POST {base}/form/<name>/`),
   * Django's `DATA_UPLOAD_MAX_NUMBER_FIELDS` (default 1,000). Past it: 400 BAD_REQUEST.
   */
  maxNumberOfFields: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxMultipartBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxContextArgsBytes: 4 * 1024,
  maxNumberOfFields: 1000,
});

export function resolveLimits(limits: Partial<Limits> | undefined): Readonly<Limits> {
  return Object.freeze({ ...DEFAULT_LIMITS, ...limits });
}

/**
 * The body limit that applies to a request of this content type. Adapters use it to refuse an
 * oversized streamed body early, with the same number the handler enforces.
 *
 * @example
 * const max = maxBodyBytesFor(handler.limits, req.headers["content-type"]);
 */
export function maxBodyBytesFor(
  limits: Readonly<Limits>,
  contentType: string | null | undefined,
): number {
  return mediaType(contentType) === MULTIPART_TYPE ? limits.maxMultipartBytes : limits.maxBodyBytes;
}
