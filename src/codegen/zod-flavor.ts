import type { ZodFlavor } from "./form-schema.js";
import { GenerateError } from "./runtime-names.js";

export type { ZodFlavor };

/** The flavors `--zod` takes, the default first. */
export const ZOD_FLAVORS: readonly ZodFlavor[] = ["mini", "classic"];

/**
 * The Zod flavor generated code is written against: `"mini"` (default; `zod/mini`, a few KB in
 * the browser) or `"classic"` (`zod`, for teams that extend the schema with the chained API).
 *
 * @example
 * zodFlavor(undefined); // "mini"
 * zodFlavor("classic"); // "classic"
 */
export function zodFlavor(value: unknown): ZodFlavor {
  if (value === undefined) return "mini";
  if (typeof value === "string" && (ZOD_FLAVORS as readonly string[]).includes(value))
    return value as ZodFlavor;
  throw new GenerateError(
    `Unknown Zod flavor ${JSON.stringify(value)}: expected ${ZOD_FLAVORS.map((f) => `"${f}"`).join(" or ")}.`,
  );
}

/** The module the generated forms import `z` from, for a flavor (`imports.zod` overrides it). */
export function zodModule(flavor: ZodFlavor): string {
  return flavor === "mini" ? "zod/mini" : "zod";
}

/**
 * The generated forms' `z` import. Mini's is a namespace import, which bundlers tree-shake by
 * member (`z.object` keeps only the object schema); its named `z` export is one object holding
 * every schema, check and locale, which a bundler must keep whole (~400 KB minified).
 */
export function zodImport(flavor: ZodFlavor, specifier: string): string {
  const from = JSON.stringify(specifier);
  return flavor === "mini" ? `import * as z from ${from};` : `import { z } from ${from};`;
}
