import type { z } from "zod";
import type { ValidationDetails } from "./errors.js";

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
    const list = details.fields[key] ?? [];
    list.push(item);
    details.fields[key] = list;
  }
  return details;
}
