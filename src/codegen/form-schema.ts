import {
  type JsonSchemaObject,
  jsonSchemaToZod,
  parseObject,
  parseSchema,
  type Refs,
} from "json-schema-to-zod";
import { fieldTypes } from "./field-types.js";
import { literal } from "./printer.js";
import { GenerateError, type RuntimeImports } from "./runtime-names.js";

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFormNode(node: Node): boolean {
  return node.type === "object" && isObject(node.properties);
}

/**
 * A copy of a form node ready for json-schema-to-zod: properties in `x-mizan-field-order`,
 * every property listed in `required` (the mizan pipeline decides what is required, and a
 * missing key must still reach it to be reported), and no `additionalProperties` (Django
 * ignores unknown keys; Zod's default `strip` does the same).
 */
function prepare(node: Node): Node {
  if (node["x-mizan-field"] === "FormSet" && isObject(node.items)) {
    return { ...node, items: prepare(node.items) };
  }
  if (!isFormNode(node)) return node;
  const properties = node.properties as Record<string, unknown>;
  const declared = Array.isArray(node["x-mizan-field-order"])
    ? (node["x-mizan-field-order"] as unknown[]).filter(
        (k): k is string => typeof k === "string" && Object.hasOwn(properties, k),
      )
    : [];
  const order = [...declared, ...Object.keys(properties).filter((k) => !declared.includes(k))];
  const ordered: Record<string, unknown> = {};
  for (const key of order) {
    const child = properties[key];
    ordered[key] = isObject(child) ? prepare(child) : child;
  }
  const {
    additionalProperties: _a,
    patternProperties: _p,
    unevaluatedProperties: _u,
    default: _d,
    ...rest
  } = node;
  return { ...rest, properties: ordered, required: order };
}

function specBody(entries: Array<[string, string | undefined]>): string {
  const kept = entries.filter((e): e is [string, string] => e[1] !== undefined);
  return kept.length ? `{ ${kept.map(([k, v]) => `${k}: ${v}`).join(", ")} }` : "{}";
}

function messagesOf(node: Node, drop: string[] = []): string | undefined {
  if (!isObject(node.errorMessage)) return undefined;
  const entries = Object.entries(node.errorMessage).filter(
    ([code, text]) => typeof text === "string" && !drop.includes(code),
  );
  return entries.length ? literal(Object.fromEntries(entries)) : undefined;
}

function ruleList(value: unknown, where: string, runtime: RuntimeImports): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new GenerateError(`${where}: expected an array of RuleSpec.`);
  if (!value.length) return undefined;
  const calls = value.map((spec, i) => {
    if (
      !isObject(spec) ||
      typeof spec.rule !== "string" ||
      typeof spec.code !== "string" ||
      typeof spec.message !== "string"
    ) {
      throw new GenerateError(
        `${where}[${i}]: a RuleSpec needs "rule", "code" and "message" strings.`,
      );
    }
    const fn = runtime.rule(spec.rule, `${where}[${i}]`);
    return `[${fn}, ${literal(spec.code)}, ${literal(spec.message)}, ${literal(spec.params ?? {})}]`;
  });
  return `[${calls.join(", ")}]`;
}

function where(refs: Refs): string {
  return refs.path.filter((p) => p !== "properties").join(".") || "(form)";
}

function fieldCall(node: Node, refs: Refs, runtime: RuntimeImports): string {
  const at = where(refs);
  const types = fieldTypes(node);
  if (types.input.includes("JsonValue") || types.output.includes("JsonValue"))
    runtime.takeType("JsonValue");
  const coerce = node["x-mizan-coerce"];
  let coerceText: string | undefined;
  if (coerce !== undefined) {
    if (!isObject(coerce) || typeof coerce.kind !== "string") {
      throw new GenerateError(`${at}: x-mizan-coerce must be { kind, params }.`);
    }
    coerceText = `[${runtime.coercer(coerce.kind, at)}, ${literal(coerce.params ?? {})}]`;
  }
  const required = node["x-mizan-required"] === true;
  const body = specBody([
    ["coerce", coerceText],
    ["required", required ? "true" : undefined],
    ["falsy", required && node["x-mizan-required-kind"] === "falsy" ? "true" : undefined],
    ["messages", messagesOf(node, required ? [] : ["required"])],
    ["validate", ruleList(node["x-mizan-validate"], `${at}: x-mizan-validate`, runtime)],
    ["rules", ruleList(node["x-mizan-rules"], `${at}: x-mizan-rules`, runtime)],
  ]);
  return `${runtime.take("field")}<${types.output}, ${types.input}>(${body})`;
}

function numberOf(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/**
 * The form's JSON Schema as Zod source, through json-schema-to-zod. Its parser override turns
 * every node that carries `x-mizan-field` into the matching runtime call — `field()` for a
 * field (its coercer, required check, validate and rules, with the server's messages),
 * `subform()` for a nested form, `formset()` for a formset — and lets json-schema-to-zod
 * build the object nodes around them.
 */
export function formSchemaToZod(formNode: Node, runtime: RuntimeImports): string {
  const override = (schema: JsonSchemaObject, refs: Refs): string | undefined => {
    const kind = schema["x-mizan-field"];
    if (typeof kind !== "string") return undefined;
    if (kind === "FormSet") {
      if (!isObject(schema.items))
        throw new GenerateError(`${where(refs)}: a FormSet node needs "items" (the form node).`);
      const item = parseSchema(schema.items, { ...refs, path: [...refs.path, "items"] });
      const body = specBody([
        ["required", schema["x-mizan-required"] === true ? "true" : undefined],
        ["min", numberOf(schema["x-mizan-min-num"])],
        ["max", numberOf(schema["x-mizan-max-num"])],
        ["messages", messagesOf(schema)],
      ]);
      return `${runtime.take("formset")}(${item}, ${body})`;
    }
    if (kind === "FormField" && isFormNode(schema)) {
      const body = specBody([
        ["required", schema["x-mizan-required"] === true ? "true" : undefined],
        ["messages", messagesOf(schema)],
      ]);
      return `${runtime.take("subform")}(${parseObject(schema as Parameters<typeof parseObject>[0], refs)}, ${body})`;
    }
    return fieldCall(schema, refs, runtime);
  };
  if (!isFormNode(formNode)) {
    throw new GenerateError('The form\'s json_schema must be an object node with "properties".');
  }
  return jsonSchemaToZod(prepare(formNode) as JsonSchemaObject, {
    module: "none",
    zodVersion: 4,
    withoutDefaults: true,
    withoutDescribes: true,
    parserOverride: override,
  });
}
