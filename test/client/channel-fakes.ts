/**
 * A scripted WebSocket and manual timers for the channel client's tests: the test plays the
 * server (open, frames, close) and moves time; nothing waits on a real clock.
 */
import type { ChannelTimers, WebSocketLike } from "../../src/client/index.js";

export class FakeSocket implements WebSocketLike {
  static instances: FakeSocket[] = [];
  readonly url: string;
  /** Every frame the client sent, parsed. */
  readonly sent: Array<Record<string, unknown>> = [];
  closedWith: { code?: number | undefined; reason?: string | undefined } | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeSocket.instances.push(this);
  }

  static reset(): void {
    FakeSocket.instances = [];
  }

  static get last(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  /** The server accepts the connection. */
  accept(): void {
    this.onopen?.({});
  }

  /** The server sends a frame (an object is sent as JSON; a string as is). */
  frame(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === "string" ? frame : JSON.stringify(frame) });
  }

  /** The server (or the network) closes the connection. */
  drop(code = 1006, reason = ""): void {
    this.onclose?.({ code, reason });
  }

  /** Frames of one type the client sent. */
  sentOf(type: string): Array<Record<string, unknown>> {
    return this.sent.filter((frame) => frame.t === type);
  }

  /** The id of the last `sub` frame for channel `ch`. */
  subId(ch?: string): string {
    const frame = this.sentOf("sub")
      .filter((f) => ch === undefined || f.ch === ch)
      .at(-1);
    if (!frame) throw new Error(`no sub frame${ch ? ` for ${ch}` : ""}`);
    return String(frame.id);
  }
}

/** Timers that run only when the test moves time with `advance`. */
export class ManualTimers implements ChannelTimers {
  now = 0;
  /** Every delay asked for, in order. */
  readonly delays: number[] = [];
  #next = 1;
  readonly #due = new Map<number, { at: number; run: () => void }>();

  setTimeout = (run: () => void, ms: number): unknown => {
    const handle = this.#next++;
    this.delays.push(ms);
    this.#due.set(handle, { at: this.now + ms, run });
    return handle;
  };

  clearTimeout = (handle: unknown): void => {
    this.#due.delete(handle as number);
  };

  get pending(): number {
    return this.#due.size;
  }

  /** Move the clock by `ms`, running what falls due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let first: [number, { at: number; run: () => void }] | undefined;
      for (const entry of this.#due) if (!first || entry[1].at < first[1].at) first = entry;
      if (!first || first[1].at > end) break;
      this.#due.delete(first[0]);
      this.now = first[1].at;
      first[1].run();
    }
    this.now = end;
  }
}

/** An event target standing for `window` or `document`. */
export class FakeEvents {
  visibilityState = "visible";
  readonly #listeners = new Map<string, Set<() => void>>();

  addEventListener(type: string, listener: () => void): void {
    const set = this.#listeners.get(type) ?? new Set();
    set.add(listener);
    this.#listeners.set(type, set);
  }

  removeEventListener(type: string, listener: () => void): void {
    this.#listeners.get(type)?.delete(listener);
  }

  count(type: string): number {
    return this.#listeners.get(type)?.size ?? 0;
  }

  fire(type: string): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener();
  }
}
