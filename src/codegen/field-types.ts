import type { FieldTsTypes } from "../forms/field.js";
import type { JsonValue } from "../forms/rules/types.js";
import { tsOr, tsTypeOf } from "../forms/ts-type.js";
import { GenerateError } from "./runtime-names.js";

/** TypeScript types of one field: what the form holds (`input`) and what cleans out (`output`). */
export type FieldTypes = FieldTsTypes;

// A small TypeScript type grammar: names with type arguments, string/number literals,
// `|`, `&`, `T[]`, tuples, object types and parentheses. `x-mizan-ts` is spliced into
// generated code, so anything else (a call, `new`, `typeof`, `=`) is refused: a manifest
// fetched from a URL must not be able to put code into the client.
const TOKEN =
  /\s*(?:([A-Za-z_$][A-Za-z0-9_$]*)|("(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?)|(\[\]|[|&<>[\](){}:;,?]))/y;

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return /^\s*$/.test(text.slice(at)) ? tokens : undefined;
    tokens.push(match[0].trim());
  }
  return tokens;
}

function parses(tokens: string[]): boolean {
  let i = 0;
  const eat = (token: string): boolean => {
    if (tokens[i] !== token) return false;
    i++;
    return true;
  };
  const isName = (t: string | undefined) => t !== undefined && /^[A-Za-z_$]/.test(t);
  const isLiteral = (t: string | undefined) => t !== undefined && /^["\d-]/.test(t);
  // `item (sep item)* sep? close`; at least one item.
  const items = (item: () => boolean, close: string): boolean => {
    do {
      if (tokens[i] === close) break;
      if (!item()) return false;
    } while (eat(",") || eat(";"));
    return eat(close);
  };
  const member = (): boolean => {
    const key = tokens[i];
    if (!isName(key) && !key?.startsWith('"')) return false;
    i++;
    eat("?");
    return eat(":") && union();
  };
  const primary = (): boolean => {
    const t = tokens[i];
    if (eat("(")) return union() && eat(")");
    if (eat("[")) return items(union, "]");
    if (eat("{")) return items(member, "}");
    if (isLiteral(t)) {
      i++;
      return true;
    }
    if (!isName(t)) return false;
    i++;
    return eat("<") ? tokens[i] !== ">" && items(union, ">") : true;
  };
  const union = (): boolean => {
    eat("|");
    do {
      if (!primary()) return false;
      while (eat("[]"));
    } while (eat("|") || eat("&"));
    return true;
  };
  return union() && i === tokens.length;
}

/** Whether `text` is a TypeScript type the generator may print (see the grammar above). */
function isPrintableType(text: unknown): text is string {
  if (typeof text !== "string" || !text.trim()) return false;
  const tokens = tokenize(text);
  return tokens !== undefined && parses(tokens);
}

/** What a node's JSON `type` says, for manifests and fields that state no `x-mizan-ts`. */
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

/**
 * The input and cleaned types of a field node: what its `x-mizan-ts` says (each field class
 * states its own, required and empty value included). A node without it (an older manifest,
 * a field class that states none) falls back to its JSON `type`, plus its `x-mizan-empty`'s
 * type when `x-mizan-required` is false, then to `JsonValue`.
 *
 * @example
 * fieldTypes({ "x-mizan-ts": { input: "number | string", output: "number | null" } });
 * // { input: "number | string", output: "number | null" }
 */
export function fieldTypes(node: Record<string, unknown>): FieldTypes {
  const stated = node["x-mizan-ts"];
  if (stated !== undefined) {
    const { input, output } = (stated ?? {}) as Partial<Record<string, unknown>>;
    if (!isPrintableType(input) || !isPrintableType(output)) {
      throw new GenerateError(
        `x-mizan-ts must be { input, output } TypeScript types (names, literals, |, &, [], <>, {}); got ${JSON.stringify(stated)}.`,
      );
    }
    return { input, output };
  }
  const guessed = fromJsonType(node);
  if (!guessed) return { input: "JsonValue", output: "JsonValue" };
  const empty = (node["x-mizan-empty"] ?? null) as JsonValue;
  return node["x-mizan-required"] === false
    ? { input: guessed.input, output: tsOr(guessed.output, tsTypeOf(empty)) }
    : guessed;
}
