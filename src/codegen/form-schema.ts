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

/** A form's node (the root, or a nested form's field node): an object with `properties`. */
function isFormNode(node: Node): boolean {
  return node.type === "object" && isObject(node.properties);
}

/** A formset's field node: an array whose items are a form's node. */
function isFormSetNode(node: Node): boolean {
  return node.type === "array" && isObject(node.items) && isFormNode(node.items);
}

/**
 * A copy of a form node ready for json-schema-to-zod: properties in `x-mizan-field-order`,
 * every property listed in `required` (the mizan pipeline decides what is required, and a
 * missing key must still reach it to be reported), and no `additionalProperties` (Django
 * ignores unknown keys; Zod's default `strip` does the same).
 */
function prepare(node: Node): Node {
  if (isFormSetNode(node)) return { ...node, items: prepare(node.items as Node) };
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

/**
 * The locale keys generated code carries (`--languages`): collects every key it emits, for the
 * catalogs. Without one, no key is emitted and the output is what an English-only client was.
 */
export type KeyCollector = Set<string> | undefined;

function messageCodes(node: Node, drop: string[]): string[] {
  if (!isObject(node.errorMessage)) return [];
  return Object.entries(node.errorMessage)
    .filter(([code, text]) => typeof text === "string" && !drop.includes(code))
    .map(([code]) => code);
}

function messagesOf(node: Node, drop: string[] = []): string | undefined {
  const codes = messageCodes(node, drop);
  const texts = node.errorMessage as Record<string, string>;
  return codes.length ? literal(Object.fromEntries(codes.map((c) => [c, texts[c]]))) : undefined;
}

/** `x-mizan-message-keys` for the codes `messagesOf` keeps, when keys are collected. */
function keysOf(node: Node, keys: KeyCollector, drop: string[] = []): string | undefined {
  const table = node["x-mizan-message-keys"];
  if (!keys || !isObject(table)) return undefined;
  const entries = messageCodes(node, drop)
    .filter((code) => typeof table[code] === "string")
    .map((code) => [code, table[code] as string] as const);
  for (const [, key] of entries) keys.add(key);
  return entries.length ? literal(Object.fromEntries(entries)) : undefined;
}

function ruleList(
  value: unknown,
  where: string,
  runtime: RuntimeImports,
  keys: KeyCollector,
): string | undefined {
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
    const key = keys && typeof spec.key === "string" ? spec.key : undefined;
    if (key !== undefined) keys?.add(key);
    const words = keys && isObject(spec.paramKeys) ? spec.paramKeys : {};
    const wordKeys = Object.values(words).filter((k): k is string => typeof k === "string");
    for (const k of wordKeys) keys?.add(k);
    const tail =
      (key === undefined && !wordKeys.length ? "" : `, ${literal(key)}`) +
      (wordKeys.length ? `, ${literal(words)}` : "");
    return `[${fn}, ${literal(spec.code)}, ${literal(spec.message)}, ${literal(spec.params ?? {})}${tail}]`;
  });
  return `[${calls.join(", ")}]`;
}

function where(refs: Refs): string {
  return refs.path.filter((p) => p !== "properties").join(".") || "(form)";
}

/** A field node's `FieldSpec` as source: its coercer, required check, rules and steps. */
function fieldSpec(node: Node, at: string, runtime: RuntimeImports, keys: KeyCollector): string {
  const coerce = node["x-mizan-coerce"];
  let coerceText: string | undefined;
  if (coerce !== undefined) {
    if (!isObject(coerce) || typeof coerce.kind !== "string") {
      throw new GenerateError(`${at}: x-mizan-coerce must be { kind, params }.`);
    }
    coerceText = `[${runtime.coercer(coerce.kind, at)}, ${literal(coerce.params ?? {})}]`;
  }
  const required = node["x-mizan-required"] === true;
  const drop = required ? [] : ["required"];
  return specBody([
    ["coerce", coerceText],
    ["required", required ? "true" : undefined],
    ["falsy", required && node["x-mizan-required-kind"] === "falsy" ? "true" : undefined],
    ["messages", messagesOf(node, drop)],
    ["keys", keysOf(node, keys, drop)],
    ["validate", ruleList(node["x-mizan-validate"], `${at}: x-mizan-validate`, runtime, keys)],
    ["rules", ruleList(node["x-mizan-rules"], `${at}: x-mizan-rules`, runtime, keys)],
    ["steps", stepList(node["x-mizan-steps"], `${at}: x-mizan-steps`, runtime, keys)],
  ]);
}

/** `x-mizan-steps`: field nodes whose pipelines run in turn after the field's own. */
function stepList(
  value: unknown,
  at: string,
  runtime: RuntimeImports,
  keys: KeyCollector,
): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every(isObject))
    throw new GenerateError(`${at}: expected an array of field nodes.`);
  if (!value.length) return undefined;
  return `[${value.map((step, i) => fieldSpec(step, `${at}[${i}]`, runtime, keys)).join(", ")}]`;
}

function fieldCall(node: Node, refs: Refs, runtime: RuntimeImports, keys: KeyCollector): string {
  const at = where(refs);
  let types: ReturnType<typeof fieldTypes>;
  try {
    types = fieldTypes(node);
  } catch (error) {
    if (error instanceof GenerateError) throw new GenerateError(`${at}: ${error.message}`);
    throw error;
  }
  if (types.input.includes("JsonValue") || types.output.includes("JsonValue"))
    runtime.takeType("JsonValue");
  return `${runtime.take("field")}<${types.output}, ${types.input}>(${fieldSpec(node, at, runtime, keys)})`;
}

function numberOf(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/** The Zod API generated code is written against: `zod/mini`'s functions, or classic's chains. */
export type ZodFlavor = "mini" | "classic";

/** Keywords json-schema-to-zod's `parseObject` would print as an `.and()` chain. */
const CHAINED_OBJECT_KEYWORDS = ["anyOf", "allOf", "oneOf"];

/**
 * A form node as `zod/mini` source: `z.object({ "<key>": <property> })`, each property through
 * json-schema-to-zod's `parseSchema` (so through the override). A prepared form node lists every
 * property as required and carries nothing else Zod would print, so no chain is needed; a
 * keyword that would need one is refused rather than printed in the classic API.
 */
function miniObject(node: Node, refs: Refs): string {
  const chained = CHAINED_OBJECT_KEYWORDS.filter((k) => node[k] !== undefined);
  if (chained.length) {
    throw new GenerateError(
      `${where(refs)}: a form node with ${chained.join(", ")} has no zod/mini equivalent here; generate with --zod classic.`,
    );
  }
  const properties = node.properties as Record<string, JsonSchemaObject>;
  const entries = Object.keys(properties).map(
    (key) =>
      `${JSON.stringify(key)}: ${parseSchema(properties[key] as JsonSchemaObject, { ...refs, path: [...refs.path, "properties", key] })}`,
  );
  return entries.length ? `z.object({ ${entries.join(", ")} })` : "z.object({})";
}

/**
 * The form's JSON Schema as Zod source, through json-schema-to-zod. Its parser override turns
 * every node that carries `x-mizan-field` into the matching runtime call — `subform()` for a
 * nested form (a node that is itself a form), `formset()` for a formset (an array of form
 * nodes), `field()` for any other field (its coercer, required check, validate, rules and
 * steps, with the server's messages, typed by its `x-mizan-ts`). In `"classic"` it lets
 * json-schema-to-zod build the object nodes around them; in `"mini"` (`zod/mini` has functions
 * where classic has chains) the override prints the form nodes itself (`miniObject`), and a
 * node that is neither a field nor a form is refused with a GenerateError.
 */
export function formSchemaToZod(
  formNode: Node,
  runtime: RuntimeImports,
  keys?: KeyCollector,
  flavor: ZodFlavor = "mini",
): string {
  const object = (schema: JsonSchemaObject, refs: Refs): string =>
    flavor === "mini"
      ? miniObject(schema, refs)
      : parseObject(schema as Parameters<typeof parseObject>[0], refs);
  const override = (schema: JsonSchemaObject, refs: Refs): string | undefined => {
    if (typeof schema["x-mizan-field"] !== "string") {
      if (flavor === "classic") return undefined;
      if (isFormNode(schema)) return miniObject(schema, refs);
      throw new GenerateError(
        `${where(refs)}: a property without x-mizan-field has no zod/mini printer; generate with --zod classic.`,
      );
    }
    if (isFormSetNode(schema)) {
      const items = schema.items as JsonSchemaObject;
      const item = parseSchema(items, { ...refs, path: [...refs.path, "items"] });
      const body = specBody([
        ["required", schema["x-mizan-required"] === true ? "true" : undefined],
        ["min", numberOf(schema["x-mizan-min-num"])],
        ["max", numberOf(schema["x-mizan-max-num"])],
        ["messages", messagesOf(schema)],
        ["keys", keysOf(schema, keys)],
      ]);
      return `${runtime.take("formset")}(${item}, ${body})`;
    }
    if (isFormNode(schema)) {
      const body = specBody([
        ["required", schema["x-mizan-required"] === true ? "true" : undefined],
        ["messages", messagesOf(schema)],
        ["keys", keysOf(schema, keys)],
      ]);
      return `${runtime.take("subform")}(${object(schema, refs)}, ${body})`;
    }
    return fieldCall(schema, refs, runtime, keys);
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
