/**
 * Where channel events go between publishers and subscribers: one process (`memoryLayer`) or
 * many (`redisLayer` from `mizan/redis`). Cursors are opaque strings, ordered within a group;
 * a subscriber that reconnects asks `history(group, since)` for what it missed.
 */
export interface ChannelLayer {
  /**
   * Store the event in the group's history and hand it to every subscriber of the group, in
   * every process; resolves with its cursor. Rejects with `MizanError("UNAVAILABLE")` when
   * the layer is down (nothing was published).
   */
  publish(group: string, event: unknown): Promise<string>;
  /** Listen to a group's events (this process's and others'); returns the unsubscribe. */
  subscribe(group: string, listener: (cursor: string, event: unknown) => void): () => void;
  /**
   * The group's events after `since`, oldest first (`""`: from the start of the history), or
   * `{ gap: true }` when some of them were trimmed (or the cursor is unknown to this layer).
   */
  history(
    group: string,
    since: string,
  ): Promise<{ events: Array<{ cursor: string; event: unknown }> } | { gap: true }>;
  /** The cursor of the group's newest event, `""` when it has none. */
  latest(group: string): Promise<string>;
  /** Told when the layer lost events of a group (e.g. its server came back): subscribers get a `gap`. */
  onGap?(listener: (group: string) => void): () => void;
  /** Stop: drop connections and listeners; later publishes reject. */
  close(): Promise<void>;
}
