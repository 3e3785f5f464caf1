import { MULTIPART_TYPE, mediaType } from "./media-type.js";

/** Request limits of a handler; every field has a default. */
export interface Limits {
  /** Largest JSON or urlencoded body, in bytes (default 1 MiB). */
  maxBodyBytes: number;
  /** Largest multipart body, files included, in bytes (default 10 MiB). */
  maxMultipartBytes: number;
  /** Deepest `{`/`[` nesting accepted in a JSON body or `args` field (default 64). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxMultipartBytes: 10 * 1024 * 1024,
  maxDepth: 64,
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
