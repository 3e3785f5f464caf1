import type { ValidationDetails, WireErrorItem } from "../src/core/errors.js";
import { getPath, isSameValue, snapshot } from "./field-paths.js";
import { liveSettings } from "./form-settings.js";
import type { LiveChecks, LiveValidationOption } from "./form-types.js";
import { type MizanFormMeta, serverRuleFields } from "./meta.js";
import type { ServerErrorTracker } from "./server-error-tracker.js";

/** What the live validator needs of the form; `useMizanForm` wires it to react-hook-form. */
export interface LiveValidationHost {
  values(): unknown;
  /** Clears the error at `target` if (and only if) it came from the server. */
  clearServerError(target: string): void;
  /** The paths `watched()` returns changed: their value changes must now (or no longer) come in. */
  onWatchedChange(): void;
  /** The `liveValidation` option and the metadata, as the form has them now. */
  option(): LiveValidationOption | undefined;
  meta(): MizanFormMeta | undefined;
  /** `<form>.validate` with these args; rejects on transport failures. */
  validate(
    args: { data: unknown; fields: string[]; version?: string },
    signal: AbortSignal,
  ): Promise<unknown>;
  version(): string | undefined;
  /** The server's field name for a value path, or `undefined` when it is not validated live. */
  serverFieldOf(path: string): string | undefined;
  /** The form's data for a check of the top-level field `top` (files elsewhere left out). */
  wireValues(top: string): unknown;
  /** Whether the shared (Zod) rules already reject the value at `path`. */
  hasClientError(path: string): Promise<boolean>;
  setServerError(target: string, items: WireErrorItem[]): void;
  onBusyChange(busy: boolean): void;
  onStale(): void;
}

const markedFields = new WeakMap<MizanFormMeta, string[] | undefined>();

function serverFields(meta: MizanFormMeta): string[] | undefined {
  if (!markedFields.has(meta)) markedFields.set(meta, serverRuleFields(meta));
  return markedFields.get(meta);
}

/**
 * The fields whose changes live server validation needs to hear about: `watched` (tracked
 * server errors, checks in flight) and, in the on-change mode, the fields it checks as they
 * change (the option's `fields`, else those the metadata marks as having server rules, under
 * the form's prefix too). `undefined` means every field: on-change checks with metadata that
 * marks no field (then every field is checked). On blur, checks start from the blur handler.
 */
export function liveFieldNames(
  option: LiveValidationOption | undefined,
  meta: MizanFormMeta | undefined,
  watched: readonly string[],
): string[] | undefined {
  const settings = liveSettings(option);
  const names = new Set(watched);
  if (settings.on === "change") {
    const fields = settings.fields ?? (meta ? serverFields(meta) : undefined);
    if (!fields) return undefined;
    for (const field of fields) {
      names.add(field);
      if (meta?.prefix) names.add(`${meta.prefix}-${field}`);
    }
  }
  return [...names];
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
 * about the current value. Server errors (from here or from a submit, in `tracker`) clear
 * when their field's value changes. Plain store, no React: `useMizanForm` drives it.
 */
export class LiveValidation implements LiveChecks {
  readonly #host: LiveValidationHost;
  readonly #tracker: ServerErrorTracker;
  readonly #inflight = new Map<string, { controller: AbortController; value: unknown }>();
  /** The last answer per path: blurring again with the same value needs no request. */
  readonly #answers = new Map<string, { value: unknown; items: WireErrorItem[] }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #busy = false;

  constructor(host: LiveValidationHost, tracker: ServerErrorTracker) {
    this.#host = host;
    this.#tracker = tracker;
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
   * The fields whose changes this validator needs to hear about: `liveFieldNames` with the
   * value paths of checks in flight and of tracked server errors.
   */
  watched(): string[] | undefined {
    const paths = [...new Set([...this.#inflight.keys(), ...this.#tracker.watched()])];
    return liveFieldNames(this.#host.option(), this.#host.meta(), paths);
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
    this.#tracker.valuesChanged(values);
    if (changed) this.#host.onWatchedChange();
  }

  /** In the on-change mode, check `path` once its value rests for the option's delay. */
  changed(path: string): void {
    const settings = liveSettings(this.#host.option());
    if (settings.on === "change") this.schedule(path, settings.debounceMs);
  }

  /** Check `path` on blur, unless the option turns live checks off. */
  blurred(path: string): void {
    if (liveSettings(this.#host.option()).on) void this.validate(path);
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
      this.#tracker.track(path, path);
    } else {
      this.#tracker.untrack(path);
      this.#host.clearServerError(path);
    }
  }

  /**
   * Abort every pending check and forget tracked errors (a submit supersedes them), and the
   * cached answers too unless `keepAnswers` (an unmount).
   */
  clear(keepAnswers?: boolean): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const entry of this.#inflight.values()) entry.controller.abort();
    const watched = this.#inflight.size > 0;
    this.#inflight.clear();
    this.#setBusy();
    this.#tracker.clear();
    if (watched) this.#host.onWatchedChange();
    if (!keepAnswers) this.#answers.clear();
  }
}
