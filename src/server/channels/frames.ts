import { MizanError } from "../../core/errors.js";
import { isRecord } from "../../core/is-plain-object.js";

/** Longest subscription id, message ref or cursor a client may send. */
const MAX_ID_LENGTH = 128;
const MAX_CURSOR_LENGTH = 256;

/** A frame the browser sends, checked for shape (not yet against any channel). */
export type ClientFrame =
  | { t: "sub"; id: string; ch: string; params: Record<string, unknown>; since?: string }
  | { t: "unsub"; id: string }
  | { t: "msg"; id: string; ref: string; data: unknown }
  | { t: "ping" };

/** Whatever of `id` and `ref` a refused frame carried, to address the `err` back. */
export interface FrameAddress {
  id?: string;
  ref?: string;
}

/** A frame that cannot be handled, with what it could be addressed by. */
export class FrameError extends Error {
  constructor(
    readonly error: MizanError,
    readonly address: FrameAddress,
  ) {
    super(error.message);
  }
}

const isId = (value: unknown, max = MAX_ID_LENGTH): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= max;

function bad(message: string, address: FrameAddress = {}): FrameError {
  return new FrameError(new MizanError("BAD_REQUEST", message), address);
}

/** What of `id`/`ref` a parsed value carries, for addressing an error about it. */
export function addressOf(value: unknown): FrameAddress {
  if (!isRecord(value)) return {};
  const address: FrameAddress = {};
  if (isId(value.id)) address.id = value.id;
  if (isId(value.ref)) address.ref = value.ref;
  return address;
}

/** Parse a text frame; throws a FrameError (BAD_REQUEST) for anything malformed. */
export function parseFrame(text: string): ClientFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad("Malformed frame: not JSON.");
  }
  return checkFrame(value);
}

/** Check a decoded frame's shape; throws a FrameError (BAD_REQUEST) naming the problem. */
export function checkFrame(value: unknown): ClientFrame {
  if (!isRecord(value)) throw bad('A frame must be a JSON object with a "t" field.');
  const address = addressOf(value);
  switch (value.t) {
    case "ping":
      return { t: "ping" };
    case "sub": {
      if (!isId(value.id)) throw bad(`"id" must be a string of 1 to ${MAX_ID_LENGTH} characters.`);
      if (typeof value.ch !== "string" || value.ch === "") {
        throw bad('"ch" must name a channel.', address);
      }
      if (value.params !== undefined && !isRecord(value.params)) {
        throw bad('"params" must be a JSON object.', address);
      }
      if (value.since !== undefined && !(typeof value.since === "string")) {
        throw bad('"since" must be a cursor string.', address);
      }
      if (typeof value.since === "string" && value.since.length > MAX_CURSOR_LENGTH) {
        throw bad('"since" is too long to be a cursor.', address);
      }
      const frame: ClientFrame = {
        t: "sub",
        id: value.id,
        ch: value.ch,
        params: (value.params as Record<string, unknown> | undefined) ?? {},
      };
      if (typeof value.since === "string") frame.since = value.since;
      return frame;
    }
    case "unsub":
      if (!isId(value.id)) throw bad(`"id" must be a string of 1 to ${MAX_ID_LENGTH} characters.`);
      return { t: "unsub", id: value.id };
    case "msg":
      if (!isId(value.id)) throw bad(`"id" must be a string of 1 to ${MAX_ID_LENGTH} characters.`);
      if (!isId(value.ref)) {
        throw bad(`"ref" must be a string of 1 to ${MAX_ID_LENGTH} characters.`, address);
      }
      return { t: "msg", id: value.id, ref: value.ref, data: value.data };
    default:
      throw bad('Unknown frame type: "t" must be "sub", "unsub", "msg" or "ping".', address);
  }
}

/** An `err` frame's text. */
export function errFrame(error: MizanError, address: FrameAddress = {}): string {
  const frame: Record<string, unknown> = { t: "err" };
  if (address.id !== undefined) frame.id = address.id;
  if (address.ref !== undefined) frame.ref = address.ref;
  frame.code = error.code;
  frame.message = error.message;
  if (error.details !== null && error.details !== undefined) frame.details = error.details;
  try {
    return JSON.stringify(frame);
  } catch {
    // Details a hook made that are not JSON (a BigInt, a cycle): the frame goes without them.
    delete frame.details;
    return JSON.stringify(frame);
  }
}
