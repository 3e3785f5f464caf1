import type { Registry } from "mizan";
import { createInProcessClient } from "mizan/client";
import type { MizanCaller } from "mizan/react";
import { registry as demoRegistry } from "../../examples/demo/server/registry.js";
import { DemoStore } from "../../examples/demo/server/store.js";
import { registry as widgetRegistry } from "../widgets/registry.js";

/** The registries a story can talk to: the demo app's, or the widget gallery's. */
export const SERVERS: Record<"demo" | "widgets", Registry> = {
  demo: demoRegistry,
  widgets: widgetRegistry,
};

/** One call the form made, as the server received it. */
export interface RecordedCall {
  name: string;
  args: unknown;
}

export interface DemoHarnessOptions {
  /** Which registry answers (default "demo"). */
  server?: keyof typeof SERVERS;
  /**
   * Sign in as this demo user (the store has "admin", "alice" and "taken"); "" signs out, as
   * does a call of `session.logout`.
   */
  user?: string;
  /** The store fails on write: submits end in the server's generic 500 error. */
  storeDown?: boolean;
  /** Calls to these functions, and fetches of these contexts, wait until `release()`. */
  hold?: readonly string[];
}

/**
 * The demo's real server, in the page: its registry called through the in-process client
 * (the HTTP handler's envelope checks, context and errors, without HTTP), with an in-memory
 * store of its own. Records every call so stories can assert "no request was made".
 */
export interface DemoHarness {
  client: MizanCaller;
  store: DemoStore;
  calls: RecordedCall[];
  /** Every context fetch the page made (name and args), in order. */
  contextFetches: RecordedCall[];
  /** The calls to one function, e.g. `callsTo("signup.validate")`. */
  callsTo(name: string): RecordedCall[];
  /** Let held calls (and later ones) through. */
  release(): void;
  /** Unexpected server errors the in-process handler reported (a 500's cause). */
  serverErrors: unknown[];
}

export function createDemoHarness(options: DemoHarnessOptions = {}): DemoHarness {
  const store = new DemoStore();
  if (options.storeDown) {
    const down = (): never => {
      throw new Error("The demo store is down.");
    };
    store.messages.push = down;
    store.orders.push = down;
    store.addUser = down;
    store.avatars.set = down;
  }
  const serverErrors: unknown[] = [];
  // The session cookie of the demo, in the page: who getUser answers with until a sign-out.
  let session = options.user ?? "";
  const inner = createInProcessClient({
    registry: SERVERS[options.server ?? "demo"],
    app: { store },
    getUser: () => (session ? (store.users.get(session) ?? null) : null),
    onError: (error) => serverErrors.push(error),
  });
  const held = new Set(options.hold ?? []);
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const calls: RecordedCall[] = [];
  const contextFetches: RecordedCall[] = [];
  const client: MizanCaller = {
    async call(name, args, callOptions) {
      calls.push({ name, args });
      if (held.has(name)) await gate;
      // Signing out clears the cookie with the answer, before its envelope is heard.
      if (name === "session.logout") session = "";
      return inner.call(name, args, callOptions);
    },
    async context(name, args, callOptions) {
      contextFetches.push({ name, args });
      if (held.has(name)) await gate;
      return inner.context(name, args, callOptions);
    },
    // The in-process client hears each call's invalidate/merge: the provider's store applies them.
    onEnvelope: (listener) => inner.onEnvelope(listener),
  };
  return {
    client,
    store,
    calls,
    contextFetches,
    callsTo: (name) => calls.filter((call) => call.name === name),
    release: () => release(),
    serverErrors,
  };
}
