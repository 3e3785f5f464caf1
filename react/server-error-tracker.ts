import { getPath, isSameValue, snapshot } from "./field-paths.js";
import type { LiveValidationOption } from "./form-types.js";
import type { MizanFormMeta } from "./meta.js";

/** What a tracker needs of the form; `useMizanFormBase` wires it to react-hook-form. */
export interface ServerErrorTrackerHost {
  values(): unknown;
  /** Clears the error at `target` if (and only if) it came from the server. */
  clearServerError(target: string): void;
  /** The paths `watched()` returns changed: their value changes must now (or no longer) come in. */
  onWatchedChange(): void;
}

/**
 * Server errors (from a submit, or a live check) stay until the value they were about
 * changes. Plain store, no React. `LiveValidation` adds the live checks on top (`changed`,
 * `blurred`, `validate`); a form without them keeps this part only, and asks nothing.
 */
export class ServerErrorTracker {
  readonly #host: ServerErrorTrackerHost;
  /** Error targets that hold a server error, with the value it was about. */
  readonly #tracked = new Map<string, { valuePath: string; value: unknown }>();

  constructor(host: ServerErrorTrackerHost) {
    this.#host = host;
  }

  /** The value paths whose changes `valuesChanged` must hear about (those of tracked errors). */
  watched(): string[] {
    const paths = new Set<string>();
    for (const entry of this.#tracked.values()) paths.add(entry.valuePath);
    return [...paths];
  }

  /**
   * The fields whose changes the form must report to `valuesChanged` (`undefined`: all of
   * them); here, those of tracked errors whatever the live option.
   */
  fieldNames(
    _option: LiveValidationOption | undefined,
    _meta: MizanFormMeta | undefined,
  ): string[] | undefined {
    return this.watched();
  }

  /** Remember that `target` now holds a server error about the value at `valuePath`. */
  track(target: string, valuePath: string): void {
    const before = this.#tracked.get(target)?.valuePath;
    const value = snapshot(getPath(this.#host.values(), valuePath));
    this.#tracked.set(target, { valuePath, value });
    if (before !== valuePath) this.#host.onWatchedChange();
  }

  protected untrack(target: string): void {
    if (this.#tracked.delete(target)) this.#host.onWatchedChange();
  }

  /** Call on every change of a `watched()` path: clears outdated server errors. */
  valuesChanged(values: unknown): void {
    let changed = false;
    for (const [target, entry] of this.#tracked) {
      if (!isSameValue(getPath(values, entry.valuePath), entry.value)) {
        this.#tracked.delete(target);
        changed = true;
        this.#host.clearServerError(target);
      }
    }
    if (changed) this.#host.onWatchedChange();
  }

  /** A field's input changed the value at `path` (live checks only). */
  changed?(path: string, option: LiveValidationOption | undefined): void;

  /** The field at `path` lost focus (live checks only). */
  blurred?(path: string, option: LiveValidationOption | undefined): void;

  /** Ask the server about the value at `path` now (live checks only). */
  validate?(path: string): Promise<void>;

  /** Forget tracked errors (a submit supersedes them). */
  abortAll(): void {
    const watched = this.#tracked.size > 0;
    this.#tracked.clear();
    if (watched) this.#host.onWatchedChange();
  }

  /** Forget everything (after a reset). */
  clear(): void {
    this.abortAll();
  }
}
