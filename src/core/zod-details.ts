import type { z } from "zod";
import type { ValidationDetails } from "./errors.js";

const OWN = { enumerable: true, writable: true, configurable: true } as const;

/** A Zod error as the wire's 422 details (dotted paths; root issues are non-field). */
export function zodErrorDetails(error: z.ZodError): ValidationDetails {
  const details: ValidationDetails = { fields: {}, non_field: [] };
  for (const issue of error.issues) {
    const item = { message: issue.message, code: issue.code };
    if (issue.path.length === 0) {
      details.non_field.push(item);
      continue;
    }
    const key = issue.path.map(String).join(".");
    const list = Object.hasOwn(details.fields, key) ? details.fields[key] : undefined;
    if (list) list.push(item);
    // defineProperty: a key such as "__proto__" (z.record input) must become an own key,
    // not a prototype assignment.
    else Object.defineProperty(details.fields, key, { ...OWN, value: [item] });
  }
  return details;
}
