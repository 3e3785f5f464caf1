/** The success envelope of a call: its effects collected, its JSON made (see dispatch.ts). */
import { contextEffects, type RequestContext } from "./context.js";
import type { ContextMerge, ContextRef } from "./context-key.js";
import type { SuccessEnvelope } from "./dispatch.js";
import { stableStringify } from "./hash.js";

const refKey = (ref: ContextRef): string =>
  `${ref.name} ${ref.args === undefined ? "*" : stableStringify(ref.args)}`;

export type Effects = Pick<SuccessEnvelope, "invalidate" | "merge">;

/** The success envelope: the result (`null` for none), then the effects (none: empty lists). */
export function envelope(result: unknown, effects: Effects | null): SuccessEnvelope {
  return effects
    ? { result: result ?? null, invalidate: effects.invalidate, merge: effects.merge }
    : { result: result ?? null, invalidate: [], merge: [] };
}

/** Declared invalidations first, then the context's own, each instance once; null for none. */
export function envelopeEffects(
  declared: readonly string[] | undefined,
  ctx: RequestContext,
): Effects | null {
  const collected = contextEffects(ctx);
  if (!declared?.length && !collected.invalidate.length && !collected.merge.length) return null;
  const invalidate = new Map<string, ContextRef>();
  for (const ref of [...(declared ?? []).map((n) => ({ name: n })), ...collected.invalidate]) {
    const key = refKey(ref);
    if (!invalidate.has(key)) invalidate.set(key, ref);
  }
  const merge = new Map<string, ContextMerge>();
  for (const item of collected.merge) {
    const key = refKey({ name: item.name, args: item.args ?? {} });
    merge.delete(key);
    merge.set(key, item);
  }
  return { invalidate: [...invalidate.values()], merge: [...merge.values()] };
}

/**
 * `JSON.stringify(envelope(result, effects))`, byte for byte. With nothing invalidated or
 * merged, a plain object result is written by plainObjectJson, any other only serialised and
 * put in the envelope's fixed text, unless it has a
 * `toJSON` (it would be told its key, "result" in the envelope) or is left out as JSON (a
 * function): then, and on any throw, the whole envelope is, as before (so the error is the
 * same too).
 */
export function envelopeJson(result: unknown, effects: Effects | null): string {
  if (effects === null && typeof (result as { toJSON?: unknown } | null)?.toJSON !== "function") {
    let inner: string | undefined;
    try {
      const text = plainObjectJson(result);
      if (text !== undefined) return text;
      inner = JSON.stringify(result ?? null);
    } catch {
      return JSON.stringify(envelope(result, effects));
    }
    if (inner !== undefined) return `{"result":${inner},"invalidate":[],"merge":[]}`;
  }
  return JSON.stringify(envelope(result, effects));
}

/** A character JSON.stringify would escape (a quote, a backslash, a control, a surrogate). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const OBJECT_PROTOTYPE = Object.prototype;
const HEAD = '{"result":{';
const TAIL = '},"invalidate":[],"merge":[]}';

/**
 * The success envelope's text for a result that is a plain object (a form's `{ ok,
 * username }`), written here: JSON.stringify's own setup costs more than a small object's
 * text. The same keys in the same order (own enumerable ones, as JSON.stringify takes them),
 * each value read once: strings without anything to escape, finite numbers, booleans and
 * null written here; any other value handed to JSON.stringify as `{ [key]: value }` (so a
 * `toJSON` is told its key, a value JSON leaves out is left out, a BigInt or a cycle throws).
 * Undefined for a result that is no plain object.
 */
function plainObjectJson(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const proto = Object.getPrototypeOf(result);
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return undefined;
  const keys = Object.keys(result);
  let out = HEAD;
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = (result as Record<string, unknown>)[key];
    let text: string;
    if (typeof value === "string" && !ESCAPED.test(value)) {
      text = `"${value}"`;
    } else if (typeof value === "boolean") {
      text = value ? "true" : "false";
    } else if (typeof value === "number") {
      text = Number.isFinite(value) ? String(value) : "null";
    } else if (value === null) {
      text = "null";
    } else {
      // The pair as JSON.stringify writes it in an object, or nothing when it leaves it out.
      const pair = JSON.stringify({ [key]: value }).slice(1, -1);
      if (pair === "") continue;
      out += first ? pair : `,${pair}`;
      first = false;
      continue;
    }
    const name = ESCAPED.test(key) ? JSON.stringify(key) : `"${key}"`;
    out += first ? `${name}:${text}` : `,${name}:${text}`;
    first = false;
  }
  return out + TAIL;
}
