import { splitPath } from "./field-paths.js";
import type { LiveValidationOption } from "./form-types.js";
import { type FormDescriptor, subFormOf } from "./meta.js";

export function isDevelopment(): boolean {
  // Vite replaces `import.meta.env`; webpack and others the literal `process.env.NODE_ENV`.
  // A browser with neither counts as production.
  const env = (import.meta as ImportMeta & { env?: { DEV?: unknown } }).env;
  if (typeof env?.DEV === "boolean") return env.DEV;
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return false;
  }
}

export function liveSettings(option: LiveValidationOption | undefined) {
  if (option === false) return { on: undefined, debounceMs: 0, fields: undefined };
  if (option === undefined || typeof option === "string") {
    return { on: option ?? "blur", debounceMs: 400, fields: undefined };
  }
  return { on: option.on ?? "blur", debounceMs: option.debounceMs ?? 400, fields: option.fields };
}

/** `billing-email` → `email` for a form with prefix `billing` (the server's field names). */
export function unprefixed(meta: FormDescriptor | undefined, key: string): string {
  const prefix = meta?.prefix;
  return prefix && key.startsWith(`${prefix}-`) ? key.slice(prefix.length + 1) : key;
}

export function multipleFilesAt(meta: FormDescriptor | undefined, path: string): boolean {
  let form = meta;
  const keys = splitPath(path);
  for (let i = 0; i < keys.length && form; i++) {
    const field = form.fields[keys[i] ?? ""];
    if (!field) return false;
    if (i === keys.length - 1) return field.widget.allow_multiple_selected;
    form = subFormOf(field);
    if (field.type === "FormSet") i++;
  }
  return false;
}
