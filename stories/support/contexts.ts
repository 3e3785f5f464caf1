import { contextKey, type SerializedContexts } from "mizan/client";

/** A context instance's rendered state: its value, or the error the server answered with. */
export type StoryContextValue = { value: unknown } | { error: { code: string; message: string } };

/**
 * Global contexts (args `{}`) as a server renders them into a page, for
 * `parameters: { contexts }` of a story that spreads `withDemo`.
 *
 * @example
 * parameters: { contexts: storyContexts({ currentUser: { value: { id: 2, username: "alice" } } }) }
 * parameters: { contexts: storyContexts({ currentUser: { error: { code: "INTERNAL", message: "Down." } } }) }
 */
export function storyContexts(values: Record<string, StoryContextValue>): SerializedContexts {
  const state: SerializedContexts = {};
  for (const [name, entry] of Object.entries(values)) {
    state[contextKey(name)] =
      "value" in entry
        ? { name, args: {}, result: entry.value }
        : { name, args: {}, error: entry.error };
  }
  return state;
}
