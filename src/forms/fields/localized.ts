import type { JsonSchema } from "../field.js";

/**
 * The schema node of a field whose input is read in the request's language (`localize`):
 * the browser runs none of its shared steps (they would read the input in the language the
 * client was generated with) and the server checks it as the user types
 * (`x-mizan-server-rules`), so the two never disagree.
 */
export function serverCheckedNode(node: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...node };
  delete copy["x-mizan-coerce"];
  delete copy["x-mizan-validate"];
  delete copy["x-mizan-rules"];
  copy["x-mizan-server-rules"] = true;
  return copy;
}
