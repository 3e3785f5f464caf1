import type { FieldValues, UseFormReturn } from "react-hook-form";
import { getPath, isSameValue, snapshot } from "./field-paths.js";

/**
 * Server errors (from a submit, or a live check) stay until the value they were about
 * changes. Plain store, no React: the form hook makes one per form and drives it;
 * `LiveValidation` adds the live checks on top of it.
 */
export interface ServerErrorTracker {
  /** The value paths whose changes `valuesChanged` must hear about (those of tracked errors). */
  watched(): string[];
  /** Remember that `target` now holds a server error about the value at `valuePath`. */
  track(target: string, valuePath: string): void;
  /** Forget the error at `target` (a live check found none). */
  untrack(target: string): void;
  /** Call on every change of a `watched()` path: clears outdated server errors. */
  valuesChanged(values: unknown): void;
  /** Forget tracked errors (a submit supersedes them; a reset or an unmount drops them). */
  clear(): void;
}

/** Clears the error at `target` if (and only if) it came from the server. */
export function clearServerError(form: UseFormReturn<FieldValues>, target: string): void {
  if (form.getFieldState(target).error?.type === "server") form.clearErrors(target);
}

/**
 * The tracker of `form`'s server errors; `onWatchedChange` is called when the paths
 * `watched()` returns changed (their value changes must now, or no longer, come in).
 * Closures rather than a class: a plain form page downloads this, and local names minify.
 */
export function serverErrorTracker(
  form: UseFormReturn<FieldValues>,
  onWatchedChange: () => void,
): ServerErrorTracker {
  /** Error targets that hold a server error: the value path and the value it was about. */
  const tracked = new Map<string, [valuePath: string, value: unknown]>();
  return {
    watched: () => [...new Set(Array.from(tracked.values(), ([valuePath]) => valuePath))],
    track(target, valuePath) {
      const before = tracked.get(target)?.[0];
      tracked.set(target, [valuePath, snapshot(getPath(form.getValues(), valuePath))]);
      if (before !== valuePath) onWatchedChange();
    },
    untrack(target) {
      if (tracked.delete(target)) onWatchedChange();
    },
    valuesChanged(values) {
      let changed = false;
      for (const [target, [valuePath, value]] of tracked) {
        if (!isSameValue(getPath(values, valuePath), value)) {
          tracked.delete(target);
          changed = true;
          clearServerError(form, target);
        }
      }
      if (changed) onWatchedChange();
    },
    clear() {
      if (tracked.size) {
        tracked.clear();
        onWatchedChange();
      }
    },
  };
}
