import type { ContextEnvelope, ContextMerge, ContextRef } from "../core/context-key.js";
import { isRecord } from "../core/is-plain-object.js";
import type { EnvelopeListener } from "./transport.js";

/** The header a function's own Response carries for the contexts it changed. */
const INVALIDATE_HEADER = "x-mizan-invalidate";

const isRef = (value: unknown): value is ContextRef =>
  isRecord(value) &&
  typeof value.name === "string" &&
  (value.args === undefined || isRecord(value.args));

/**
 * The context part of a parsed success envelope; `undefined` when it names no context (so
 * listeners hear only calls that changed something). Malformed entries are skipped.
 */
export function envelopeOf(body: Record<string, unknown>): ContextEnvelope | undefined {
  const invalidate = Array.isArray(body.invalidate) ? body.invalidate.filter(isRef) : [];
  const merge = Array.isArray(body.merge)
    ? (body.merge.filter((m) => isRef(m) && Object.hasOwn(m, "value")) as ContextMerge[])
    : [];
  return invalidate.length + merge.length > 0 ? { invalidate, merge } : undefined;
}

/** `X-Mizan-Invalidate: a, b` as an envelope invalidating every instance of a and b. */
export function headerEnvelope(headers: Headers): ContextEnvelope | undefined {
  const names = (headers.get(INVALIDATE_HEADER) ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return names.length > 0 ? { invalidate: names.map((name) => ({ name })), merge: [] } : undefined;
}

/** The listeners of one client: `add` returns the unsubscribe; `emit` tells each in turn. */
export function envelopeHub(first?: EnvelopeListener) {
  const listeners = new Set<EnvelopeListener>();
  if (first) listeners.add(first);
  return {
    add(listener: EnvelopeListener): () => void {
      const own: EnvelopeListener = (envelope) => listener(envelope);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
    emit(envelope: ContextEnvelope | undefined): void {
      if (!envelope) return;
      for (const listener of [...listeners]) {
        try {
          listener(envelope);
        } catch (error) {
          // A failing listener must not fail the call that succeeded: report it on its own.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
