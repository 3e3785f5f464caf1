import { isPlainObject } from "../src/core/is-plain-object.js";

/** Dotted paths (`items.0.qty`) as the wire and react-hook-form both spell them. */

export function splitPath(path: string): string[] {
  return path === "" ? [] : path.split(".");
}

export function joinPath(parent: string, key: string | number): string {
  return parent === "" ? String(key) : `${parent}.${key}`;
}

/** The value at a dotted path, or `undefined`. */
export function getPath(value: unknown, path: string): unknown {
  return splitPath(path).reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined,
    value,
  );
}

/** Structural equality for form values; files and other objects compare by identity. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isSameValue(item, b[i]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && isSameValue(a[key], b[key]))
    );
  }
  return false;
}

/**
 * `value` rebuilt: arrays and plain objects copied, each other value (at its dotted path)
 * replaced by what `leaf` returns for it.
 */
function mapLeaves(
  value: unknown,
  leaf: (value: unknown, path: string) => unknown,
  path = "",
): unknown {
  if (Array.isArray(value)) return value.map((item, i) => mapLeaves(item, leaf, joinPath(path, i)));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = mapLeaves(item, leaf, joinPath(path, key));
    }
    return out;
  }
  return leaf(value, path);
}

/** A copy to compare against later (react-hook-form mutates its values in place). */
export function snapshot(value: unknown): unknown {
  return mapLeaves(value, (leaf) => leaf);
}

/**
 * Where an error for `path` goes in react-hook-form's error tree. An error on a nested form
 * or a formset as a whole (Django's non-form errors) goes to `<path>.root`, react-hook-form's
 * convention for field arrays, so it does not overwrite the errors of the items below it.
 */
export function errorTarget(values: unknown, path: string): string {
  const value = getPath(values, path);
  return Array.isArray(value) || isPlainObject(value) ? `${path}.root` : path;
}

/** Sort dotted paths by the form's field order (unknown names keep their order, last). */
export function byFieldOrder(paths: string[], order: readonly string[] | undefined): string[] {
  if (!order) return paths;
  const rank = (path: string) => {
    // The top-level field's name ("" for the empty path, as splitPath gives none).
    const index = order.indexOf(path.split(".")[0] as string);
    return index === -1 ? order.length : index;
  };
  // Array sort is stable: paths of one rank keep their order.
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

/**
 * Form values as the wire carries them: a `FileList` (what a registered file input holds)
 * becomes its single `File`, or an array for `multiple` inputs; everything else is kept.
 */
export function toWireValues(value: unknown, multipleFiles?: (path: string) => boolean): unknown {
  return mapLeaves(value, (leaf, path) => {
    if (typeof FileList === "undefined" || !(leaf instanceof FileList)) return leaf;
    const files = Array.from(leaf);
    return multipleFiles?.(path) ? files : (files[0] ?? null);
  });
}

/** `values` with every file outside the top-level field `keep` replaced by `null`. */
export function withoutFilesOutside(values: unknown, keep: string): unknown {
  if (!isPlainObject(values)) return values;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(values)) {
    out[key] =
      key === keep
        ? item
        : mapLeaves(item, (leaf) =>
            typeof Blob !== "undefined" && leaf instanceof Blob ? null : leaf,
          );
  }
  return out;
}
