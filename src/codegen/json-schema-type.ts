const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Schema = Record<string, unknown> | boolean;

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith("#/") || typeof root === "boolean") return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "object" || typeof node === "boolean" ? (node as Schema) : undefined;
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes("unknown")) return "unknown";
  const kept = unique.filter((p) => p !== "never");
  if (!kept.length) return "never";
  return kept.map((p) => (p.includes("=>") ? `(${p})` : p)).join(" | ");
}

function wrap(type: string): string {
  return /[|&]/.test(type) ? `(${type})` : type;
}

/**
 * A JSON Schema (what Zod's `toJSONSchema` writes into the manifest) as a TypeScript type.
 * Covers the keywords Zod emits; anything it cannot express becomes `unknown`. `$ref`s into
 * the same document are inlined (a recursive one becomes `unknown`).
 *
 * @example
 * jsonSchemaToType({ type: "object", properties: { text: { type: "string" } }, required: ["text"] });
 * // "{ text: string }"
 */
export function jsonSchemaToType(
  schema: unknown,
  root: unknown = schema,
  seen: ReadonlySet<string> = new Set(),
): string {
  if (schema === true || schema === undefined || schema === null) return "unknown";
  if (schema === false) return "never";
  if (typeof schema !== "object" || Array.isArray(schema)) return "unknown";
  const node = schema as Record<string, unknown>;
  const recur = (s: unknown, nextSeen = seen) => jsonSchemaToType(s, root, nextSeen);
  let type = base(node, recur, root, seen);
  if (node.nullable === true) type = union([type, "null"]);
  return type;
}

function base(
  node: Record<string, unknown>,
  recur: (s: unknown, seen?: ReadonlySet<string>) => string,
  root: unknown,
  seen: ReadonlySet<string>,
): string {
  if (typeof node.$ref === "string") {
    if (seen.has(node.$ref)) return "unknown";
    const target = resolveRef(root as Schema, node.$ref);
    return target === undefined ? "unknown" : recur(target, new Set([...seen, node.$ref]));
  }
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return union(node.enum.map((v) => JSON.stringify(v)));
  if (Array.isArray(node.anyOf)) return union(node.anyOf.map((s) => recur(s)));
  if (Array.isArray(node.oneOf)) return union(node.oneOf.map((s) => recur(s)));
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((s) => recur(s)).filter((p) => p !== "unknown");
    return parts.length ? parts.map(wrap).join(" & ") : "unknown";
  }
  if (Array.isArray(node.type)) {
    return union(node.type.map((t) => recur({ ...node, type: t })));
  }
  switch (node.type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      if (Array.isArray(node.prefixItems)) {
        const items = node.prefixItems.map((s) => recur(s));
        const rest =
          node.items === false || node.items === undefined
            ? []
            : [`...${wrap(recur(node.items))}[]`];
        return `[${[...items, ...rest].join(", ")}]`;
      }
      return `Array<${recur(node.items ?? true)}>`;
    }
    case "object":
      return objectType(node, recur);
    default:
      if (node.properties !== undefined) return objectType(node, recur);
      return "unknown";
  }
}

function objectType(node: Record<string, unknown>, recur: (s: unknown) => string): string {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const members = Object.entries(properties).map(([key, value]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${name}${required.has(key) ? "" : "?"}: ${recur(value)}`;
  });
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const valueType = recur(extra);
    // An index signature must admit every named property's type.
    const all = Object.keys(properties).length
      ? union([valueType, ...Object.values(properties).map(recur)])
      : valueType;
    members.push(
      `[key: string]: ${Object.keys(properties).length ? `${all} | undefined` : valueType}`,
    );
  } else if (extra === undefined && !members.length) {
    return "Record<string, unknown>";
  }
  return members.length ? `{ ${members.join("; ")} }` : "Record<string, never>";
}
