import {
  type DispatchOptions,
  type DispatchOutcome,
  dispatchContext,
  errorOutcome,
} from "../core/dispatch.js";
import { MizanError } from "../core/errors.js";
import { exceedsDepth } from "./json-depth.js";
import type { Limits } from "./limits.js";

/** The Cache-Control of every context answer: per user, never stored. */
export const CONTEXT_CACHE_CONTROL = "private, no-store";

const utf8 = new TextEncoder();

/**
 * The `args` query parameter of a context read, parsed: left out → `{}`; more than one, over
 * `maxContextArgsBytes` (413), deeper than `maxDepth` or not JSON (400). Whether it is an object
 * is the dispatch step's check, with the same words as for calls.
 */
export function contextArgs(url: URL, limits: Readonly<Limits>): unknown {
  const all = url.searchParams.getAll("args");
  if (all.length === 0) return {};
  if (all.length > 1) throw new MizanError("BAD_REQUEST", 'Give "args" once.');
  const text = all[0] as string;
  const max = limits.maxContextArgsBytes;
  // Characters never outnumber UTF-8 bytes: the cheap test first.
  if (text.length > max || utf8.encode(text).length > max) {
    throw new MizanError("PAYLOAD_TOO_LARGE", `Context args over ${max} bytes.`, {
      max_bytes: max,
    });
  }
  if (exceedsDepth(text, limits.maxDepth)) {
    throw new MizanError("BAD_REQUEST", `"args" nests deeper than ${limits.maxDepth} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MizanError("BAD_REQUEST", '"args" is not valid JSON.', null, error);
  }
}

/**
 * `GET {base}/ctx/<name>/?args=…`: the args parsed from the URL, then the shared dispatch step,
 * which finds only contexts (404 `Unknown context` otherwise). Never throws.
 */
export async function readContext(
  request: Request,
  name: string,
  limits: Readonly<Limits>,
  options: DispatchOptions,
): Promise<DispatchOutcome> {
  let args: unknown;
  try {
    args = contextArgs(new URL(request.url), limits);
  } catch (thrown) {
    return errorOutcome(thrown, { request, fn: name }, options);
  }
  return dispatchContext(name, args, request, options);
}
