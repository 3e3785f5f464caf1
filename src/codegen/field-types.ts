import { literal } from "./printer.js";

/** TypeScript types of one field: what the form holds (`input`) and what cleans out (`output`). */
export interface FieldTypes {
  input: string;
  output: string;
}

/**
 * `x-mizan-field` → types when the field is required. They mirror each Field class's
 * `Field<TValue, TInput>` parameters (test/codegen/types.test-d.ts pins the two together).
 */
const BY_FIELD: Record<string, FieldTypes> = {
  CharField: { input: "string", output: "string" },
  EmailField: { input: "string", output: "string" },
  URLField: { input: "string", output: "string" },
  SlugField: { input: "string", output: "string" },
  RegexField: { input: "string", output: "string" },
  GenericIPAddressField: { input: "string", output: "string" },
  UUIDField: { input: "string", output: "string" },
  ChoiceField: { input: "string", output: "string" },
  TypedChoiceField: { input: "string", output: "string" },
  ComboField: { input: "string", output: "string" },
  IntegerField: { input: "number | string", output: "number" },
  FloatField: { input: "number | string", output: "number" },
  DecimalField: { input: "number | string", output: "string" },
  BooleanField: { input: "boolean | string", output: "true" },
  NullBooleanField: { input: "boolean | string | null", output: "boolean | null" },
  DateField: { input: "string | Date", output: "string" },
  TimeField: { input: "string | Date", output: "string" },
  DateTimeField: { input: "string | Date", output: "string" },
  DurationField: { input: "string | number", output: "string" },
  MultipleChoiceField: { input: "string[]", output: "string[]" },
  TypedMultipleChoiceField: { input: "string[]", output: "string[]" },
  JSONField: { input: "JsonValue", output: "Exclude<JsonValue, null>" },
  FileField: { input: "File | null | false", output: "File" },
  ImageField: { input: "File | null | false", output: "File" },
};

function fromJsonType(node: Record<string, unknown>): FieldTypes | undefined {
  switch (node.type) {
    case "string":
      return { input: "string", output: "string" };
    case "integer":
    case "number":
      return { input: "number | string", output: "number" };
    case "boolean":
      return { input: "boolean", output: "boolean" };
    case "array":
      return { input: "string[]", output: "string[]" };
    default:
      return undefined;
  }
}

function typeOfValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return literal(value);
  if (Array.isArray(value)) return "never[]";
  if (typeof value === "object") return "Record<string, never>";
  return typeof value;
}

function addAlternative(type: string, alternative: string): string {
  const parts = type.split(" | ");
  if (parts.includes(alternative)) return type;
  if (alternative.startsWith('"') && parts.includes("string")) return type;
  if (alternative === "never[]" && parts.some((p) => p.endsWith("[]") || p.startsWith("Array<")))
    return type;
  return `${type} | ${alternative}`;
}

/** The literal union of a ChoiceField's `enum`, when every choice is a string. */
function choiceUnion(node: Record<string, unknown>): string | undefined {
  const values = node.enum;
  if (!Array.isArray(values) || !values.length || !values.every((v) => typeof v === "string")) {
    return undefined;
  }
  return [...new Set(values as string[])].map((v) => literal(v)).join(" | ");
}

/**
 * The input and cleaned types of a field node, from `x-mizan-field`, `x-mizan-required`
 * and `x-mizan-empty`: a field that is not required adds its empty value's type
 * (`IntegerField` → `number | null`; `CharField({ emptyValue: null })` → `string | null`).
 * Fields mizan does not know fall back to the node's JSON `type`, then to `JsonValue`.
 */
export function fieldTypes(node: Record<string, unknown>): FieldTypes {
  const kind = String(node["x-mizan-field"] ?? "");
  const known = BY_FIELD[kind] ?? fromJsonType(node) ?? { input: "JsonValue", output: "JsonValue" };
  let output = known.output;
  if ((kind === "ChoiceField" || kind === "TypedChoiceField") && node.type === "string") {
    output = choiceUnion(node) ?? output;
  }
  if (kind === "MultipleChoiceField" || kind === "TypedMultipleChoiceField") {
    const items = node.items as Record<string, unknown> | undefined;
    const union = items && typeof items === "object" ? choiceUnion(items) : undefined;
    if (union) output = `Array<${union}>`;
  }
  // A required BooleanField must be checked: it cleans to `true`; otherwise to either.
  if (kind === "BooleanField")
    return { input: known.input, output: node["x-mizan-required"] === false ? "boolean" : "true" };
  if (node["x-mizan-required"] === false) {
    // A cleared optional file cleans to `false` (Django's FILE_INPUT_CONTRADICTION aside).
    if (kind === "FileField" || kind === "ImageField")
      return { input: known.input, output: "File | false | null" };
    if (kind === "JSONField") return { input: known.input, output: "JsonValue" };
  }
  if (node["x-mizan-required"] === false && !known.output.includes("JsonValue")) {
    output = addAlternative(output, typeOfValue(node["x-mizan-empty"] ?? null));
  }
  return { input: known.input, output };
}
