/** JSON with object keys sorted, so equal values always give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        // defineProperty keeps a "__proto__" key as data instead of swapping the prototype.
        Object.defineProperty(sorted, k, {
          value: (v as Record<string, unknown>)[k],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return sorted;
    }
    return v;
  });
}

/**
 * A short content hash (two interleaved 32-bit FNV-1a lanes, hex). Synchronous and
 * dependency-free so the core runs in browsers and edge runtimes; not for security.
 */
export function contentHash(value: unknown): string {
  const text = typeof value === "string" ? value : stableStringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (c + i), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
