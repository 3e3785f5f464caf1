import { isPlainObject } from "../core/is-plain-object.js";

/** A file found in call arguments, with its dotted path inside `args`. */
export interface FoundFile {
  path: string;
  file: Blob;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function filePath(segments: readonly string[]): string {
  for (const segment of segments) {
    if (segment === "" || segment.includes(".")) {
      throw new TypeError(
        `A key on the path to a file must be non-empty and dot-free: "${segment}".`,
      );
    }
  }
  return segments.join(".");
}

/**
 * Split arguments into JSON-ready data and the files in them. A file is left out of its
 * object (or becomes `null` in its array, so indexes hold) and is reported with its dotted
 * path, which the server uses to put it back (`data.avatar`, `photos.1`).
 */
export function extractFiles(args: unknown): { data: unknown; files: FoundFile[] } {
  const files: FoundFile[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, segments: string[]): unknown => {
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) return value;
    if (seen.has(value)) throw new TypeError("Call arguments contain a circular reference.");
    seen.add(value);
    const entries: [string, unknown][] = isArray
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    const out: Record<string, unknown> | unknown[] = isArray ? [] : {};
    for (const [key, item] of entries) {
      let next: unknown;
      if (isBlob(item)) {
        files.push({ path: filePath([...segments, key]), file: item });
        if (!isArray) continue;
        next = null;
      } else {
        next = walk(item, [...segments, key]);
      }
      // defineProperty: a "__proto__" key stays data, as JSON.parse made it.
      Object.defineProperty(out, key, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    seen.delete(value);
    return out;
  };
  const data = walk(args, []);
  return { data, files };
}
