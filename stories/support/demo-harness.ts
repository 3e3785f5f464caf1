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
  /** Sign in as this demo user (the store has "admin", "alice" and "taken"); "" signs out. */
  user?: string;
  /** The store fails on write: submits end in the server's generic 500 error. */
  storeDown?: boolean;
  /** Calls to these functions wait until `release()` (to show the "submitting" state). */
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
  const inner = createInProcessClient({
    registry: SERVERS[options.server ?? "demo"],
    app: { store },
    getUser: () => (options.user ? (store.users.get(options.user) ?? null) : null),
    onError: (error) => serverErrors.push(error),
  });
  const held = new Set(options.hold ?? []);
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const calls: RecordedCall[] = [];
  const client: MizanCaller = {
    async call(name, args, callOptions) {
      calls.push({ name, args });
      if (held.has(name)) await gate;
      return inner.call(name, args, callOptions);
    },
  };
  return {
    client,
    store,
    calls,
    callsTo: (name) => calls.filter((call) => call.name === name),
    release: () => release(),
    serverErrors,
  };
}
