import type { ValidationDetails, WireErrorItem } from "../src/core/errors.js";
import { getPath, isSameValue, snapshot } from "./field-paths.js";
import { liveSettings } from "./form-settings.js";
import type { LiveValidationOption } from "./form-types.js";
import { type MizanFormMeta, serverRuleFields } from "./meta.js";
import { ServerErrorTracker, type ServerErrorTrackerHost } from "./server-error-tracker.js";

/** What the live validator needs of the form; `useMizanForm` wires it to react-hook-form. */
export interface LiveValidationHost extends ServerErrorTrackerHost {
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
 * about the current value. Server errors (from here or from a submit) clear when their
 * field's value changes. Plain store, no React: `useMizanForm` drives it.
 */
export class LiveValidation extends ServerErrorTracker {
  readonly #host: LiveValidationHost;
  readonly #inflight = new Map<string, { controller: AbortController; value: unknown }>();
  /** The last answer per path: blurring again with the same value needs no request. */
  readonly #answers = new Map<string, { value: unknown; items: WireErrorItem[] }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #busy = false;

  constructor(host: LiveValidationHost) {
    super(host);
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
  /**
   * The fields whose changes this validator needs to hear about: `liveFieldNames` with what it
   * watches now.
   */
  override fieldNames(
    option: LiveValidationOption | undefined,
    meta: MizanFormMeta | undefined,
  ): string[] | undefined {
    return liveFieldNames(option, meta, this.watched());
  }

  override watched(): string[] {
    return [...new Set([...this.#inflight.keys(), ...super.watched()])];
  }

  /**
   * Call on every change of a `watched()` path (other changes are ignored): aborts outdated
   * calls and clears outdated server errors.
   */
  override valuesChanged(values: unknown): void {
    let changed = false;
    for (const [path, entry] of this.#inflight) {
      if (!isSameValue(getPath(values, path), entry.value)) {
        entry.controller.abort();
        this.#inflight.delete(path);
        changed = true;
      }
    }
    this.#setBusy();
    super.valuesChanged(values);
    if (changed) this.#host.onWatchedChange();
  }

  /** In the on-change mode, check `path` once its value rests for the option's delay. */
  override changed(path: string, option: LiveValidationOption | undefined): void {
    const settings = liveSettings(option);
    if (settings.on === "change") this.schedule(path, settings.debounceMs);
  }

  /** Check `path` on blur, unless the option turns live checks off. */
  override blurred(path: string, option: LiveValidationOption | undefined): void {
    if (liveSettings(option).on) void this.validate(path);
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
  override async validate(path: string): Promise<void> {
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
      this.untrack(path);
      this.#host.clearServerError(path);
    }
  }

  /** Abort every pending check (a submit supersedes them) and forget tracked errors. */
  override abortAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const entry of this.#inflight.values()) entry.controller.abort();
    const watched = this.#inflight.size > 0;
    this.#inflight.clear();
    this.#setBusy();
    super.abortAll();
    if (watched) this.#host.onWatchedChange();
  }

  /** Forget cached answers too (after a reset). */
  override clear(): void {
    this.abortAll();
    this.#answers.clear();
  }
}
