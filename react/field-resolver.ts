import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver, ResolverOptions, ResolverResult } from "react-hook-form";
import { splitPath } from "./field-paths.js";

/** What this module reads of a Zod 4 schema (classic and `zod/mini` share `_zod.def`). */
interface SchemaInternals {
  _zod?: {
    def?: {
      type?: string;
      shape?: Record<string, unknown>;
      checks?: readonly unknown[];
      catchall?: unknown;
    };
  };
  clone?(def: object): unknown;
}

/**
 * The properties of an object schema that can be parsed one at a time: an object schema
 * (classic or mini) with no object-level checks (`.refine()`, `.check()`) and no catchall
 * (unknown keys stripped, so leaving keys out of a parse changes nothing else). Each property
 * then depends on its own value only. `undefined` for any other schema.
 */
function independentShape(schema: unknown): Record<string, unknown> | undefined {
  const def = (schema as SchemaInternals | null)?._zod?.def;
  if (def?.type !== "object" || def.catchall !== undefined) return undefined;
  if (def.checks && def.checks.length > 0) return undefined;
  if (typeof (schema as SchemaInternals).clone !== "function") return undefined;
  const shape = def.shape;
  return shape && typeof shape === "object" ? shape : undefined;
}

const partials = new WeakMap<object, Map<string, unknown>>();

/**
 * `schema` restricted to the top-level properties `keys` (same kind of schema, same
 * properties, built once per schema and key set), or `undefined` when the schema's properties
 * cannot be parsed apart (see `independentShape`) or a key is not one of them.
 */
export function partialSchema<T>(schema: T, keys: readonly string[]): T | undefined {
  const shape = independentShape(schema);
  if (!shape) return undefined;
  for (const key of keys) if (!Object.hasOwn(shape, key)) return undefined;
  let byKeys = partials.get(schema as object);
  if (!byKeys) {
    byKeys = new Map();
    partials.set(schema as object, byKeys);
  }
  const id = keys.join("\u0000");
  let partial = byKeys.get(id);
  if (!partial) {
    const internals = schema as SchemaInternals;
    const def = internals._zod?.def ?? {};
    const picked: Record<string, unknown> = {};
    for (const key of keys) picked[key] = shape[key];
    partial = internals.clone?.({ ...def, shape: picked, checks: [] });
    byKeys.set(id, partial);
  }
  return partial as T;
}

/** The top-level properties of `names`, or `undefined` when one is not a property. */
function topKeys(names: readonly string[], shape: Record<string, unknown>): string[] | undefined {
  const keys: string[] = [];
  for (const name of names) {
    const top = splitPath(name)[0];
    if (top === undefined || !Object.hasOwn(shape, top)) return undefined;
    if (!keys.includes(top)) keys.push(top);
  }
  return keys;
}

export interface FieldResolverOptions {
  /** zodResolver's parse mode (`"sync"` when the parse must run inside a catalog). */
  mode?: "sync" | "async";
  /**
   * How many fields react-hook-form has registered, `undefined` when unknown. It asks for all
   * of them on submit and for the form's validity, for one (or a few) on a field's events.
   */
  registeredCount(): number | undefined;
}

/**
 * `zodResolver(schema)` that parses only what react-hook-form asked about when it asks about
 * some fields: a change or blur of a touched field, `trigger(name)`, a field's `deps`. When
 * every name asked is under a top-level property of an object schema with no object-level
 * checks (see `independentShape`), and fewer names are asked than are registered, only those
 * properties are parsed, so a keystroke costs the same in a 1,000-field form as in a 5-field
 * one. The errors are those of the full parse for the names asked (same messages, types,
 * `criteriaMode`, field-array roots), together with the errors last found for the other
 * fields: react-hook-form reads only the asked names' errors from a field-level answer, and
 * derives `isValid` from the whole answer being empty. Anything else (a submit, `trigger()`,
 * `isValid`, a refined schema, a name outside the shape) is the full parse.
 */
export function fieldResolver<TValues extends FieldValues>(
  schema: unknown,
  options: FieldResolverOptions,
): Resolver<TValues, unknown, unknown> {
  const mode = options.mode ?? "async";
  type Any = Resolver<TValues, unknown, unknown>;
  const whole = zodResolver(schema as never, undefined, { mode }) as unknown as Any;
  const shape = independentShape(schema);
  if (!shape) return whole;
  const resolvers = new Map<string, Any>();
  /** The errors last found, per top-level property. */
  let known = new Map<string, unknown>();

  const resolverOf = (keys: string[]): Any | undefined => {
    const id = keys.join("\u0000");
    let resolver = resolvers.get(id);
    if (!resolver) {
      const partial = partialSchema(schema, keys);
      if (!partial) return undefined;
      resolver = zodResolver(partial as never, undefined, { mode }) as unknown as Any;
      resolvers.set(id, resolver);
    }
    return resolver;
  };

  const keysAsked = (asked: ResolverOptions<TValues>): string[] | undefined => {
    const names = asked.names as readonly string[] | undefined;
    if (!names || names.length === 0) return undefined;
    const registered = options.registeredCount();
    if (registered === undefined || names.length >= registered) return undefined;
    return topKeys(names, shape);
  };

  return ((values, context, asked) => {
    const keys = keysAsked(asked);
    const partial = keys && resolverOf(keys);
    if (!keys || !partial) {
      return Promise.resolve(whole(values, context, asked)).then((result) => {
        known = new Map(Object.entries(result.errors as Record<string, unknown>));
        return result;
      });
    }
    return Promise.resolve(partial(values, context, asked)).then(
      (result): ResolverResult<TValues, unknown> => {
        const fresh = result.errors as Record<string, unknown>;
        for (const key of keys) {
          if (fresh[key] === undefined) known.delete(key);
          else known.set(key, fresh[key]);
        }
        if (known.size === 0) return result;
        return { values: {}, errors: Object.fromEntries(known) } as ResolverResult<
          TValues,
          unknown
        >;
      },
    );
  }) as Any;
}
