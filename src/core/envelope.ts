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
 * merged, only the result is serialised and put in the envelope's fixed text, unless it has a
 * `toJSON` (it would be told its key, "result" in the envelope) or is left out as JSON (a
 * function): then, and on any throw, the whole envelope is, as before (so the error is the
 * same too).
 */
export function envelopeJson(result: unknown, effects: Effects | null): string {
  if (effects === null && typeof (result as { toJSON?: unknown } | null)?.toJSON !== "function") {
    let inner: string | undefined;
    try {
      inner = JSON.stringify(result ?? null);
    } catch {
      return JSON.stringify(envelope(result, effects));
    }
    if (inner !== undefined) return `{"result":${inner},"invalidate":[],"merge":[]}`;
  }
  return JSON.stringify(envelope(result, effects));
}
