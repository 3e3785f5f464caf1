import type { ValidationDetails, WireErrorItem } from "../src/core/errors.js";
import { getPath, isSameValue, snapshot } from "./field-paths.js";

/** What the live validator needs of the form; `useMizanForm` wires it to react-hook-form. */
export interface LiveValidationHost {
  /** `<form>.validate` with these args; rejects on transport failures. */
  validate(
    args: { data: unknown; fields: string[]; version?: string },
    signal: AbortSignal,
  ): Promise<unknown>;
  version(): string | undefined;
  /** The server's field name for a value path, or `undefined` when it is not validated live. */
  serverFieldOf(path: string): string | undefined;
  values(): unknown;
  /** The form's data for a check of the top-level field `top` (files elsewhere left out). */
  wireValues(top: string): unknown;
  /** Whether the shared (Zod) rules already reject the value at `path`. */
  hasClientError(path: string): Promise<boolean>;
  setServerError(target: string, items: WireErrorItem[]): void;
  /** Clears the error at `target` if (and only if) it came from the server. */
  clearServerError(target: string): void;
  onBusyChange(busy: boolean): void;
  onStale(): void;
  /** The paths `watched()` returns changed: their value changes must now (or no longer) come in. */
  onWatchedChange(): void;
}

interface ValidateAnswer {
  errors?: Partial<ValidationDetails>;
  stale?: boolean;
}

function isEmptyInput(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Server-only rules (`clean<Field>()`) checked while the user types: one `<form>.validate`
 * call per field, aborted when the value changes, its answer dropped unless it is still
 * about the current value. Server errors (from here or from a submit) clear when their
 * field's value changes. Plain store, no React: `useMizanForm` drives it.
 */
export class LiveValidation {
  readonly #host: LiveValidationHost;
  /** Error targets that hold a server error, with the value it was about. */
  readonly #tracked = new Map<string, { valuePath: string; value: unknown }>();
  readonly #inflight = new Map<string, { controller: AbortController; value: unknown }>();
  /** The last answer per path: blurring again with the same value needs no request. */
  readonly #answers = new Map<string, { value: unknown; items: WireErrorItem[] }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #busy = false;

  constructor(host: LiveValidationHost) {
    this.#host = host;
  }

  #setBusy(): void {
    const busy = this.#inflight.size > 0;
    if (busy !== this.#busy) {
      this.#busy = busy;
      this.#host.onBusyChange(busy);
    }
  }

  #current(path: string): unknown {
    return getPath(this.#host.values(), path);
  }

  /**
   * The value paths whose changes `valuesChanged` must hear about: those of tracked server
   * errors and of checks in flight (a form need not report changes to any other field).
   */
  watched(): string[] {
    const paths = new Set<string>(this.#inflight.keys());
    for (const entry of this.#tracked.values()) paths.add(entry.valuePath);
    return [...paths];
  }

  /** Remember that `target` now holds a server error about the value at `valuePath`. */
  track(target: string, valuePath: string): void {
    const before = this.#tracked.get(target)?.valuePath;
    this.#tracked.set(target, { valuePath, value: snapshot(this.#current(valuePath)) });
    if (before !== valuePath) this.#host.onWatchedChange();
  }

  #untrack(target: string): void {
    if (this.#tracked.delete(target)) this.#host.onWatchedChange();
  }

  /**
   * Call on every change of a `watched()` path (other changes are ignored): aborts outdated
   * calls and clears outdated server errors.
   */
  valuesChanged(values: unknown): void {
    let changed = false;
    for (const [path, entry] of this.#inflight) {
      if (!isSameValue(getPath(values, path), entry.value)) {
        entry.controller.abort();
        this.#inflight.delete(path);
        changed = true;
      }
    }
    this.#setBusy();
    for (const [target, entry] of this.#tracked) {
      if (!isSameValue(getPath(values, entry.valuePath), entry.value)) {
        this.#tracked.delete(target);
        changed = true;
        this.#host.clearServerError(target);
      }
    }
    if (changed) this.#host.onWatchedChange();
  }

  /** Validate `path` after `delayMs` without changes (the debounced on-change mode). */
  schedule(path: string, delayMs: number): void {
    if (this.#host.serverFieldOf(path) === undefined) return;
    const pending = this.#timers.get(path);
    if (pending !== undefined) clearTimeout(pending);
    this.#timers.set(
      path,
      setTimeout(() => {
        this.#timers.delete(path);
        void this.validate(path);
      }, delayMs),
    );
  }

  /** Ask the server about the value at `path` now (skipped while the client finds errors). */
  async validate(path: string): Promise<void> {
    const field = this.#host.serverFieldOf(path);
    if (field === undefined) return;
    const value = snapshot(this.#current(path));
    if (isEmptyInput(value)) return;
    const known = this.#answers.get(path);
    if (known && isSameValue(known.value, value)) {
      this.#apply(path, known.items);
      return;
    }
    if (await this.#host.hasClientError(path)) return;
    if (!isSameValue(this.#current(path), value)) return;

    const previous = this.#inflight.get(path);
    previous?.controller.abort();
    const controller = new AbortController();
    this.#inflight.set(path, { controller, value });
    if (!previous) this.#host.onWatchedChange();
    this.#setBusy();
    let answer: ValidateAnswer;
    try {
      const args: { data: unknown; fields: string[]; version?: string } = {
        data: this.#host.wireValues(path.split(".")[0] ?? path),
        fields: [field],
      };
      const version = this.#host.version();
      if (version !== undefined) args.version = version;
      answer = ((await this.#host.validate(args, controller.signal)) ?? {}) as ValidateAnswer;
    } catch {
      // Aborted, or a failed live check: both stay silent (the submit reports failures).
      return;
    } finally {
      if (this.#inflight.get(path)?.controller === controller) {
        this.#inflight.delete(path);
        this.#host.onWatchedChange();
      }
      this.#setBusy();
    }
    if (controller.signal.aborted || !isSameValue(this.#current(path), value)) return;
    if (answer.stale) this.#host.onStale();
    const items = answer.errors?.fields?.[path] ?? [];
    this.#answers.set(path, { value, items });
    this.#apply(path, items);
  }

  #apply(path: string, items: WireErrorItem[]): void {
    if (items.length) {
      this.#host.setServerError(path, items);
      this.track(path, path);
    } else {
      this.#untrack(path);
      this.#host.clearServerError(path);
    }
  }

  /** Abort every pending check (a submit supersedes them) and forget tracked errors. */
  abortAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const entry of this.#inflight.values()) entry.controller.abort();
    const watched = this.#inflight.size > 0 || this.#tracked.size > 0;
    this.#inflight.clear();
    this.#tracked.clear();
    this.#setBusy();
    if (watched) this.#host.onWatchedChange();
  }

  /** Forget cached answers too (after a reset). */
  clear(): void {
    this.abortAll();
    this.#answers.clear();
  }
}
