import type { WireErrorItem } from "../src/core/errors.js";

/** A react-hook-form error as react-hook-form's `setError` takes it, marked `type: "server"`. */
export function serverErrorOption(items: WireErrorItem[]): {
  type: "server";
  message: string;
  types: Record<string, string>;
} {
  const types: Record<string, string> = {};
  items.forEach((item, i) => {
    const key =
      item.code && !Object.hasOwn(types, item.code) ? item.code : `${item.code || "error"}_${i}`;
    types[key] = item.message;
  });
  return { type: "server", message: items[0]?.message ?? "", types };
}

/** Every message of a react-hook-form error (`types` when set, else `message`), de-duplicated. */
export function errorMessages(error: unknown): string[] {
  if (!error || typeof error !== "object") return [];
  const { message, types } = error as { message?: unknown; types?: Record<string, unknown> };
  const out: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string" && value && !out.includes(value)) out.push(value);
  };
  if (types && typeof types === "object") {
    for (const value of Object.values(types)) {
      if (Array.isArray(value)) value.forEach(add);
      else add(value);
    }
  }
  if (!out.length) add(message);
  return out;
}
