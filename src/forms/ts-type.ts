import type { JsonValue } from "./rules/types.js";

// Helpers for the TypeScript types a field states about itself (`x-mizan-ts`), shared by
// the field classes and the generator's fallback for nodes that state none.

/**
 * A JSON value as a TypeScript type: `"a"` → `"\"a\""`, `null` → `"null"`, `[]` → `"never[]"`,
 * `{}` → `"Record<string, never>"`, `0` → `"number"`.
 *
 * @example
 * tsTypeOf(""); // '""'
 */
export function tsTypeOf(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "never[]";
  if (typeof value === "object") return "Record<string, never>";
  return typeof value;
}

/**
 * `type | alternative`, unless `type` already admits it (`string` admits `""`, an array type
 * admits `never[]`), so optional fields read `string`, not `string | ""`.
 *
 * @example
 * tsOr("number", "null"); // "number | null"
 * tsOr("string", '""'); // "string"
 */
export function tsOr(type: string, alternative: string): string {
  const parts = type.split(" | ");
  if (parts.includes(alternative)) return type;
  if (alternative.startsWith('"') && parts.includes("string")) return type;
  if (alternative === "never[]" && parts.some((p) => p.endsWith("[]") || p.startsWith("Array<")))
    return type;
  return `${type} | ${alternative}`;
}
