/** Requests and readers the handler tests share: one demo registry, Web requests in process. */
import { expect } from "vitest";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";
import { demoRegistry } from "./functions.js";

export const BASE = "http://test.local/api/mizan";

/** A handler over the demo registry that keeps unexpected errors quiet. */
export function handlerFor(options: HandlerOptions = {}) {
  return createHandler({ registry: demoRegistry(), onError: () => {}, ...options });
}

/** A POST to `{base}/call/` with a JSON content type (headers may override it). */
export function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}/call/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** A call envelope; `args` is left out of the body when undefined. */
export function callRequest(fn: unknown, args?: unknown): Request {
  return post(JSON.stringify(args === undefined ? { fn } : { fn, args }));
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read by shape
export async function json(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}

/** After each test: no request body managed to write onto Object.prototype. */
export function expectNoPrototypePollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
