/**
 * The contexts the React tests read: the generator's fixture names (`currentUser`, global;
 * `greet`, local) on a registry of their own, so the hooks under test are the generated ones
 * (test/codegen/__generated__/contexts.ts). The signed-in user is a variable the tests set.
 */
import { z } from "zod";
import type { MizanCaller } from "../../react/index.js";
import { contextKey } from "../../src/client/context-store.js";
import { createInProcessClient, type MizanClient } from "../../src/client/index.js";
import { MizanError } from "../../src/core/errors.js";
import { Registry } from "../../src/core/registry.js";
import { client } from "../../src/core/server-function.js";

export interface TestUser {
  id: number;
  username: string;
}

export interface ContextWorld {
  registry: Registry;
  /** Who `getUser` answers with. */
  user: TestUser | null;
  /** How many times `greet` ran, on the server side. */
  greetRuns: number;
  /** Fails `greet` with a 403 while set. */
  refuseGreet: boolean;
  getUser: () => TestUser | null;
}

/** A registry with the two contexts and the functions that change them. */
export function contextWorld(): ContextWorld {
  const world: ContextWorld = {
    registry: new Registry(),
    user: null,
    greetRuns: 0,
    refuseGreet: false,
    getUser: () => world.user,
  };
  const user = z.object({ id: z.number().int(), username: z.string() }).nullable();
  world.registry.register(
    client({ context: "global", output: user }, (ctx) => (ctx.user as TestUser | null) ?? null),
    "currentUser",
  );
  world.registry.register(
    client(
      {
        context: "local",
        input: z.object({ name: z.string(), excited: z.boolean().optional() }),
        output: z.object({ message: z.string() }),
      },
      (ctx, { name, excited }) => {
        world.greetRuns++;
        if (world.refuseGreet) throw new MizanError("FORBIDDEN", "No greetings today.");
        const by = (ctx.user as TestUser | null)?.username;
        return { message: `Hello, ${name}${excited ? "!" : "."}${by ? ` (from ${by})` : ""}` };
      },
    ),
    "greet",
  );
  world.registry.register(
    client(
      { input: z.object({ username: z.string() }), invalidates: ["currentUser", "greet"] },
      (_ctx, { username }) => {
        world.user = { id: 7, username };
        return { ok: true };
      },
    ),
    "signIn",
  );
  world.registry.register(
    client({ input: z.object({ username: z.string() }) }, (ctx, { username }) => {
      if (world.user) world.user = { ...world.user, username };
      ctx.merge("currentUser", world.user);
      return { ok: true };
    }),
    "rename",
  );
  return world;
}

/** The world's in-process client, with every context fetch recorded by its key. */
export function countingClient(world: ContextWorld): {
  client: MizanCaller & Pick<MizanClient, "onEnvelope">;
  fetches: string[];
} {
  const inner = createInProcessClient({
    registry: world.registry,
    getUser: () => world.getUser(),
    onError: () => {},
  });
  const fetches: string[] = [];
  return {
    fetches,
    client: {
      call: (name, args, options) => inner.call(name, args, options),
      context: (name, args, options) => {
        fetches.push(contextKey(name, args));
        return inner.context(name, args, options);
      },
      onEnvelope: (listener) => inner.onEnvelope(listener),
    },
  };
}
