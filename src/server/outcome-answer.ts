import { type DispatchOutcome, outcomeHeaders } from "../core/dispatch.js";
import { CONTEXT_CACHE_CONTROL } from "./context-route.js";
import { type JsonAnswer, jsonAnswer } from "./json-answer.js";
import { passThrough } from "./responses.js";

/**
 * A context read's answer: `{"result": …}` (no invalidate/merge: a read changes nothing) or the
 * error envelope, both `Cache-Control: private, no-store`; a context's own Response as is.
 */
export function contextResponse(
  outcome: Exclude<DispatchOutcome, { kind: "framework" }>,
): Response | JsonAnswer {
  const init = { "cache-control": CONTEXT_CACHE_CONTROL };
  if (outcome.kind === "result") {
    const text = JSON.stringify({ result: outcome.body.result });
    return jsonAnswer(200, text, outcomeHeaders(outcome), init);
  }
  if (outcome.kind === "response") return passThrough(outcome.response, outcome.headers);
  return jsonAnswer(outcome.status, JSON.stringify(outcome.body), outcomeHeaders(outcome), init);
}

/** An outcome as the HTTP answer: the JSON envelope, or a function's own Response. */
export function toResponse(
  outcome: Exclude<DispatchOutcome, { kind: "framework" }>,
  allow?: string,
): Response | JsonAnswer {
  if (outcome.kind === "result") return jsonAnswer(200, outcome.json, outcomeHeaders(outcome));
  if (outcome.kind === "response") return passThrough(outcome.response, outcome.headers);
  const text = JSON.stringify(outcome.body);
  return jsonAnswer(outcome.status, text, outcomeHeaders(outcome), allow ? { allow } : undefined);
}
