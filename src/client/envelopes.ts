import type { ContextEnvelope, ContextMerge, ContextRef } from "../core/context-key.js";
import { isRecord } from "../core/is-plain-object.js";
import type { CallOptions, EnvelopeListener, MizanClient, Transport } from "./transport.js";

/** A list's context references: a name, and args that are an object when given. */
const refsIn = (list: unknown): ContextRef[] =>
  Array.isArray(list)
    ? list.filter(
        (ref) =>
          isRecord(ref) &&
          typeof ref.name === "string" &&
          (ref.args === undefined || isRecord(ref.args)),
      )
    : [];

/** The envelope of these lists; `undefined` when they name no context. */
const envelope = (
  invalidate: ContextRef[],
  merge: ContextMerge[] = [],
): ContextEnvelope | undefined =>
  invalidate.length + merge.length > 0 ? { invalidate, merge } : undefined;

/**
 * The context part of a parsed success envelope; `undefined` when it names no context (so
 * listeners hear only calls that changed something). Malformed entries are skipped.
 */
export const envelopeOf = (body: Record<string, unknown>): ContextEnvelope | undefined =>
  envelope(
    refsIn(body.invalidate),
    refsIn(body.merge).filter((ref) => Object.hasOwn(ref, "value")) as ContextMerge[],
  );

/**
 * `X-Mizan-Invalidate: a, b` (the header a function's own Response carries for the contexts it
 * changed) as an envelope invalidating every instance of a and b.
 */
export const headerEnvelope = (headers: Headers): ContextEnvelope | undefined =>
  envelope(
    (headers.get("x-mizan-invalidate") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "")
      .map((name) => ({ name })),
  );

/**
 * A client's `call` over `transport` and its `onEnvelope`: each call's envelope is told to every
 * listener in turn (`first` is the client's `onEnvelope` option), then to the call's own
 * `onEnvelope`. `onEnvelope` returns the unsubscribe.
 */
export function envelopeCaller(
  transport: Transport,
  first?: EnvelopeListener,
): Pick<MizanClient, "call" | "onEnvelope"> {
  const listeners = new Set<EnvelopeListener>(first && [first]);
  return {
    call<TResult>(name: string, args: unknown = {}, callOptions: CallOptions = {}) {
      const own = callOptions.onEnvelope;
      const onEnvelope: EnvelopeListener = (envelope) => {
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
        own?.(envelope);
      };
      return transport(name, args, { ...callOptions, onEnvelope }) as Promise<TResult>;
    },
    onEnvelope(listener) {
      // A wrapper per subscription, so the same function added twice counts twice.
      const own: EnvelopeListener = (envelope) => listener(envelope);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}
